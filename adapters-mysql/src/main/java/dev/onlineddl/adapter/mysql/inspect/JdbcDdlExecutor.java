package dev.onlineddl.adapter.mysql.inspect;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.domain.server.SqlMode;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.port.out.DdlExecution.AcceptableError;
import dev.onlineddl.port.out.DdlExecutionException;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.DdlOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * {@link DdlExecutor} over JDBC: Vitess's {@code executeDirectly}. Each statement gets a
 * connection of its own, with the statement's schema as the default database, so that session
 * state (sql_mode, locks) cannot leak between statements.
 */
public final class JdbcDdlExecutor implements DdlExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDdlExecutor.class);

    /** The server's numbers for each refusal the core may accept. */
    private static final Map<AcceptableError, Set<Integer>> ERROR_NUMBERS = Map.of(
            // ER_FILE_NOT_FOUND is Vitess's ERCantFindFile: a table whose files are gone
            AcceptableError.MISSING_TABLE, Set.of(MysqlErrorNumbers.ER_FILE_NOT_FOUND, MysqlErrorNumbers.ER_BAD_TABLE_ERROR,
                    MysqlErrorNumbers.ER_NO_SUCH_TABLE));

    private final DataSource dataSource;

    public JdbcDdlExecutor(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public DdlOutcome execute(DdlExecution ddl) {
        Objects.requireNonNull(ddl, "ddl");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(DdlExecutionException.Kind.CANNOT_CONNECT, ddl, e, ServerErrors.cannotConnectAdvice(e));
        }
        try (connection) {
            // COM_INIT_DB: the schema is sent as a protocol value, never spliced into SQL.
            connection.setCatalog(ddl.schema());
            return ddl.allowZeroInDate() ? runWithoutZeroDateChecks(connection, ddl) : run(connection, ddl);
        } catch (SQLException e) {
            DdlExecutionException.Kind kind = ServerErrors.isConnectionFailure(e)
                    ? DdlExecutionException.Kind.CONNECTION_LOST : DdlExecutionException.Kind.REJECTED;
            throw failure(kind, ddl, e, ServerErrors.advice(e));
        }
    }

    private static DdlOutcome run(Connection connection, DdlExecution ddl) throws SQLException {
        LOG.info("running DDL in `{}` on `{}`: {}", ddl.schema(), ddl.table(), DdlExecutionException.printable(ddl.sql()));
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl.sql());
            return new DdlOutcome.Applied();
        } catch (SQLException e) {
            if (ddl.acceptableErrors().stream().anyMatch(error -> ERROR_NUMBERS.get(error).contains(e.getErrorCode()))) {
                LOG.info("DDL on `{}`.`{}` answered acceptable error {}: {}", ddl.schema(), ddl.table(), e.getErrorCode(),
                        e.getMessage());
                return new DdlOutcome.Tolerated(e.getErrorCode(), Objects.requireNonNullElse(e.getMessage(), ""));
            }
            throw e;
        }
    }

    /**
     * Vitess's {@code initMigrationSQLMode}: NO_ZERO_DATE and NO_ZERO_IN_DATE leave the session's
     * sql_mode for the statement, and the session gets its mode back afterwards, whatever
     * happened, so that a pooled connection is handed on as it was lent.
     */
    private DdlOutcome runWithoutZeroDateChecks(Connection connection, DdlExecution ddl) throws SQLException {
        String original;
        try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery("SELECT @@SESSION.sql_mode")) {
            if (!rows.next()) {
                throw new SQLException("the server returned no sql_mode");
            }
            original = Objects.requireNonNullElse(rows.getString(1), "");
        }
        setSqlMode(connection, SqlMode.parse(original).withoutZeroDateChecks().text());
        try {
            return run(connection, ddl);
        } finally {
            restoreSqlMode(connection, original, ddl);
        }
    }

    private static void setSqlMode(Connection connection, String sqlMode) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET SESSION sql_mode = ?")) {
            set.setString(1, sqlMode);
            set.execute();
        }
    }

    private static void restoreSqlMode(Connection connection, String original, DdlExecution ddl) {
        try {
            setSqlMode(connection, original);
        } catch (SQLException e) {
            // The statement's own outcome matters more than this; but a pool must not hand out a
            // session that silently accepts zero dates, so the connection is discarded.
            LOG.warn("could not restore sql_mode '{}' after DDL on `{}`.`{}`; discarding the connection: {}", original,
                    ddl.schema(), ddl.table(), e.getMessage());
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | SecurityException abortFailure) {
                LOG.warn("could not discard the connection either: {}", abortFailure.getMessage());
            }
        }
    }

    private static DdlExecutionException failure(DdlExecutionException.Kind kind, DdlExecution ddl, SQLException e,
                                                 String advice) {
        return new DdlExecutionException(kind, ddl.schema(), ddl.table(), ddl.sql(), e.getErrorCode(), e.getSQLState(),
                ServerErrors.shortMessage(e), advice, e);
    }
}
