package dev.onlineddl.port.out;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A DDL statement failed. The message says which statement, on which schema and table, the
 * server's error number and text, and what to do. {@link #kind()} tells whether the statement
 * may have taken effect.
 */
public class DdlExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Statements are shown up to this many characters in messages; the full text is {@link #statement()}. */
    static final int MAX_STATEMENT_IN_MESSAGE = 1000;

    /** Passwords in CREATE/ALTER USER and GRANT ... IDENTIFIED BY must never reach a log. */
    private static final Pattern PASSWORD_LITERAL = Pattern.compile(
            "(?i)(\\bIDENTIFIED\\s+(?:WITH\\s+\\S+\\s+)?(?:BY|AS)\\s+(?:PASSWORD\\s+)?)('(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.|\"\")*\")");

    /** What went wrong, as far as the caller's next step is concerned. */
    public enum Kind {
        /** No connection could be opened: the statement was not sent. */
        CANNOT_CONNECT,
        /** The server refused or failed the statement: nothing was changed. */
        REJECTED,
        /**
         * The connection died while the statement ran (lost, or killed): it may or may not have
         * taken effect; inspect the table before retrying.
         */
        CONNECTION_LOST
    }

    private final Kind kind;
    private final String schema;
    private final String table;
    private final String statement;
    private final int errorCode;
    private final String sqlState;
    private final String advice;

    /**
     * @param errorCode the MySQL error number; 0 when the failure has none (e.g. no connection)
     * @param sqlState the SQLSTATE; may be null
     * @param serverMessage what the server or driver said
     * @param advice what the user should do next
     */
    public DdlExecutionException(Kind kind, String schema, String table, String statement, int errorCode, String sqlState,
                                 String serverMessage, String advice, Throwable cause) {
        super(describe(kind, schema, table, statement, errorCode, sqlState, serverMessage, advice), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.schema = schema;
        this.table = table;
        this.statement = statement;
        this.errorCode = errorCode;
        this.sqlState = sqlState;
        this.advice = advice;
    }

    public Kind kind() {
        return kind;
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    /** The full statement, as it was given (passwords included: do not log it, log the message). */
    public String statement() {
        return statement;
    }

    /** The MySQL error number; 0 when there is none. */
    public int errorCode() {
        return errorCode;
    }

    /** The SQLSTATE, or null. */
    public String sqlState() {
        return sqlState;
    }

    public String advice() {
        return advice;
    }

    /** The statement as shown in messages: passwords masked, long statements shortened. */
    public static String printable(String statement) {
        if (statement == null) {
            return "";
        }
        String masked = PASSWORD_LITERAL.matcher(statement).replaceAll("$1'***'");
        String oneLine = masked.strip();
        if (oneLine.length() > MAX_STATEMENT_IN_MESSAGE) {
            return oneLine.substring(0, MAX_STATEMENT_IN_MESSAGE) + "... (" + oneLine.length() + " characters)";
        }
        return oneLine;
    }

    private static String describe(Kind kind, String schema, String table, String statement, int errorCode, String sqlState,
                                   String serverMessage, String advice) {
        String target = table == null || table.isEmpty() ? "`" + schema + "`" : "`" + schema + "`.`" + table + "`";
        String what = switch (kind) {
            case CANNOT_CONNECT -> "could not connect to run DDL on " + target;
            case REJECTED -> "DDL on " + target + " failed";
            case CONNECTION_LOST -> "the connection was lost while running DDL on " + target
                    + " (the change may or may not have been applied)";
        };
        StringBuilder message = new StringBuilder(what).append(": ").append(serverMessage);
        if (errorCode != 0 || sqlState != null) {
            message.append(" [");
            if (errorCode != 0) {
                message.append("MySQL error ").append(errorCode);
            }
            if (sqlState != null) {
                message.append(errorCode != 0 ? ", " : "").append("SQLSTATE ").append(sqlState);
            }
            message.append(']');
        }
        message.append(". Statement: ").append(printable(statement));
        message.append(". What to do: ").append(advice);
        return message.toString();
    }
}
