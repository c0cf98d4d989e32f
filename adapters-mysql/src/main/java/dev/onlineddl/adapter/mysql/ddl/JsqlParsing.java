package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import dev.onlineddl.domain.InvalidInputException;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * Calls into JSQLParser, and checks that what it prints back is what it was given.
 *
 * <p>JSQLParser normalises spacing and keyword case, and that is all it may do: a printed
 * statement whose tokens differ from the input (a dropped keyword, a reordered option) would run
 * something else than the user asked for. {@link #requireSameTokens} refuses such a statement
 * instead of running it.
 */
final class JsqlParsing {

    private JsqlParsing() {
    }

    /**
     * @param sql       what to parse
     * @param statement the user's statement, for the error message
     * @param part      the part of the statement {@code sql} stands for, as the user wrote it (the
     *                  whole statement, or one ALTER clause), for the error message
     * @throws InvalidInputException if JSQLParser cannot parse it or gives it no structure
     */
    static <T extends Statement> T parse(String sql, Class<T> expectedType, String statement, String part) {
        Statement parsed;
        try {
            parsed = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            throw cannotParse(part, statement, parserDetail(e));
        }
        if (parsed instanceof UnsupportedStatement || !expectedType.isInstance(parsed)) {
            throw cannotParse(part, statement, "not understood as " + describe(expectedType));
        }
        return expectedType.cast(parsed);
    }

    /**
     * @throws InvalidInputException if {@code printed} is not {@code input} up to spacing,
     *         keyword case and comments
     */
    static void requireSameTokens(String input, String printed, String statement) {
        List<String> expected = comparableTokens(input);
        List<String> actual = comparableTokens(printed);
        if (expected.equals(actual)) {
            return;
        }
        int at = 0;
        while (at < expected.size() && at < actual.size() && expected.get(at).equals(actual.get(at))) {
            at++;
        }
        String expectedToken = at < expected.size() ? expected.get(at) : "(end)";
        String actualToken = at < actual.size() ? actual.get(at) : "(end)";
        throw new InvalidInputException("cannot handle DDL statement safely: " + statement
                + ": the SQL parser (JSQLParser 5.4) would print " + actualToken + " where the statement has "
                + expectedToken + " (token " + (at + 1) + "), which could change its meaning; rewrite that part of the"
                + " statement in another equivalent form, or run this DDL outside online DDL");
    }

    private static List<String> comparableTokens(String text) {
        return SqlLexer.significantTokens(text).stream()
                .map(token -> token.type() == SqlToken.Type.WORD ? token.upper() : token.text())
                .toList();
    }

    static InvalidInputException cannotParse(String sql, String statement, String detail) {
        String part = sql.equals(statement) ? "" : " (at \"" + sql + "\")";
        return new InvalidInputException("cannot parse DDL statement: " + statement + part + ": " + detail
                + ". Check the syntax; if it is valid MySQL, the SQL parser (JSQLParser 5.4) does not support it:"
                + " write it in another equivalent form or run it outside online DDL");
    }

    private static String parserDetail(JSQLParserException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? e.toString() : cause.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).strip();
        int prefix = firstLine.lastIndexOf("Exception: ");
        String detail = prefix >= 0 ? firstLine.substring(prefix + "Exception: ".length()) : firstLine;
        // positions refer to the text we gave the parser, not to the user's statement
        return detail.replaceAll(",? at line \\d+, column \\d+", "").replaceAll(",? in lexical state \\w+\\.?", "")
                .replaceAll("[.,\\s]+$", "");
    }

    private static String describe(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
