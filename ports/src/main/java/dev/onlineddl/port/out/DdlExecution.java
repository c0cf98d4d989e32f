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
 * @param acceptableErrors the server's refusals that mean "nothing to do" for this statement
 *        rather than failure, e.g. {@link AcceptableError#MISSING_TABLE} for a DROP TABLE IF EXISTS
 */
public record DdlExecution(String schema, String table, String sql, boolean allowZeroInDate, Set<AcceptableError> acceptableErrors) {

    /**
     * What a refusal means, not its number: the {@link DdlExecutor} knows its server's error
     * numbers (the MySQL adapter takes them from the driver), the core knows only what it tolerates.
     */
    public enum AcceptableError {
        /**
         * The table is already gone: Vitess accepts ER_CANT_FIND_FILE and ER_NO_SUCH_TABLE for its
         * DROP-as-RENAME; a plain DROP TABLE reports ER_BAD_TABLE_ERROR.
         */
        MISSING_TABLE
    }

    public DdlExecution {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(acceptableErrors, "acceptableErrors");
        if (schema.isBlank()) {
            throw new InvalidInputException("a DDL statement needs the schema it runs in; none was given for: " + sql);
        }
        if (sql.isBlank()) {
            throw new InvalidInputException("the DDL statement for " + schema + "." + table + " is empty: give the statement to run");
        }
        acceptableErrors = Set.copyOf(acceptableErrors);
    }

    /** A statement that must succeed, in the session's own sql_mode. */
    public static DdlExecution of(String schema, String table, String sql) {
        return new DdlExecution(schema, table, sql, false, Set.of());
    }

    /** The same statement, with or without the {@code --allow-zero-in-date} handling. */
    public DdlExecution withAllowZeroInDate(boolean allow) {
        return new DdlExecution(schema, table, sql, allow, acceptableErrors);
    }

    /** The same statement, treating these refusals as nothing to do. */
    public DdlExecution tolerating(Set<AcceptableError> errors) {
        return new DdlExecution(schema, table, sql, allowZeroInDate, errors);
    }
}
