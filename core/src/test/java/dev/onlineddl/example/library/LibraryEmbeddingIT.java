package dev.onlineddl.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.ddl.JsqlDdlAnalyzer;
import dev.onlineddl.adapter.mysql.diff.MySqlSchemaDiffer;
import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.adapter.mysql.inspect.JdbcSchemaInspector;
import dev.onlineddl.adapter.mysql.jdbc.HikariTargetConnections;
import dev.onlineddl.adapter.mysql.jdbc.JdbcServerIdAllocator;
import dev.onlineddl.adapter.mysql.jdbc.TargetConnectionSettings;
import dev.onlineddl.adapter.mysql.lock.JdbcExecutorLock;
import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.adapter.mysql.store.JooqMigrationStore;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.MigrationFilter;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.service.ExecutorConfig;
import dev.onlineddl.service.InMemoryThrottler;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.service.StrategyRegistry;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example of {@code docs/library.md}, run against a real server: an application assembles the
 * executor from the MySQL adapters without the daemon, starts it, submits a CREATE and a
 * postponed {@code mysql} ALTER, launches the ALTER by command, reads the statuses and closes
 * everything. The code between the {@code docs/library.md} marker lines is copied verbatim into
 * the guide: change both together.
 */
@ExtendWith(TestDatabaseExtension.class)
class LibraryEmbeddingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void anApplicationEmbedsTheExecutorAndRunsACreateAndAMysqlAlterToCompletion(TestDatabase db) throws Exception {
        // What the application already knows about its database. A test server is shared by many
        // tests, so the control schema is a database of this test's own rather than _onlineddl.
        String jdbcUrl = db.jdbcUrl();
        String database = db.name();
        String user = db.user();
        Supplier<String> password = db::password;
        String controlSchemaName = db.createSiblingDatabase("ctl").name();

        // ---- BEGIN docs/library.md example ----
        TargetConnectionSettings settings = TargetConnectionSettings.of(jdbcUrl, database, user, password);
        try (HikariTargetConnections connections = new HikariTargetConnections(settings)) {
            // Creates or upgrades schema_migrations; running it again changes nothing.
            ControlSchema controlSchema = new ControlSchema(controlSchemaName);
            controlSchema.migrate(connections.dataSource());

            // A stable id: the executor recognises its own migrations by it after a restart.
            ExecutorConfig config = ExecutorConfig.defaults("orders-service-1", database)
                    .withCheckInterval(Duration.ofSeconds(10));
            Clock clock = Clock.systemUTC();
            SecureRandom random = new SecureRandom();

            try (OnlineDdl onlineDdl = OnlineDdl.builder(config)
                    .store(new JooqMigrationStore(connections.dataSource(), controlSchema, config.target()))
                    .schemaInspector(new JdbcSchemaInspector(connections.dataSource()))
                    .ddlExecutor(new JdbcDdlExecutor(connections.dataSource()))
                    .ddlAnalyzer(new JsqlDdlAnalyzer())
                    .connections(connections)
                    .executorLock(new JdbcExecutorLock(connections.dataSource(), database))
                    .strategies(StrategyRegistry.discover(LibraryEmbeddingIT.class.getClassLoader()))
                    .schemaDiffer(new MySqlSchemaDiffer())
                    .throttler(new InMemoryThrottler(clock, random))
                    .serverIdAllocator(new JdbcServerIdAllocator(connections, random))
                    .clock(clock)
                    .random(random)
                    .build()) {
                onlineDdl.start();

                MigrationUuid create = onlineDdl.submitMigration().submit(new SubmissionRequest(
                        "CREATE TABLE orders (id BIGINT PRIMARY KEY, total DECIMAL(10,2))",
                        "vitess", MigrationContext.of("release-42"), Optional.empty())).uuids().get(0);
                awaitStatus(onlineDdl, create, MigrationStatus.COMPLETE);

                // --postpone-launch: the ALTER waits in the queue until the application launches it.
                MigrationUuid alter = onlineDdl.submitMigration().submit(new SubmissionRequest(
                        "ALTER TABLE orders ADD COLUMN note VARCHAR(200)",
                        "mysql --postpone-launch", MigrationContext.of("release-42"), Optional.empty())).uuids().get(0);
                CommandResult launched = onlineDdl.controlMigration().launch(alter, List.of());
                Migration done = awaitStatus(onlineDdl, alter, MigrationStatus.COMPLETE);

                List<Migration> release = onlineDdl.queryMigrations()
                        .show(new MigrationFilter.ByContext(MigrationContext.of("release-42")));

                assertThat(launched.migrationsAffected()).isEqualTo(1);
                assertThat(done.strategy()).isEqualTo("mysql");
                assertThat(done.mysqlTable()).isEqualTo("orders");
                assertThat(done.progress()).isEqualTo(100.0);
                assertThat(release).extracting(Migration::uuid).containsExactly(create, alter);
                assertThat(release).extracting(Migration::status)
                        .containsExactly(MigrationStatus.COMPLETE, MigrationStatus.COMPLETE);
                assertThat(onlineDdl.isActive()).isTrue();
            } // closes the executor: stops ticking, closes the strategy engines, releases the lock
        } // then closes the connection pool
        // ---- END docs/library.md example ----

        assertThat(columnsOf(db, "orders")).containsExactly("id", "total", "note");
    }

    // ---- BEGIN docs/library.md awaitStatus ----
    /**
     * Polls the migration's row until it reaches {@code expected}. The executor publishes no event
     * for a status change, so reading {@code schema_migrations} is how an application learns of it.
     */
    static Migration awaitStatus(OnlineDdl onlineDdl, MigrationUuid uuid, MigrationStatus expected)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Migration migration = onlineDdl.queryMigrations().show(new MigrationFilter.ByUuid(uuid)).get(0);
            if (migration.status() == expected) {
                return migration;
            }
            if (migration.status().isTerminal() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("migration " + uuid + " is " + migration.status().wireName() + ", not "
                        + expected.wireName() + ": " + migration.message());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
    // ---- END docs/library.md awaitStatus ----

    /** Read with plain JDBC, not through the code under test. */
    private static List<String> columnsOf(TestDatabase db, String table) throws SQLException {
        try (Connection connection = db.openConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                        + " ORDER BY ORDINAL_POSITION")) {
            select.setString(1, db.name());
            select.setString(2, table);
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            return columns;
        }
    }
}
