package dev.onlineddl.adapter.mysql.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits server-printed DDL into {@link Lexeme}s. It only needs to be right about where tokens
 * start and end (quotes, comments, punctuation), never about what they mean.
 */
final class DdlLexer {

    private DdlLexer() {
    }

    /**
     * @throws IllegalArgumentException for an unterminated quote or comment
     */
    static List<Lexeme> tokenize(String source) {
        List<Lexeme> tokens = new ArrayList<>();
        int length = source.length();
        int position = 0;
        while (position < length) {
            char current = source.charAt(position);
            if (Character.isWhitespace(current)) {
                position++;
            } else if (current == '`') {
                int end = endOfQuoted(source, position, '`', false);
                tokens.add(new Lexeme(Lexeme.Kind.QUOTED_IDENTIFIER, source.substring(position, end), position, end));
                position = end;
            } else if (current == '\'' || current == '"') {
                int end = endOfQuoted(source, position, current, true);
                tokens.add(new Lexeme(Lexeme.Kind.STRING, source.substring(position, end), position, end));
                position = end;
            } else if (source.startsWith("/*", position)) {
                int close = source.indexOf("*/", position + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated comment starting at offset " + position);
                }
                int end = close + 2;
                boolean executable = source.startsWith("/*!", position) || source.startsWith("/*M!", position);
                // plain comments mean nothing to the server, so they mean nothing to the comparison
                if (executable) {
                    tokens.add(new Lexeme(Lexeme.Kind.EXECUTABLE_COMMENT, source.substring(position, end), position, end));
                }
                position = end;
            } else if (isWordCharacter(current)) {
                int end = position + 1;
                while (end < length && isWordCharacter(source.charAt(end))) {
                    end++;
                }
                tokens.add(new Lexeme(Lexeme.Kind.WORD, source.substring(position, end), position, end));
                position = end;
            } else {
                tokens.add(new Lexeme(Lexeme.Kind.SYMBOL, String.valueOf(current), position, position + 1));
                position++;
            }
        }
        return tokens;
    }

    private static boolean isWordCharacter(char character) {
        return Character.isLetterOrDigit(character) || character == '_' || character == '$';
    }

    /**
     * Offset after the closing quote. The quote doubled stands for itself; in strings a backslash
     * escapes the next character (the server prints {@code \n}, {@code \\} and friends that way).
     */
    private static int endOfQuoted(String source, int start, char quote, boolean backslashEscapes) {
        int position = start + 1;
        while (position < source.length()) {
            char current = source.charAt(position);
            if (backslashEscapes && current == '\\') {
                position += 2;
            } else if (current == quote) {
                if (position + 1 < source.length() && source.charAt(position + 1) == quote) {
                    position += 2;
                } else {
                    return position + 1;
                }
            } else {
                position++;
            }
        }
        throw new IllegalArgumentException("unterminated " + quote + " quote starting at offset " + start);
    }
}
