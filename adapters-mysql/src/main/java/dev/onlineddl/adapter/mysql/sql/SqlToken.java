package dev.onlineddl.adapter.mysql.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * One lexical token of MySQL text, from {@link SqlLexer}.
 *
 * @param type  what it is
 * @param text  the exact source text, quotes included
 * @param start offset of its first character in the lexed text
 */
public record SqlToken(Type type, String text, int start) {

    public enum Type {
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
        /**
         * A whole executable comment ({@code /*!50100 ...*}{@code /}, {@code /*M!100301 ...*}{@code /}),
         * markers and content in one token: only from {@link SqlLexer#serverTokens}, for text that is
         * compared rather than understood.
         */
        EXECUTABLE_COMMENT,
        WHITESPACE
    }

    public SqlToken {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }

    public int end() {
        return start + text.length();
    }

    /** Neither whitespace nor a comment. */
    public boolean isSignificant() {
        return type != Type.WHITESPACE && type != Type.COMMENT;
    }

    /** An unquoted word equal to {@code keyword}, ignoring case. */
    public boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    /** A name: an unquoted word or a backtick-quoted identifier. */
    public boolean isIdentifier() {
        return type == Type.WORD || type == Type.QUOTED_IDENTIFIER;
    }

    /** The identifier as MySQL stores it: backticks removed and doubled backticks undoubled. */
    public String identifierValue() {
        if (type == Type.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1).replace("``", "`");
        }
        return text;
    }

    /** The word in upper case, for keyword comparisons. */
    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
