package dev.onlineddl.port.out;

/**
 * Runs DDL on the target server: Vitess's {@code executeDirectly}, used for CREATE, DROP, views,
 * instant ALTERs and the {@code direct}/{@code mysql} strategies.
 */
public interface DdlExecutor {

    /**
     * Runs one statement on a connection of its own, in {@link DdlExecution#schema()}. With
     * {@link DdlExecution#allowZeroInDate()} the session's sql_mode loses NO_ZERO_DATE and
     * NO_ZERO_IN_DATE for the statement and gets its old value back afterwards.
     *
     * @return {@link DdlOutcome.Applied}, or {@link DdlOutcome.Tolerated} when the server refused
     *         the statement with one of {@link DdlExecution#acceptableErrors()}
     * @throws DdlExecutionException when the statement failed or could not be sent; the message
     *         names the statement, schema, table, MySQL error and what to do
     */
    DdlOutcome execute(DdlExecution statement);
}
