package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MySQL identifier quoting and length limits, and the two list encodings the executor stores in
 * text columns (the {@code artifacts} column and friends).
 */
public final class Identifiers {

    /** MySQL's limit for table, column, index and constraint names, counted in characters. */
    public static final int MAX_IDENTIFIER_LENGTH = 64;

    private static final Pattern LIST_DELIMITERS = Pattern.compile("[ ,;]+");
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private Identifiers() {
    }

    /**
     * The identifier inside backticks, with embedded backticks doubled, so that any name a user
     * gave is safe to splice into a statement: {@code a`b} becomes {@code `a``b`}.
     *
     * @throws InvalidInputException for an empty name or one containing NUL, which MySQL rejects
     *         even when quoted; failing here gives a clearer message than the server would
     */
    public static String quote(String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.isEmpty()) {
            throw new InvalidInputException("an identifier cannot be empty: give the table, column or constraint a name");
        }
        if (identifier.indexOf('\0') >= 0) {
            throw new InvalidInputException("identifier '" + identifier.replace("\0", "\\0")
                    + "' contains a NUL character, which MySQL does not allow in names: remove it");
        }
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** {@code `schema`.`table`}, each part quoted by {@link #quote(String)}. */
    public static String quoteQualified(String schema, String table) {
        return quote(schema) + '.' + quote(table);
    }

    /** The identifier's length as MySQL counts it: in characters (code points), not bytes. */
    public static int length(String identifier) {
        return identifier.codePointCount(0, identifier.length());
    }

    /**
     * Returns the identifier if MySQL can hold it, else fails naming it and what it is for.
     *
     * @param role what the identifier names, for the message, e.g. "table name" or
     *             "new name of constraint chk_1 of table t"
     */
    public static String requireWithinLengthLimit(String identifier, String role) {
        return requireWithinLengthLimit(identifier, role, "use a shorter name");
    }

    /**
     * As {@link #requireWithinLengthLimit(String, String)}, with the advice to give when the
     * identifier is too long (e.g. for a generated name the user cannot shorten directly).
     */
    public static String requireWithinLengthLimit(String identifier, String role, String advice) {
        Objects.requireNonNull(identifier, "identifier");
        int length = length(identifier);
        if (length > MAX_IDENTIFIER_LENGTH) {
            throw new InvalidInputException(role + " '" + identifier + "' is " + length
                    + " characters long, over MySQL's limit of " + MAX_IDENTIFIER_LENGTH
                    + " characters for identifiers: " + advice);
        }
        return identifier;
    }

    /**
     * Splits a list written with any runs of spaces, commas and semicolons between items, trims
     * each item and drops empty ones: {@code " one, ,two;  three "} gives {@code [one, two, three]}.
     * Empty input gives an empty list.
     */
    public static List<String> splitDelimitedList(String text) {
        Objects.requireNonNull(text, "delimited list");
        return LIST_DELIMITERS.splitAsStream(text)
                .map(String::strip)
                .filter(token -> !token.isEmpty())
                .toList();
    }

    /**
     * URL-query-escapes each element (space as {@code +}, reserved characters such as the
     * separator as {@code %XX}) and joins them with the separator, so that elements may contain
     * the separator and still be split back apart by {@link #splitUnescape(String, String)}.
     */
    public static String escapeJoin(Collection<String> elements, String separator) {
        Objects.requireNonNull(separator, "separator");
        return elements.stream().map(Identifiers::queryEscape).collect(Collectors.joining(separator));
    }

    /**
     * The inverse of {@link #escapeJoin(Collection, String)}: splits on the separator and
     * unescapes each part. Empty text gives an empty list (not a list of one empty string).
     *
     * @throws InvalidInputException when a part holds a malformed {@code %} escape or does not
     *         decode to UTF-8 text
     */
    public static List<String> splitUnescape(String text, String separator) {
        Objects.requireNonNull(text, "escaped list");
        Objects.requireNonNull(separator, "separator");
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("separator must not be empty");
        }
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String part : text.split(Pattern.quote(separator), -1)) {
            result.add(queryUnescape(part, text));
        }
        return List.copyOf(result);
    }

    /**
     * Go's {@code url.QueryEscape}, byte for byte: letters, digits and {@code -_.~} stay, space
     * becomes {@code +}, every other UTF-8 byte becomes {@code %XX}. {@code URLEncoder} differs on
     * {@code ~} and {@code *}, which would make our stored lists differ from Vitess's.
     */
    static String queryEscape(String element) {
        Objects.requireNonNull(element, "list element");
        StringBuilder escaped = new StringBuilder(element.length());
        for (byte b : element.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (isUnreserved(c)) {
                escaped.append(c);
            } else if (c == ' ') {
                escaped.append('+');
            } else {
                escaped.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0x0F]);
            }
        }
        return escaped.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static String queryUnescape(String part, String wholeText) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        int i = 0;
        while (i < part.length()) {
            int c = part.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || hexValue(part.charAt(i + 1)) < 0 || hexValue(part.charAt(i + 2)) < 0) {
                    String escape = part.substring(i, Math.min(i + 3, part.length()));
                    throw new InvalidInputException("invalid URL escape \"" + escape + "\" in the escaped list '"
                            + wholeText + "': a % must be followed by two hex digits");
                }
                bytes.write(hexValue(part.charAt(i + 1)) << 4 | hexValue(part.charAt(i + 2)));
                i += 3;
            } else {
                // '+' is how escapeJoin wrote a space; anything else stands for itself
                byte[] encoded = (c == '+' ? " " : Character.toString(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("the escaped list '" + wholeText + "' holds the element '" + part
                    + "', whose %XX escapes are not valid UTF-8: " + e.getMessage());
        }
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
