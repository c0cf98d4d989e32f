package dev.onlineddl.domain.strategy;

import dev.onlineddl.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits strategy options into words the way Vitess does (Google's {@code shlex}), so that a
 * strategy string Vitess accepted yields the same flags and the same tool arguments here:
 * words are separated by space, tab, CR or LF; single quotes keep everything literally; double
 * quotes keep everything but let a backslash escape the next character (any character, the
 * backslash is dropped); outside quotes a backslash escapes the next character; quotes may sit
 * inside a word ({@code --alter="add column x int"} is one word) and {@code ""} is an empty
 * word; a {@code #} at the start of a word starts a comment that runs to the end of the line.
 */
final class ShellWords {

    /** One word: its value after quote removal, and where its source text lies in the input. */
    record Word(String value, int start, int end) {
    }

    private ShellWords() {
    }

    /** @throws InvalidInputException naming the whole input when a quote or an escape is left open */
    static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            char next = text.charAt(position);
            if (isSeparator(next)) {
                position++;
            } else if (next == '#') {
                position = endOfLine(text, position);
            } else {
                StringBuilder value = new StringBuilder();
                int end = readWord(text, position, value);
                words.add(new Word(value.toString(), position, end));
                position = end;
            }
        }
        return List.copyOf(words);
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int endOfLine(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    /** Reads one word starting at {@code from} into {@code value}; returns the index just after it. */
    private static int readWord(String text, int from, StringBuilder value) {
        int position = from;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (isSeparator(c)) {
                break;
            }
            switch (c) {
                case '\'' -> position = readSingleQuoted(text, position + 1, value);
                case '"' -> position = readDoubleQuoted(text, position + 1, value);
                case '\\' -> position = readEscaped(text, position + 1, value);
                default -> {
                    value.append(c);
                    position++;
                }
            }
        }
        return position;
    }

    private static int readSingleQuoted(String text, int from, StringBuilder value) {
        int closing = text.indexOf('\'', from);
        if (closing < 0) {
            throw invalid(text, "a single quote is not closed; close it or escape the quote with a backslash");
        }
        value.append(text, from, closing);
        return closing + 1;
    }

    private static int readDoubleQuoted(String text, int from, StringBuilder value) {
        int position = from;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '"') {
                return position + 1;
            }
            if (c == '\\') {
                position = readEscaped(text, position + 1, value);
            } else {
                value.append(c);
                position++;
            }
        }
        throw invalid(text, "a double quote is not closed; close it or escape the quote with a backslash");
    }

    private static int readEscaped(String text, int position, StringBuilder value) {
        if (position >= text.length()) {
            throw invalid(text, "it ends with a backslash that escapes nothing; remove it or double it");
        }
        value.append(text.charAt(position));
        return position + 1;
    }

    private static InvalidInputException invalid(String text, String problem) {
        return new InvalidInputException("invalid strategy options '" + text + "': " + problem);
    }
}
