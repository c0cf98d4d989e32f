package dev.onlineddl.adapter.mysql.diff;

import java.util.Locale;

/**
 * One token of server-printed DDL, with its position in the source so that slices of the source
 * (not re-printed tokens) can be handed back to the server.
 *
 * @param start offset of the first character in the source
 * @param end   offset just after the last character
 */
record Lexeme(Kind kind, String text, int start, int end) {

    enum Kind {
        /** Keyword, unquoted name or number. */
        WORD,
        /** {@code `name`}. */
        QUOTED_IDENTIFIER,
        /** {@code 'text'}, or {@code "text"} (an identifier under ANSI_QUOTES; compared verbatim either way). */
        STRING,
        /** {@code /*!50100 ...*}{@code /} or MariaDB's {@code /*M!100301 ...*}{@code /}: code the server runs. */
        EXECUTABLE_COMMENT,
        /** Any other punctuation, one character. */
        SYMBOL
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    /** For a quoted identifier its name ({@code `a``b`} is {@code a`b}); for anything else its text. */
    String identifierValue() {
        if (kind == Kind.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return text;
    }

    /** The word in upper case, for keyword comparisons. */
    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
