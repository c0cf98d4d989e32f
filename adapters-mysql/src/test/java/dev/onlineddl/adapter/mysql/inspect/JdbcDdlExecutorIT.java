package dev.onlineddl.adapter.mysql.inspect;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.port.out.DdlExecution.AcceptableError;
import dev.onlineddl.port.out.DdlExecutionException;
import dev.onlineddl.port.out.DdlOutcome;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@ExtendWith(TestDatabaseExtension.class)
class JdbcDdlExecutorIT {

    private static final String STRICT_ZERO_DATE_MODE = "STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION";

    @Test
    void runsTheStatementInTheStatementsSchema(TestDatabase db) throws SQLException {
        TestDatabase other = db.createSiblingDatabase("other");
        JdbcDdlExecutor executor = new JdbcDdlExecutor(db.dataSource());

        DdlOutcome outcome = executor.execute(DdlExecution.of(other.name(), "created_here", "CREATE TABLE created_here (id INT PRIMARY KEY)"));

        assertThat(outcome).isEqualTo(new DdlOutcome.Applied());
        assertThat(new JdbcSchemaInspector(db.dataSource()).tableExists(other.name(), "created_here")).isTrue();
        assertThat(new JdbcSchemaInspector(db.dataSource()).tableExists(db.name(), "created_here")).isFalse();
    }

    @Test
    void acceptableErrorsMeanNothingToDo(TestDatabase db) {
        JdbcDdlExecutor executor = new JdbcDdlExecutor(db.dataSource());

        DdlOutcome drop = executor.execute(DdlExecution.of(db.name(), "gone", "DROP TABLE gone")
                .tolerating(Set.of(AcceptableError.MISSING_TABLE)));
        DdlOutcome rename = executor.execute(DdlExecution.of(db.name(), "gone", "RENAME TABLE gone TO _vt_HOLD_gone")
                .tolerating(Set.of(AcceptableError.MISSING_TABLE)));

        assertThat(drop).isInstanceOfSatisfying(DdlOutcome.Tolerated.class, tolerated -> {
            assertThat(tolerated.errorCode()).isEqualTo(MysqlErrorNumbers.ER_BAD_TABLE_ERROR);
            assertThat(tolerated.serverMessage()).contains("gone");
        });
        assertThat(rename).isInstanceOfSatisfying(DdlOutcome.Tolerated.class, tolerated ->
                assertThat(tolerated.errorCode()).isEqualTo(MysqlErrorNumbers.ER_NO_SUCH_TABLE));
    }

    @Test
    void anErrorNotDeclaredAcceptableStillFails(TestDatabase db) {
        JdbcDdlExecutor executor = new JdbcDdlExecutor(db.dataSource());

        DdlExecutionException failure = catchThrowableOfType(DdlExecutionException.class, () -> executor.execute(
                DdlExecution.of(db.name(), "gone", "DROP TABLE gone")));

        assertThat(failure.kind()).isEqualTo(DdlExecutionException.Kind.REJECTED);
        assertThat(failure.errorCode()).isEqualTo(MysqlErrorNumbers.ER_BAD_TABLE_ERROR);
        assertThat(failure).hasMessageContaining("DDL on `" + db.name() + "`.`gone` failed")
                .hasMessageContaining("MySQL error 1051")
                .hasMessageContaining("Statement: DROP TABLE gone")
                .hasMessageContaining("What to do: check the table name");
    }

    @Test
    void malformedDdlNamesTheStatementAndTheSyntaxProblem(TestDatabase db) {
        JdbcDdlExecutor executor = new JdbcDdlExecutor(db.dataSource());
        String malformed = "ALTER TABLE orders ADD COLUMN COLUMN x INT";

        DdlExecutionException failure = catchThrowableOfType(DdlExecutionException.class,
                () -> executor.execute(DdlExecution.of(db.name(), "orders", malformed)));

        assertThat(failure.kind()).isEqualTo(DdlExecutionException.Kind.REJECTED);
        assertThat(failure.errorCode()).isEqualTo(1064);
        assertThat(failure.statement()).isEqualTo(malformed);
        assertThat(failure).hasMessageStartingWith("DDL on `" + db.name() + "`.`orders` failed: ")
                .hasMessageContaining("MySQL error 1064, SQLSTATE 42000")
                .hasMessageContaining("Statement: " + malformed)
                .hasMessageContaining("What to do: fix the statement's syntax");
    }

