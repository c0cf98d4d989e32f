package dev.onlineddl.app.json;

import dev.onlineddl.app.json.JsonValue.JsonArray;
import dev.onlineddl.app.json.JsonValue.JsonBoolean;
import dev.onlineddl.app.json.JsonValue.JsonNull;
import dev.onlineddl.app.json.JsonValue.JsonNumber;
import dev.onlineddl.app.json.JsonValue.JsonObject;
import dev.onlineddl.app.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text (RFC 8259) strictly: one value, nothing after it but whitespace, no trailing
 * commas, no comments, no duplicate keys. Nesting is limited so that a hostile request cannot
 * exhaust the stack of the daemon's HTTP thread.
 */
public final class JsonParser {

    static final int MAX_DEPTH = 64;

    private final String text;
    private int position;

    private JsonParser(String text) {
        this.text = text;
    }

    /** @throws JsonException saying what is wrong and at which character offset */
    public static JsonValue parse(String text) {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        JsonValue value = parser.value(0);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    /** @throws JsonException if the text is not JSON or not an object */
    public static JsonObject parseObject(String text) {
        if (parse(text) instanceof JsonObject object) {
            return object;
        }
        throw new JsonException("expected a JSON object");
    }

    private JsonValue value(int depth) {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> new JsonString(string());
            case 't' -> literal("true", JsonBoolean.TRUE);
            case 'f' -> literal("false", JsonBoolean.FALSE);
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private JsonObject object(int depth) {
        checkDepth(depth);
        position++; // {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            int keyStart = position;
            String key = string();
            if (members.containsKey(key)) {
                position = keyStart;
                throw error("duplicate member name '" + key + "'");
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, value(depth));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                return new JsonObject(members);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private JsonArray array(int depth) {
        checkDepth(depth);
        position++; // [
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return new JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                return new JsonArray(elements);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        position++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                position--;
                throw error("control character in a string must be escaped");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw error("unterminated escape");
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hexCharacter());
                default -> {
                    position -= 2;
                    throw error("invalid escape '\\" + escaped + "'");
                }
            }
        }
    }

    private char hexCharacter() {
        if (position + 4 > text.length()) {
            throw error("incomplete \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        position += 4;
        return (char) value;
    }

    private JsonNumber number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            skipDigits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            skipDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            skipDigits();
        }
        try {
            return new JsonNumber(new BigDecimal(text.substring(start, position)));
        } catch (NumberFormatException outOfRange) { // exponent beyond an int
            position = start;
            throw error("number out of range");
        }
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected word; expected " + word);
        }
        position += word.length();
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char expected) {
        if (peek() != expected) {
            throw error("expected '" + expected + "'");
        }
        position++;
    }

    /** The current character, or NUL at the end (NUL is never valid where peek is used). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipDigits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonException error(String problem) {
        return new JsonException("invalid JSON at offset " + position + ": " + problem);
    }
}
