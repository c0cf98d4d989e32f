package dev.onlineddl.port.out;

import dev.onlineddl.domain.InvalidInputException;

import java.util.Objects;
import java.util.Set;

/**
 * One DDL statement to run on the target server, with how to run it: what the core hands a
 * {@link DdlExecutor}, which ends it with a {@link DdlOutcome} or a {@link DdlExecutionException}.
 * Not to be confused with {@link dev.onlineddl.domain.ddl.DdlStatement}, the analyzer's
 * description of a submitted statement.
 *
 * @param schema the database the statement runs in (the connection's default schema)
 * @param table the table or view the statement changes, for messages; empty when it names none
 * @param sql the statement, as the server should receive it
 * @param allowZeroInDate the {@code --allow-zero-in-date} strategy flag: run with NO_ZERO_DATE and
 *        NO_ZERO_IN_DATE removed from the session's sql_mode (restored afterwards)
 * @param acceptableErrorCodes MySQL error numbers that mean "nothing to do" for this statement
 *        rather than failure, e.g. {@link #MISSING_TABLE_ERROR_CODES} for a DROP TABLE IF EXISTS
 */
public record DdlExecution(String schema, String table, String sql, boolean allowZeroInDate, Set<Integer> acceptableErrorCodes) {

    /** ER_CANT_FIND_FILE: a table whose files are gone (old servers, Vitess's DROP handling). */
    public static final int ER_CANT_FIND_FILE = 1017;
    /** ER_BAD_TABLE_ERROR: {@code Unknown table} from DROP TABLE. */
    public static final int ER_BAD_TABLE_ERROR = 1051;
    /** ER_NO_SUCH_TABLE: {@code Table 'x.y' doesn't exist}, e.g. from RENAME TABLE. */
    public static final int ER_NO_SUCH_TABLE = 1146;

    /**
     * The errors a DROP TABLE IF EXISTS tolerates: the table is already gone. Vitess accepts 1017
     * and 1146 for its DROP-as-RENAME; a plain DROP TABLE reports 1051.
     */
    public static final Set<Integer> MISSING_TABLE_ERROR_CODES = Set.of(ER_CANT_FIND_FILE, ER_BAD_TABLE_ERROR, ER_NO_SUCH_TABLE);

    public DdlExecution {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(acceptableErrorCodes, "acceptableErrorCodes");
        if (schema.isBlank()) {
            throw new InvalidInputException("a DDL statement needs the schema it runs in; none was given for: " + sql);
        }
        if (sql.isBlank()) {
            throw new InvalidInputException("the DDL statement for " + schema + "." + table + " is empty: give the statement to run");
        }
        acceptableErrorCodes = Set.copyOf(acceptableErrorCodes);
    }

    /** A statement that must succeed, in the session's own sql_mode. */
    public static DdlExecution of(String schema, String table, String sql) {
        return new DdlExecution(schema, table, sql, false, Set.of());
    }

    /** The same statement, with or without the {@code --allow-zero-in-date} handling. */
    public DdlExecution withAllowZeroInDate(boolean allow) {
        return new DdlExecution(schema, table, sql, allow, acceptableErrorCodes);
    }

    /** The same statement, treating these MySQL error numbers as nothing to do. */
    public DdlExecution tolerating(Set<Integer> errorCodes) {
        return new DdlExecution(schema, table, sql, allowZeroInDate, errorCodes);
    }
}
