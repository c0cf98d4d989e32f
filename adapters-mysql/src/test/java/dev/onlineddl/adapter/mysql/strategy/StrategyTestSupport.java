package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.testkit.TestDatabase;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.awaitility.Awaitility;

/** What the strategy tests do alike: migrations to hand an engine, and looking at the server. */
public final class StrategyTestSupport {

    /** A bound for waits, so that a broken engine fails the test instead of hanging it; never a speed target. */
    public static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Duration PAUSE = Duration.ofMillis(20);
    private static final RandomGenerator RANDOM = new SecureRandom();

    private StrategyTestSupport() {
    }

    /** A running ALTER migration of {@code table}, as the core hands it to an engine. */
    public static MigrationRun alterRun(TestDatabase db, StrategyDescriptor strategy, String table, String statement,
                                        String options) {
        Instant now = Instant.now();
        Migration migration = Migration.builder(MigrationUuid.generate(now, RANDOM))
                .keyspace(db.name()).shard("0").mysqlSchema(db.name()).mysqlTable(table)
                .migrationStatement(statement).strategy(strategy.name()).options(options)
                .addedTimestamp(now).requestedTimestamp(now).readyTimestamp(now).startedTimestamp(now)
                .status(MigrationStatus.RUNNING).ddlAction(DdlAction.ALTER).tablet("strategy-test")
                .build();
        return new MigrationRun(migration, new StrategySetting(strategy.name(), options, strategy.capabilities()), statement);
    }

    /** {@code table (id INT PRIMARY KEY, pad VARCHAR(40) NOT NULL)} with ids 1 to {@code rows}. */
    public static void createTableOfRows(TestDatabase db, String table, int rows) throws SQLException {
        execute(db, "CREATE TABLE `" + table + "` (id INT PRIMARY KEY, pad VARCHAR(40) NOT NULL)");
        if (db.server().isMariaDb()) {
            execute(db, "INSERT INTO `" + table + "` SELECT seq, REPEAT('x', 40) FROM seq_1_to_" + rows);
        } else {
            try (Connection connection = db.openConnection()) {
                execute(connection, "SET SESSION cte_max_recursion_depth = " + rows);
                execute(connection, "INSERT INTO `" + table + "` WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                        + " FROM n WHERE i < " + rows + ") SELECT i, REPEAT('x', 40) FROM n");
            }
        }
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static void execute(TestDatabase db, String... statements) throws SQLException {
        try (Connection connection = db.openConnection()) {
            for (String sql : statements) {
                execute(connection, sql);
            }
        }
    }

    public static long queryLong(TestDatabase db, String sql) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return rows.getLong(1);
        }
    }

    /** The process-list id of the session running a statement that starts with {@code infoPrefix}, if any. */
    public static Optional<Long> sessionRunning(TestDatabase db, String infoPrefix, String state) throws SQLException {
        try (Connection connection = db.openConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT ID, INFO, STATE FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String info = rows.getString(2);
                    String currentState = rows.getString(3);
                    if (info != null && info.startsWith(infoPrefix) && (state.isEmpty() || state.equals(currentState))) {
                        return Optional.of(rows.getLong(1));
                    }
                }
                return Optional.empty();
            }
        }
    }

    /**
     * Asks until the condition holds. For what only the server knows (the process list, a table):
     * it offers no notification, so it is asked again after a short pause.
     */
    public static <T> T await(String what, Callable<Optional<T>> condition) throws Exception {
        return Awaitility.await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(PAUSE).pollInSameThread()
                .until(condition, Optional::isPresent).orElseThrow();
    }
}
