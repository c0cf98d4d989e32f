package dev.onlineddl.adapter.mysql.inspect;

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

    /** ER_SERVER_SHUTDOWN. */
    static final int SERVER_SHUTDOWN = 1053;
    /** ER_QUERY_INTERRUPTED: KILL QUERY or max_statement_time. */
    static final int QUERY_INTERRUPTED = 1317;
    /** MariaDB ER_CONNECTION_KILLED. */
    static final int CONNECTION_KILLED = 1927;
    /** CR_SERVER_GONE_ERROR, CR_SERVER_LOST: client-side numbers some drivers report. */
    static final int SERVER_GONE = 2006;
    static final int SERVER_LOST = 2013;

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
            Map.entry(1064, SYNTAX),                                  // ER_PARSE_ERROR
            Map.entry(1149, SYNTAX),                                  // ER_SYNTAX_ERROR
            Map.entry(1146, MISSING_TABLE),                           // ER_NO_SUCH_TABLE
            Map.entry(1051, MISSING_TABLE),                           // ER_BAD_TABLE_ERROR
            Map.entry(1017, MISSING_TABLE),                           // ER_CANT_FIND_FILE
            Map.entry(1049, "check the schema name: the server has no such database"),  // ER_BAD_DB_ERROR
            Map.entry(1050, "a table or view of that name already exists: choose another name or drop it first"),
            Map.entry(1347, "the object is not a view: use the statement for tables"),   // ER_WRONG_OBJECT
            Map.entry(1054, DEFINITION_CONFLICT),                     // ER_BAD_FIELD_ERROR
            Map.entry(1060, DEFINITION_CONFLICT),                     // ER_DUP_FIELDNAME
            Map.entry(1061, DEFINITION_CONFLICT),                     // ER_DUP_KEYNAME
            Map.entry(1068, DEFINITION_CONFLICT),                     // ER_MULTIPLE_PRI_KEY
            Map.entry(1091, DEFINITION_CONFLICT),                     // ER_CANT_DROP_FIELD_OR_KEY
            Map.entry(1062, "existing rows violate the new unique key: remove the duplicates first"),  // ER_DUP_ENTRY
            Map.entry(1265, "existing rows do not fit the new column type: convert or clean the data first"),  // WARN_DATA_TRUNCATED
            Map.entry(1292, "existing rows hold values the new definition rejects (e.g. zero dates): clean them,"
                    + " or use --allow-zero-in-date for zero dates"),  // ER_TRUNCATED_WRONG_VALUE
            Map.entry(1205, LOCKED),                                  // ER_LOCK_WAIT_TIMEOUT
            Map.entry(1213, LOCKED),                                  // ER_LOCK_DEADLOCK
            Map.entry(1044, PRIVILEGE),                               // ER_DBACCESS_DENIED_ERROR
            Map.entry(1045, "check the user name and password the executor connects with"),  // ER_ACCESS_DENIED_ERROR
            Map.entry(1142, PRIVILEGE),                               // ER_TABLEACCESS_DENIED_ERROR
            Map.entry(1143, PRIVILEGE),                               // ER_COLUMNACCESS_DENIED_ERROR
            Map.entry(1227, PRIVILEGE),                               // ER_SPECIFIC_ACCESS_DENIED_ERROR
            Map.entry(1290, READ_ONLY),                               // ER_OPTION_PREVENTS_STATEMENT
            Map.entry(1836, READ_ONLY),                               // ER_READ_ONLY_MODE
            Map.entry(1845, NOT_INSTANT),                             // ER_ALTER_OPERATION_NOT_SUPPORTED
            Map.entry(1846, NOT_INSTANT),                             // ER_ALTER_OPERATION_NOT_SUPPORTED_REASON
            Map.entry(1215, FOREIGN_KEY),                             // ER_CANNOT_ADD_FOREIGN
            Map.entry(1216, FOREIGN_KEY),
            Map.entry(1217, FOREIGN_KEY),
            Map.entry(1451, FOREIGN_KEY),
            Map.entry(1452, FOREIGN_KEY),
            Map.entry(1005, FOREIGN_KEY + " (errno 150 means a malformed foreign key)"),  // ER_CANT_CREATE_TABLE
            Map.entry(1118, LIMIT),                                   // ER_TOO_BIG_ROWSIZE
            Map.entry(1071, LIMIT),                                   // ER_TOO_LONG_KEY
            Map.entry(1117, LIMIT),                                   // ER_TOO_MANY_FIELDS
            Map.entry(1059, "shorten the identifier to 64 characters or fewer"),  // ER_TOO_LONG_IDENT
            Map.entry(QUERY_INTERRUPTED, "the statement was interrupted (KILL QUERY or max_statement_time) and rolled back:"
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
        if (code == CONNECTION_KILLED || code == SERVER_SHUTDOWN || code == SERVER_GONE || code == SERVER_LOST) {
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
        if (e.getErrorCode() == 1045 || e.getErrorCode() == 1044 || e.getErrorCode() == 1049) {
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
