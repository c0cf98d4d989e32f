package dev.onlineddl.adapter.mysql.inspect;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.util.Map;

/**
 * What a MySQL/MariaDB error means for the user: whether the connection is gone, and what to do
 * next. Keyed by the server's error number; the driver reports network failures with SQLSTATE
 * class 08 and no number.
 */
final class ServerErrors {

    /** MariaDB's ER_CONNECTION_KILLED: the driver, written for MySQL, has no constant for it. */
    static final int MARIADB_CONNECTION_KILLED = 1927;
    /**
     * CR_SERVER_GONE_ERROR, CR_SERVER_LOST: numbers of the C client library that some drivers and
     * proxies report; Connector/J's {@link MysqlErrorNumbers} holds server numbers only.
     */
    static final int CLIENT_SERVER_GONE = 2006;
    static final int CLIENT_SERVER_LOST = 2013;

    private static final String SYNTAX = "fix the statement's syntax (the server could not parse it) and submit it again";
    private static final String MISSING_TABLE = "check the table name and that it exists in this schema"
            + " (table names are case-sensitive unless the server sets lower_case_table_names)";
    private static final String DEFINITION_CONFLICT = "the statement does not fit the table's current definition:"
            + " compare it with SHOW CREATE TABLE and correct it";
    private static final String LOCKED = "another session holds a lock on the table: retry when it is released,"
            + " or raise lock_wait_timeout";
    private static final String PRIVILEGE = "grant the account the privilege the server names, or run as an account that has it";
    private static final String READ_ONLY = "the server does not accept writes (read_only or super_read_only):"
            + " run against the primary, or clear read_only there";
    private static final String NOT_INSTANT = "the server cannot make this change with the requested ALGORITHM or LOCK:"
            + " remove that clause, or use a strategy that copies the table (vitess)";
    private static final String FOREIGN_KEY = "a foreign key constraint prevents the change: adjust the referencing or"
            + " referenced table first, or drop the constraint";
    private static final String LIMIT = "the new definition exceeds a server limit (row size, key length, column count):"
            + " shorten or split the columns or keys involved";
    private static final String CONNECTION_LOST = "the connection died while the statement ran (killed, server restart or"
            + " network failure): check with SHOW CREATE TABLE whether the change was applied before running it again";

    private static final Map<Integer, String> ADVICE = Map.ofEntries(
            Map.entry(MysqlErrorNumbers.ER_PARSE_ERROR, SYNTAX),
            Map.entry(MysqlErrorNumbers.ER_SYNTAX_ERROR, SYNTAX),
            Map.entry(MysqlErrorNumbers.ER_NO_SUCH_TABLE, MISSING_TABLE),
            Map.entry(MysqlErrorNumbers.ER_BAD_TABLE_ERROR, MISSING_TABLE),
            Map.entry(MysqlErrorNumbers.ER_FILE_NOT_FOUND, MISSING_TABLE),
            Map.entry(MysqlErrorNumbers.ER_BAD_DB_ERROR, "check the schema name: the server has no such database"),
            Map.entry(MysqlErrorNumbers.ER_TABLE_EXISTS_ERROR, "a table or view of that name already exists: choose another name or drop it first"),
            Map.entry(MysqlErrorNumbers.ER_WRONG_OBJECT, "the object is not a view: use the statement for tables"),
            Map.entry(MysqlErrorNumbers.ER_BAD_FIELD_ERROR, DEFINITION_CONFLICT),
            Map.entry(MysqlErrorNumbers.ER_DUP_FIELDNAME, DEFINITION_CONFLICT),
            Map.entry(MysqlErrorNumbers.ER_DUP_KEYNAME, DEFINITION_CONFLICT),
            Map.entry(MysqlErrorNumbers.ER_MULTIPLE_PRI_KEY, DEFINITION_CONFLICT),
            Map.entry(MysqlErrorNumbers.ER_CANT_DROP_FIELD_OR_KEY, DEFINITION_CONFLICT),
            Map.entry(MysqlErrorNumbers.ER_DUP_ENTRY, "existing rows violate the new unique key: remove the duplicates first"),
            Map.entry(MysqlErrorNumbers.WARN_DATA_TRUNCATED, "existing rows do not fit the new column type: convert or clean the data first"),
            Map.entry(MysqlErrorNumbers.ER_TRUNCATED_WRONG_VALUE, "existing rows hold values the new definition rejects (e.g. zero dates): clean them,"
                    + " or use --allow-zero-in-date for zero dates"),
            Map.entry(MysqlErrorNumbers.ER_LOCK_WAIT_TIMEOUT, LOCKED),
            Map.entry(MysqlErrorNumbers.ER_LOCK_DEADLOCK, LOCKED),
            Map.entry(MysqlErrorNumbers.ER_DBACCESS_DENIED_ERROR, PRIVILEGE),
            Map.entry(MysqlErrorNumbers.ER_ACCESS_DENIED_ERROR, "check the user name and password the executor connects with"),
            Map.entry(MysqlErrorNumbers.ER_TABLEACCESS_DENIED_ERROR, PRIVILEGE),
            Map.entry(MysqlErrorNumbers.ER_COLUMNACCESS_DENIED_ERROR, PRIVILEGE),
            Map.entry(MysqlErrorNumbers.ER_SPECIFIC_ACCESS_DENIED_ERROR, PRIVILEGE),
            Map.entry(MysqlErrorNumbers.ER_OPTION_PREVENTS_STATEMENT, READ_ONLY),
            Map.entry(MysqlErrorNumbers.ER_READ_ONLY_MODE, READ_ONLY),
            Map.entry(MysqlErrorNumbers.ER_ALTER_OPERATION_NOT_SUPPORTED, NOT_INSTANT),
            Map.entry(MysqlErrorNumbers.ER_ALTER_OPERATION_NOT_SUPPORTED_REASON, NOT_INSTANT),
            Map.entry(MysqlErrorNumbers.ER_CANNOT_ADD_FOREIGN, FOREIGN_KEY),
            Map.entry(MysqlErrorNumbers.ER_NO_REFERENCED_ROW, FOREIGN_KEY),
            Map.entry(MysqlErrorNumbers.ER_ROW_IS_REFERENCED, FOREIGN_KEY),
            Map.entry(MysqlErrorNumbers.ER_ROW_IS_REFERENCED_2, FOREIGN_KEY),
            Map.entry(MysqlErrorNumbers.ER_NO_REFERENCED_ROW_2, FOREIGN_KEY),
            Map.entry(MysqlErrorNumbers.ER_CANT_CREATE_TABLE, FOREIGN_KEY + " (errno 150 means a malformed foreign key)"),
            Map.entry(MysqlErrorNumbers.ER_TOO_BIG_ROWSIZE, LIMIT),
            Map.entry(MysqlErrorNumbers.ER_TOO_LONG_KEY, LIMIT),
            Map.entry(MysqlErrorNumbers.ER_TOO_MANY_FIELDS, LIMIT),
            Map.entry(MysqlErrorNumbers.ER_TOO_LONG_IDENT, "shorten the identifier to 64 characters or fewer"),
            Map.entry(MysqlErrorNumbers.ER_QUERY_INTERRUPTED, "the statement was interrupted (KILL QUERY or max_statement_time) and rolled back:"
                    + " run it again if that was not intended"));

