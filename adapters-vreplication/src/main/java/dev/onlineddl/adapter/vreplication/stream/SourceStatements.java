package dev.onlineddl.adapter.vreplication.stream;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a statement-format event that changes the source table: a DDL statement on it
 * (ALTER, DROP, RENAME, TRUNCATE, a trigger created on it, a table created LIKE it) or a write
 * logged as a statement. The shadow table could no longer follow the source after either, so the
 * migration fails. A name counts when it follows a word that introduces a table (TABLE, INTO,
 * FROM, ON, TO, LIKE, REFERENCES, …) or a comma in a list of tables; column names do not.
 */
public final class SourceStatements {

    private static final Set<String> CHANGING_VERBS = Set.of(
            "alter", "drop", "rename", "truncate", "create", "insert", "update", "delete", "replace", "load");
    private static final Set<String> TABLE_INTRODUCERS = Set.of(
            "table", "tables", "into", "from", "join", "update", "on", "to", "like", "references", "exists");
    /** A quoted or bare identifier, optionally qualified; or a single punctuation character. */
    private static final Pattern TOKEN = Pattern.compile(
            "((?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+)(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[A-Za-z0-9_$]+))?)|([,(])|('(?:[^'\\\\]|\\\\.|'')*')");

    private final String schema;
    private final String table;

    public SourceStatements(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    /**
     * @param defaultSchema the session's default database when the statement ran (the event's)
     * @return the statement's verb when it changes the source table
     */
    public Optional<String> changesSource(String defaultSchema, String sql) {
        String stripped = sql.strip();
        int space = indexOfWhitespace(stripped);
        String verb = (space < 0 ? stripped : stripped.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!CHANGING_VERBS.contains(verb)) {
            return Optional.empty();
        }
        Matcher tokens = TOKEN.matcher(stripped);
        boolean nextIsTable = false;
        while (tokens.find()) {
            String identifier = tokens.group(1);
            if (identifier == null) {
                nextIsTable = ",".equals(tokens.group(2));
                continue;
            }
            if (nextIsTable && names(defaultSchema, identifier)) {
                return Optional.of(verb.toUpperCase(Locale.ROOT));
            }
            nextIsTable = TABLE_INTRODUCERS.contains(identifier.toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private boolean names(String defaultSchema, String identifier) {
        String qualifier = defaultSchema;
        String name = identifier;
        int dot = lastDotOutsideQuotes(identifier);
        if (dot >= 0) {
            qualifier = unquote(identifier.substring(0, dot).strip());
            name = identifier.substring(dot + 1).strip();
        }
        return table.equals(unquote(name)) && schema.equals(qualifier);
    }

    private static int lastDotOutsideQuotes(String identifier) {
        boolean quoted = false;
        int dot = -1;
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                dot = i;
            }
        }
        return dot;
    }

    private static String unquote(String identifier) {
        if (identifier.length() >= 2 && identifier.startsWith("`") && identifier.endsWith("`")) {
            return identifier.substring(1, identifier.length() - 1).replace("``", "`");
        }
        return identifier;
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
