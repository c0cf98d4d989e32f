package dev.onlineddl.adapter.mysql.inspect;

/**
 * LIKE patterns that match text literally. The escape character is given explicitly in every
 * query ({@code ESCAPE '!'}): the default, backslash, stops being an escape character under the
 * NO_BACKSLASH_ESCAPES sql_mode, and a pattern must not change meaning with the session's mode.
 */
final class LikePatterns {

    static final char ESCAPE = '!';
    /** The clause to put after {@code LIKE ?}. */
    static final String ESCAPE_CLAUSE = " ESCAPE '" + ESCAPE + "'";

    private LikePatterns() {
    }

    /** The text with {@code %}, {@code _} and the escape character itself escaped. */
    static String literal(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                escaped.append(ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A pattern matching any text that contains {@code text}. */
    static String containing(String text) {
        return "%" + literal(text) + "%";
    }
}