    @Test
    void anUnknownTableIsNamed(TestDatabase db) {
        JdbcDdlExecutor executor = new JdbcDdlExecutor(db.dataSource());

        DdlExecutionException failure = catchThrowableOfType(DdlExecutionException.class, () -> executor.execute(
                DdlExecution.of(db.name(), "no_such_table", "ALTER TABLE no_such_table ADD COLUMN x INT")));

        assertThat(failure.errorCode()).isEqualTo(MysqlErrorNumbers.ER_NO_SUCH_TABLE);
        assertThat(failure.sqlState()).isEqualTo("42S02");
        assertThat(failure).hasMessageContaining("`" + db.name() + "`.`no_such_table`")
                .hasMessageContaining("no_such_table' doesn't exist")
                .hasMessageContaining("What to do: check the table name and that it exists in this schema");
    }

    @Test
    void anUnknownSchemaIsNamed(TestDatabase db) {
        JdbcDdlExecutor executor = new JdbcDdlExecutor(db.dataSource());

        DdlExecutionException failure = catchThrowableOfType(DdlExecutionException.class, () -> executor.execute(
                DdlExecution.of(db.name() + "_missing", "t", "CREATE TABLE t (id INT)")));

        assertThat(failure.errorCode()).isEqualTo(1049);
        assertThat(failure).hasMessageContaining("`" + db.name() + "_missing`.`t`").hasMessageContaining("schema name");
    }

