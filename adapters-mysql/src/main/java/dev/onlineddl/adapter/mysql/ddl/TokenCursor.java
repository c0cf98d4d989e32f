package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import java.util.List;
import java.util.Optional;

/**
 * Reads a list of significant tokens front to back, for the few grammar rules we parse ourselves
 * (statement heads, ALTER clauses, table options, view options, DROP lists).
 */
final class TokenCursor {

    private final String source;
    private final List<SqlToken> tokens;
    private int index;

    /**
     * @param source the text the tokens were lexed from, to hand out exact slices of it
     * @param tokens significant tokens of {@code source}
     */
    TokenCursor(String source, List<SqlToken> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static TokenCursor over(String text) {
        return new TokenCursor(text, SqlLexer.significantTokens(text));
    }

    boolean atEnd() {
        return index >= tokens.size();
    }

    int position() {
        return index;
    }

    /** The token {@code ahead} places after the current one, if there is one. */
    Optional<SqlToken> peek(int ahead) {
        int at = index + ahead;
        return at < tokens.size() ? Optional.of(tokens.get(at)) : Optional.empty();
    }

    Optional<SqlToken> peek() {
        return peek(0);
    }

    SqlToken next() {
        if (atEnd()) {
            throw new IllegalStateException("no token left in: " + source);
        }
        return tokens.get(index++);
    }

    /** Whether the next tokens are these words, in order (ignoring case); consumes nothing. */
    boolean peekWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            Optional<SqlToken> token = peek(i);
            if (token.isEmpty() || !token.get().isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    /** Consumes the words if the next tokens are exactly these words. */
    boolean acceptWords(String... words) {
        if (!peekWords(words)) {
            return false;
        }
        index += words.length;
        return true;
    }

    boolean peekSymbol(String symbol) {
        return peek().map(token -> token.isSymbol(symbol)).orElse(false);
    }

    boolean acceptSymbol(String symbol) {
        if (!peekSymbol(symbol)) {
            return false;
        }
        index++;
        return true;
    }

    /**
     * Consumes a parenthesised group starting at the current {@code (}, nested groups included.
     *
     * @return false (consuming nothing) if the current token is not {@code (} or the group is not closed
     */
    boolean skipParenthesizedGroup() {
        if (!peekSymbol("(")) {
            return false;
        }
        int depth = 0;
        for (int i = index; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")") && --depth == 0) {
                index = i + 1;
                return true;
            }
        }
        return false;
    }

    /** The exact source text of tokens {@code [from, to)}, spacing included; empty if the range is empty. */
    String text(int from, int to) {
        if (from >= to) {
            return "";
        }
        return source.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** The source text from token {@code from} to the end. */
    String textToEnd(int from) {
        return text(from, tokens.size());
    }

    /** The token at an absolute index, wherever the cursor stands. */
    SqlToken tokenAt(int at) {
        return tokens.get(at);
    }

    List<SqlToken> tokens(int from, int to) {
        return tokens.subList(from, to);
    }

    int size() {
        return tokens.size();
    }
}