    private ServerErrors() {
    }

    /**
     * The connection can no longer be used: the driver lost it (SQLSTATE class 08, or the
     * driver's recoverable/non-transient connection exceptions), or the server killed it or shut
     * down.
     */
    static boolean isConnectionFailure(SQLException e) {
        int code = e.getErrorCode();
        if (code == MARIADB_CONNECTION_KILLED || code == MysqlErrorNumbers.ER_SERVER_SHUTDOWN
                || code == CLIENT_SERVER_GONE || code == CLIENT_SERVER_LOST) {
            return true;
        }
        String sqlState = e.getSQLState();
        return (sqlState != null && sqlState.startsWith("08"))
                || e instanceof SQLRecoverableException
                || e instanceof SQLNonTransientConnectionException;
    }

    /** What the user should do about this error. */
    static String advice(SQLException e) {
        if (isConnectionFailure(e)) {
            return CONNECTION_LOST;
        }
        return ADVICE.getOrDefault(e.getErrorCode(),
                "read the server's message, correct the statement or the table, and submit it again");
    }

    /** Advice when no connection could be opened at all. */
    static String cannotConnectAdvice(SQLException e) {
        if (e.getErrorCode() == MysqlErrorNumbers.ER_ACCESS_DENIED_ERROR || e.getErrorCode() == MysqlErrorNumbers.ER_DBACCESS_DENIED_ERROR
                || e.getErrorCode() == MysqlErrorNumbers.ER_BAD_DB_ERROR) {
            return ADVICE.get(e.getErrorCode());
        }
        return "check that the server is running and reachable at the configured host and port,"
                + " and that the executor's account may log in";
    }

    /**
     * The driver's message, first line only: its messages for network failures run over several
     * lines of diagnostics, and the first says what happened.
     */
    static String shortMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** {@code [MySQL error 1146, SQLSTATE 42S02]}, or the part of it the exception has. */
    static String errorTag(SQLException e) {
        StringBuilder tag = new StringBuilder();
        if (e.getErrorCode() != 0) {
            tag.append("MySQL error ").append(e.getErrorCode());
        }
        if (e.getSQLState() != null) {
            tag.append(tag.length() > 0 ? ", " : "").append("SQLSTATE ").append(e.getSQLState());
        }
        return tag.length() == 0 ? "" : " [" + tag + "]";
    }
}
