package dev.onlineddl.adapter.mysql.ddl;

import java.util.Locale;
import java.util.Objects;

/**
 * One lexical token of MySQL text.
 *
 * @param type  what it is
 * @param text  the exact source text, quotes included
 * @param start offset of its first character in the lexed text
 */
record SqlToken(Type type, String text, int start) {

    enum Type {
        /** An unquoted keyword or identifier. */
        WORD,
        /** A {@code `backtick quoted`} identifier. */
        QUOTED_IDENTIFIER,
        /** A {@code 'single'} or {@code "double"} quoted string. */
        STRING,
        NUMBER,
        /** {@code @name}, {@code @@name}, {@code @'name'}: user and system variables, or the host part of an account. */
        VARIABLE,
        /** Punctuation and operators, e.g. {@code (}, {@code ,}, {@code ;}, {@code ->>}, {@code <=}. */
        SYMBOL,
        /** A comment, including the markers of an executable comment whose content is lexed normally. */
        COMMENT,
        WHITESPACE
    }

    SqlToken {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    int end() {
        return start + text.length();
    }

    /** Neither whitespace nor a comment. */
    boolean isSignificant() {
        return type != Type.WHITESPACE && type != Type.COMMENT;
    }

    /** An unquoted word equal to {@code keyword}, ignoring case. */
    boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    /** A name: an unquoted word or a backtick-quoted identifier. */
    boolean isIdentifier() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    /** The identifier as MySQL stores it: backticks removed and doubled backticks undoubled. */
    String identifierValue() {
        if (type == Type.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return text;
    }

    /** The word in upper case, for keyword comparisons. */
    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