    /** With the flag, restoring sql_mode on the dead connection fails too; the statement's failure must still be reported. */
    @ParameterizedTest(name = "allowZeroInDate={0}")
    @ValueSource(booleans = {false, true})
    void killingTheConnectionMidStatementIsReportedAsLost(boolean allowZeroInDate, TestDatabase db) throws Exception {
        try (Connection setup = db.openConnection(); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS kill_target");
            statement.execute("CREATE TABLE kill_target (id INT PRIMARY KEY)");
        }
        JdbcDdlExecutor executor = new JdbcDdlExecutor(db.dataSource());
        String marker = "kill-me-" + UUID.randomUUID();
        String alter = "ALTER TABLE kill_target /* " + marker + " */ ADD COLUMN added INT";

        try (Connection admin = db.server().openAdminConnection(); Connection locker = db.openConnection();
                Statement lock = locker.createStatement()) {
            // The ALTER waits for the metadata lock this session holds, so it is mid-statement when killed.
            lock.execute("LOCK TABLES kill_target READ");
            CompletableFuture<DdlOutcome> running = CompletableFuture.supplyAsync(
                    () -> executor.execute(DdlExecution.of(db.name(), "kill_target", alter).withAllowZeroInDate(allowZeroInDate)));
            try {
                long executorConnection = ServerConditions.awaitPresent("the ALTER in the process list", Duration.ofSeconds(10),
                        () -> connectionRunning(admin, marker));
                try (PreparedStatement kill = admin.prepareStatement("KILL CONNECTION ?")) {
                    kill.setLong(1, executorConnection);
                    kill.execute();
                }

                ExecutionException thrown = catchThrowableOfType(ExecutionException.class, () -> running.get(10, TimeUnit.SECONDS));
                assertThat(thrown.getCause()).isInstanceOfSatisfying(DdlExecutionException.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(DdlExecutionException.Kind.CONNECTION_LOST);
                    assertThat(failure).hasMessageStartingWith("the connection was lost while running DDL on `"
                                    + db.name() + "`.`kill_target` (the change may or may not have been applied): ")
                            .hasMessageContaining("Statement: " + alter)
                            .hasMessageContaining("check with SHOW CREATE TABLE whether the change was applied");
                });
            } finally {
                lock.execute("UNLOCK TABLES");
            }
        }
        assertThat(new JdbcSchemaInspector(db.dataSource()).columns(db.name(), "kill_target")).hasSize(1);
    }

    @Test
    void anUnreachableServerMeansNothingWasSent() throws Exception {
        JdbcDdlExecutor executor = new JdbcDdlExecutor(UnreachableServer.dataSource());

        DdlExecutionException failure = catchThrowableOfType(DdlExecutionException.class,
                () -> executor.execute(DdlExecution.of("shop", "orders", "DROP TABLE orders")));

        assertThat(failure.kind()).isEqualTo(DdlExecutionException.Kind.CANNOT_CONNECT);
        assertThat(failure.sqlState()).startsWith("08");
        assertThat(failure).hasMessageStartingWith("could not connect to run DDL on `shop`.`orders`: ")
                .hasMessageContaining("Statement: DROP TABLE orders")
                .hasMessageContaining("What to do: check that the server is running and reachable");
    }

    @Test
    void allowZeroInDateLiftsTheZeroDateChecksForTheStatementOnly(TestDatabase db) throws SQLException {
        try (SingleConnectionDataSource pooled = new SingleConnectionDataSource(db.openConnection())) {
            setSqlMode(pooled.session(), STRICT_ZERO_DATE_MODE);
            String sessionMode = sqlMode(pooled.session());
            JdbcDdlExecutor executor = new JdbcDdlExecutor(pooled);
            String create = "CREATE TABLE zero_dates (id INT PRIMARY KEY, at DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00')";

            assertThatThrownBy(() -> executor.execute(DdlExecution.of(db.name(), "zero_dates", create)))
                    .isInstanceOf(DdlExecutionException.class)
                    .hasMessageContaining("MySQL error 1067");

            DdlOutcome outcome = executor.execute(DdlExecution.of(db.name(), "zero_dates", create).withAllowZeroInDate(true));

            assertThat(outcome).isEqualTo(new DdlOutcome.Applied());
            assertThat(sqlMode(pooled.session())).isEqualTo(sessionMode).contains("NO_ZERO_DATE", "NO_ZERO_IN_DATE");
        }
    }

    @Test
    void sqlModeIsRestoredWhenTheStatementFails(TestDatabase db) throws SQLException {
        try (SingleConnectionDataSource pooled = new SingleConnectionDataSource(db.openConnection())) {
            setSqlMode(pooled.session(), STRICT_ZERO_DATE_MODE);
            String sessionMode = sqlMode(pooled.session());
            JdbcDdlExecutor executor = new JdbcDdlExecutor(pooled);

            assertThatThrownBy(() -> executor.execute(
                    DdlExecution.of(db.name(), "t", "CREATE TABLE (broken").withAllowZeroInDate(true)))
                    .isInstanceOf(DdlExecutionException.class)
                    .hasMessageContaining("MySQL error 1064");

            assertThat(sqlMode(pooled.session())).isEqualTo(sessionMode).contains("NO_ZERO_DATE", "NO_ZERO_IN_DATE");
        }
    }

    @Test
    void withoutTheFlagTheSessionsModeIsUntouched(TestDatabase db) throws SQLException {
        try (SingleConnectionDataSource pooled = new SingleConnectionDataSource(db.openConnection())) {
            setSqlMode(pooled.session(), "NO_ZERO_DATE,ANSI_QUOTES");
            String sessionMode = sqlMode(pooled.session());
            JdbcDdlExecutor executor = new JdbcDdlExecutor(pooled);

            // ANSI_QUOTES is in force: double quotes are identifiers
            executor.execute(DdlExecution.of(db.name(), "quoted", "CREATE TABLE \"quoted\" (\"id\" INT PRIMARY KEY)"));

            assertThat(sqlMode(pooled.session())).isEqualTo(sessionMode).contains("NO_ZERO_DATE");
        }
    }

    private static Optional<Long> connectionRunning(Connection admin, String marker) {
        try (PreparedStatement find = admin.prepareStatement(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND INFO NOT LIKE '%PROCESSLIST%'")) {
            find.setString(1, "%" + marker + "%");
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setSqlMode(Connection connection, String mode) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SET SESSION sql_mode = ?")) {
            set.setString(1, mode);
            set.execute();
        }
    }

    private static String sqlMode(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT @@SESSION.sql_mode")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
