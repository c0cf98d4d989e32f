package dev.onlineddl.adapter.mysql.sql;

import dev.onlineddl.adapter.mysql.sql.SqlToken.Type;
import dev.onlineddl.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits MySQL text into tokens, with MySQL's rules for quotes and comments: {@code '...'} and
 * {@code "..."} strings with backslash escapes and doubled quotes, {@code `...`} identifiers with
 * doubled backticks, {@code #} and {@code -- } line comments ({@code --} only counts when
 * followed by whitespace), {@code /* *}{@code /} block comments.
 *
 * <p>An executable comment ({@code /*!50100 PARTITION BY ... *}{@code /}, {@code /*M!100100 ...}) is
 * code MySQL and MariaDB run: its markers become COMMENT tokens and its content is lexed like the
 * text around it, so that dropping comments never drops what the server would execute.
 *
 * <p>The one lexer of this adapter: the DDL analyzer reads submitted statements with it, and the
 * schema differ reads the server's {@code SHOW CREATE} output with {@link #serverTokens}.
 */
public final class SqlLexer {

    private static final String[] MULTI_CHAR_SYMBOLS = {
            "->>", "<=>", "->", "<=", ">=", "<>", "!=", ":=", "||", "&&", "<<", ">>"};

    private final String text;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int position;
    private int executableCommentStart = -1;

    private SqlLexer(String text) {
        this.text = text;
    }

    /**
     * @throws InvalidInputException for an unterminated string, quoted identifier or comment
     */
    public static List<SqlToken> tokenize(String text) {
        SqlLexer lexer = new SqlLexer(text);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    /** The significant tokens only (no whitespace, no comments). */
    public static List<SqlToken> significantTokens(String text) {
        return tokenize(text).stream().filter(SqlToken::isSignificant).toList();
    }

    /**
     * The significant tokens of text the server printed ({@code SHOW CREATE TABLE}), with each
     * executable comment as one {@link Type#EXECUTABLE_COMMENT} token, markers and content: the
     * schema differ compares such a comment as a whole (MariaDB's {@code /*M!100301 COMPRESSED*}{@code /})
     * and hands it back verbatim, where the analyzer must see inside it.
     *
     * @throws InvalidInputException for an unterminated string, quoted identifier or comment
     */
    public static List<SqlToken> serverTokens(String text) {
        List<SqlToken> tokens = new ArrayList<>();
        int executableStart = -1;
        for (SqlToken token : tokenize(text)) {
            if (executableStart >= 0) {
                // the lexer closes an executable comment with a COMMENT token of its own, "*/"
                if (token.type() == Type.COMMENT && token.text().equals("*/")) {
                    tokens.add(new SqlToken(Type.EXECUTABLE_COMMENT, text.substring(executableStart, token.end()),
                            executableStart));
                    executableStart = -1;
                }
            } else if (token.type() == Type.COMMENT && isExecutableCommentStart(token.text())) {
                executableStart = token.start();
            } else if (token.isSignificant()) {
                tokens.add(token);
            }
        }
        return List.copyOf(tokens);
    }

    private static boolean isExecutableCommentStart(String comment) {
        return (comment.startsWith("/*!") || comment.startsWith("/*M!")) && !comment.endsWith("*/");
    }

    /**
     * The text with every run of whitespace (and every comment) outside literals and quoted names
     * replaced by one space, trimmed: JSQLParser sometimes prints two spaces or a trailing one.
     */
    public static String singleSpaced(String text) {
        StringBuilder spaced = new StringBuilder(text.length());
        boolean spacePending = false;
        for (SqlToken token : tokenize(text)) {
            if (!token.isSignificant()) {
                spacePending = true;
                continue;
            }
            if (spacePending && spaced.length() > 0) {
                spaced.append(' ');
            }
            spaced.append(token.text());
            spacePending = false;
        }
        return spaced.toString();
    }

    private void run() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (executableCommentStart >= 0 && text.startsWith("*/", position)) {
                emit(Type.COMMENT, position + 2);
                executableCommentStart = -1;
            } else if (Character.isWhitespace(c)) {
                int end = position;
                while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                emit(Type.WHITESPACE, end);
            } else if (c == '#' || isDashDashComment()) {
                int end = text.indexOf('\n', position);
                emit(Type.COMMENT, end < 0 ? text.length() : end);
            } else if (text.startsWith("/*", position)) {
                blockComment();
            } else if (c == '\'' || c == '"') {
                emit(Type.STRING, quotedEnd(c, true, "string literal"));
            } else if (c == '`') {
                emit(Type.QUOTED_IDENTIFIER, quotedEnd('`', false, "quoted identifier"));
            } else if (c == '@') {
                variable();
            } else if (Character.isDigit(c)) {
                number();
            } else if (isWordChar(c)) {
                emit(Type.WORD, wordEnd(position));
            } else {
                symbol();
            }
        }
        if (executableCommentStart >= 0) {
            throw unterminated("executable comment", executableCommentStart);
        }
    }

    private boolean isDashDashComment() {
        // MySQL: "--" starts a comment only when followed by whitespace or a control character
        return text.startsWith("--", position)
                && (position + 2 == text.length() || text.charAt(position + 2) <= ' ');
    }

    private void blockComment() {
        boolean mysqlExecutable = text.startsWith("/*!", position);
        boolean mariadbExecutable = text.startsWith("/*M!", position);
        if ((mysqlExecutable || mariadbExecutable) && executableCommentStart < 0) {
            int end = position + (mysqlExecutable ? 3 : 4);
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            executableCommentStart = position;
            emit(Type.COMMENT, end);
            return;
        }
        int close = text.indexOf("*/", position + 2);
        if (close < 0) {
            throw unterminated("comment", position);
        }
        emit(Type.COMMENT, close + 2);
    }

    private int quotedEnd(char quote, boolean backslashEscapes, String what) {
        int i = position + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw unterminated(what, position);
    }

    private void variable() {
        int end = position + 1;
        if (end < text.length() && text.charAt(end) == '@') {
            end++;
        }
        if (end < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '"' || text.charAt(end) == '`')) {
            char quote = text.charAt(end);
            int saved = position;
            position = end;
            end = quotedEnd(quote, quote != '`', "quoted name");
            position = saved;
        } else {
            while (end < text.length() && (isWordChar(text.charAt(end)) || text.charAt(end) == '.')) {
                end++;
            }
        }
        emit(Type.VARIABLE, end);
    }

    private void number() {
        int end = position;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        if (end + 1 < text.length() && text.charAt(end) == '.' && Character.isDigit(text.charAt(end + 1))) {
            end++;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
        }
        if (end < text.length() && (text.charAt(end) == 'e' || text.charAt(end) == 'E')) {
            int exponent = end + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                end = exponent;
                while (end < text.length() && Character.isDigit(text.charAt(end))) {
                    end++;
                }
            }
        }
        if (end < text.length() && isWordChar(text.charAt(end))) {
            // MySQL identifiers may start with digits (1col, 0x1F as a hex literal): one word
            emit(Type.WORD, wordEnd(end));
        } else {
            emit(Type.NUMBER, end);
        }
    }

    private void symbol() {
        for (String symbol : MULTI_CHAR_SYMBOLS) {
            if (text.startsWith(symbol, position)) {
                emit(Type.SYMBOL, position + symbol.length());
                return;
            }
        }
        emit(Type.SYMBOL, position + Character.charCount(text.codePointAt(position)));
    }

    private int wordEnd(int from) {
        int end = from;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7F && !Character.isWhitespace(c);
    }

    private void emit(Type type, int end) {
        tokens.add(new SqlToken(type, text.substring(position, end), position));
        position = end;
    }

    private InvalidInputException unterminated(String what, int start) {
        return new InvalidInputException("cannot parse DDL: unterminated " + what + " starting at character "
                + (start + 1) + " of: " + text.strip() + " (close it, or escape the quote character inside it)");
    }
}
