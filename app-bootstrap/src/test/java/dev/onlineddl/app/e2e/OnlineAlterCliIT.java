package dev.onlineddl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onlineddl.app.e2e.OnlineDdlProcesses.Result;
import dev.onlineddl.app.e2e.OnlineDdlProcesses.RunningDaemon;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online ALTERs of the {@code vitess} engine driven through the CLI, as a user would: the daemon
 * as a process on the test server, every command a process of its own, checked through output,
 * exit codes and the database (the target's tables and the control schema, read with plain JDBC).
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineAlterCliIT {

    private static final Duration MIGRATION_TIMEOUT = Duration.ofSeconds(60);
    /** The daemon ticks every half second: a state held this long has outlived several ticks. */
    private static final Duration HOLDS_FOR = Duration.ofSeconds(3);

    private TestDatabase db;
    private TestDatabase control;
    private OnlineDdlProcesses onlineddl;
    private RunningDaemon daemon;

    @BeforeAll
    void startDaemon(TestDatabase db, @TempDir Path temp) throws Exception {
        this.db = db;
        assertThat(OnlineDdlProcesses.JAR).as("the shaded jar (built by 'package')").exists();
        onlineddl = OnlineDdlProcesses.forDatabase(db, temp);
        control = db.createSiblingDatabase("ctl");
        daemon = onlineddl.startDaemon("--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--control-schema", control.name(),
                "--http", "127.0.0.1:0", "--check-interval", "500ms", "--executor-id", "cli-online");
    }

    @AfterAll
    void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            int exitCode = daemon.stop(Duration.ofSeconds(60));
            assertThat(exitCode).as(String.join("\n", daemon.log())).isIn(0, 143);
        }
    }

    // ------------------------------------------------------------------ scenarios

    @Test
    void aPostponedAlterWaitsReadyUntilCompletedThroughTheCli() throws Exception {
        createTable("cli_postponed", 3000);
        List<String> before = rows("cli_postponed");

        MigrationUuid uuid = submitOne("vitess --postpone-completion",
                "ALTER TABLE cli_postponed ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT '', MODIFY name VARCHAR(80) NOT NULL");
        awaitMigration(uuid, "ready to complete", row -> flag(row, "ready_to_complete"));

        Map<String, String> shown = shownRow(uuid);
        assertThat(shown).containsEntry("migration_status", "running").containsEntry("ready_to_complete", "1")
                .containsEntry("stage", "ready to complete").containsEntry("rows_copied", "3000")
                .containsEntry("eta_seconds", "0");
        assertThat(Double.parseDouble(shown.get("progress"))).isEqualTo(100.0);

        // postponed: ready, and yet it stays running with the old schema, tick after tick
        await("postponed migration stays running").during(HOLDS_FOR).atMost(HOLDS_FOR.plusSeconds(5))
                .until(() -> "running".equals(status(uuid)) && db.columns("cli_postponed").size() == 3);

        assertThat(ok("complete", uuid.value()).out()).isEqualTo("complete: 1 migration affected\n");
        awaitStatus(uuid, "complete");

        assertThat(db.columns("cli_postponed")).containsExactly("id", "name", "qty", "note");
        assertThat(rows("cli_postponed")).isEqualTo(before);
        assertThat(number(migration(uuid), "cutover_attempts")).isEqualTo(1);
        assertThat(shownRow(uuid)).containsEntry("migration_status", "complete").containsEntry("rows_copied", "3000");
    }

    /**
     * The copy is held mid-table deterministically: a row lock the test holds stops the chunk that
     * reaches it (the copy reads with locking reads), the CLI throttles the migration, and the lock
     * is released; the copier finishes that chunk and the throttler stops it before the next one.
     */
    @Test
    void cancellingMidCopyLeavesTheSourceIntactAndRemovesTheStreamState() throws Exception {
        createTable("cli_cancel", 6000);
        List<String> before = rows("cli_cancel");

        MigrationUuid uuid;
        try (Connection blocker = db.openConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // the first chunk has 1000 rows and each chunk at most 1.5 times the last: the chunk that
                // meets this row ends before row 5000, so the copy cannot finish while it is held
                lock.executeQuery("SELECT id FROM cli_cancel WHERE id = 2000 FOR UPDATE").close();
            }
            uuid = submitOne("vitess", "ALTER TABLE cli_cancel ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT ''");
            awaitCondition("the copy of " + uuid + " has started", () -> {
                List<Map<String, Object>> stream = stream(uuid);
                return !stream.isEmpty() && number(stream.get(0), "rows_copied") > 0;
            });
            assertThat(ok("throttle", uuid.value()).out()).startsWith("throttle: ");
            blocker.rollback();
        }
        awaitMigration(uuid, "copy throttled", row -> String.valueOf(row.get("stage")).startsWith("throttled (vcopier)"));

        Map<String, Object> stream = stream(uuid).get(0);
        assertThat(stream).containsEntry("state", "Copying").containsEntry("component_throttled", "vcopier");
        long streamId = number(stream, "id");
        assertThat(copyStateRows(streamId)).as("the copy's progress is kept while it runs").isEqualTo(1);
        long copied = number(stream, "rows_copied");
        assertThat(copied).as("mid-copy").isBetween(1000L, 5999L);
        awaitMigration(uuid, "progress reported", row -> number(row, "rows_copied") == copied);
        Map<String, String> shown = shownRow(uuid);
        assertThat(shown).containsEntry("migration_status", "running").containsEntry("ready_to_complete", "0")
                .containsEntry("rows_copied", Long.toString(copied));
        assertThat(shown.get("stage")).startsWith("throttled (vcopier)");
        assertThat(Double.parseDouble(shown.get("progress"))).isStrictlyBetween(0.0, 100.0);
        assertThat(Long.parseLong(shown.get("eta_seconds"))).as("an estimate, not unknown (-1)").isNotNegative();

        assertThat(ok("cancel", uuid.value()).out()).isEqualTo("cancel: 1 migration affected\n");
        awaitStatus(uuid, "cancelled");
        awaitCondition("the stream state of " + uuid + " removed", () -> stream(uuid).isEmpty());

        assertThat(copyStateRows(streamId)).as("no copy state left behind").isZero();
        assertThat(db.columns("cli_cancel")).containsExactly("id", "name", "qty");
        assertThat(rows("cli_cancel")).isEqualTo(before);
    }

    @Test
    void inOrderCompletionCompletesTwoAltersInSubmissionOrder() throws Exception {
        createTable("cli_order_1", 1000);
        createTable("cli_order_2", 1000);
        Result submitted = ok("submit", "--strategy", "vitess --allow-concurrent --in-order-completion --postpone-completion",
                "ALTER TABLE cli_order_1 ADD COLUMN note INT NOT NULL DEFAULT 0;"
                        + " ALTER TABLE cli_order_2 ADD COLUMN note INT NOT NULL DEFAULT 0");
        List<MigrationUuid> uuids = submitted.out().lines().map(MigrationUuid::parse).toList();
        assertThat(uuids).hasSize(2);
        MigrationUuid first = uuids.get(0);
        MigrationUuid second = uuids.get(1);
        awaitMigration(first, "ready to complete", row -> flag(row, "ready_to_complete"));
        awaitMigration(second, "ready to complete", row -> flag(row, "ready_to_complete"));

        // the second may complete, but not before the first
        assertThat(ok("complete", second.value()).out()).isEqualTo("complete: 1 migration affected\n");
        await("second waits for the first").during(HOLDS_FOR).atMost(HOLDS_FOR.plusSeconds(5))
                .until(() -> "running".equals(status(second)) && db.columns("cli_order_2").size() == 3);

        assertThat(ok("complete", first.value()).out()).isEqualTo("complete: 1 migration affected\n");
        awaitStatus(first, "complete");
        awaitStatus(second, "complete");

        assertThat(microsBetween(first, second, "completed_timestamp")).as("second completes after first").isPositive();
        assertThat(db.columns("cli_order_1")).endsWith("note");
        assertThat(db.columns("cli_order_2")).endsWith("note");
        assertThat(db.rowCount("cli_order_1")).isEqualTo(1000);
        assertThat(db.rowCount("cli_order_2")).isEqualTo(1000);
    }

    @Test
    void twoConcurrentAltersOnDifferentTablesBothComplete() throws Exception {
        createTable("cli_concurrent_1", 2000);
        createTable("cli_concurrent_2", 2000);
        List<String> before1 = rows("cli_concurrent_1");
        List<String> before2 = rows("cli_concurrent_2");
        // postponed, so that both are seen running at once before they complete
        String strategy = "vitess --allow-concurrent --postpone-completion";
        MigrationUuid first = submitOne(strategy, "ALTER TABLE cli_concurrent_1 ADD COLUMN note INT NOT NULL DEFAULT 1");
        MigrationUuid second = submitOne(strategy, "ALTER TABLE cli_concurrent_2 MODIFY qty BIGINT NOT NULL");

        awaitCondition("both running and ready at once", () -> {
            Map<String, Object> one = migration(first);
            Map<String, Object> two = migration(second);
            return "running".equals(one.get("migration_status")) && "running".equals(two.get("migration_status"))
                    && flag(one, "ready_to_complete") && flag(two, "ready_to_complete");
        });
        assertThat(flag(migration(first), "allow_concurrent")).isTrue();
        assertThat(flag(migration(second), "allow_concurrent")).isTrue();

        assertThat(ok("complete", "--all").out()).isEqualTo("complete: 2 migrations affected\n");
        awaitStatus(first, "complete");
        awaitStatus(second, "complete");

        assertThat(db.columns("cli_concurrent_1")).containsExactly("id", "name", "qty", "note");
        assertThat(query(db.dataSource(), "SELECT DATA_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = 'cli_concurrent_2' AND COLUMN_NAME = 'qty'", db.name()).get(0)).containsEntry("t", "bigint");
        assertThat(rows("cli_concurrent_1")).isEqualTo(before1);
        assertThat(rows("cli_concurrent_2")).isEqualTo(before2);
    }

    // ------------------------------------------------------------------ the CLI

    private Result cli(String... arguments) throws IOException, InterruptedException {
        List<String> withServer = new ArrayList<>(List.of(arguments));
        withServer.addAll(List.of("--server", daemon.apiUrl()));
        return onlineddl.run(withServer.toArray(String[]::new));
    }

    private Result ok(String... arguments) throws IOException, InterruptedException {
        Result result = cli(arguments);
        assertThat(result.exitCode()).as("onlineddl %s\nstdout: %s\nstderr: %s", String.join(" ", arguments),
                result.out(), result.err()).isZero();
        return result;
    }

    private MigrationUuid submitOne(String strategy, String sql) throws IOException, InterruptedException {
        List<String> lines = ok("submit", "--strategy", strategy, sql).out().lines().toList();
        assertThat(lines).hasSize(1);
        return MigrationUuid.parse(lines.get(0));
    }

    /** The migration's line of {@code onlineddl show UUID}, cut at the header's columns (the table is aligned). */
    private Map<String, String> shownRow(MigrationUuid uuid) throws IOException, InterruptedException {
        List<String> lines = ok("show", uuid.value()).out().lines().toList();
        assertThat(lines).hasSize(2);
        String header = lines.get(0);
        String line = lines.get(1);
        List<String> names = List.of(header.trim().split(" +"));
        List<Integer> starts = new ArrayList<>();
        for (String name : names) {
            starts.add(header.indexOf(name, starts.isEmpty() ? 0 : starts.get(starts.size() - 1) + 1));
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            int start = Math.min(starts.get(i), line.length());
            int end = i + 1 < names.size() ? Math.min(starts.get(i + 1), line.length()) : line.length();
            cells.put(names.get(i), line.substring(start, end).strip());
        }
        assertThat(cells).containsKeys("stage", "progress", "eta_seconds", "rows_copied");
        return cells;
    }

    // ------------------------------------------------------------------ the database

    /** A table of {@code rows} rows (id 1 to rows, a name and a quantity), its statistics up to date. */
    private void createTable(String table, int rows) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                    + " qty INT NOT NULL)");
            statement.execute("INSERT INTO " + table + " (name, qty) SELECT CONCAT('item-', seq), seq % 97 FROM seq_1_to_" + rows);
            // the engine's progress and ETA count against the table's estimated rows: make the estimate current
            statement.execute("ANALYZE TABLE " + table);
        }
    }

    private List<String> rows(String table) throws SQLException {
        return query(db.dataSource(), "SELECT id, name, qty FROM " + table + " ORDER BY id").stream()
                .map(row -> row.values().toString()).toList();
    }

    private Map<String, Object> migration(MigrationUuid uuid) throws SQLException {
        List<Map<String, Object>> rows = query(control.dataSource(), "SELECT * FROM schema_migrations WHERE migration_uuid = ?",
                uuid.value());
        assertThat(rows).as("schema_migrations row of %s", uuid).hasSize(1);
        return rows.get(0);
    }

    private String status(MigrationUuid uuid) throws SQLException {
        return String.valueOf(migration(uuid).get("migration_status"));
    }

    /** The engine's stream state row of the migration, if any. */
    private List<Map<String, Object>> stream(MigrationUuid uuid) throws SQLException {
        return query(control.dataSource(), "SELECT * FROM vreplication_stream WHERE workflow = ?", uuid.value());
    }

    private long copyStateRows(long streamId) throws SQLException {
        return number(query(control.dataSource(), "SELECT COUNT(*) AS n FROM vreplication_copy_state WHERE vrepl_id = ?",
                streamId).get(0), "n");
    }

    private long microsBetween(MigrationUuid earlier, MigrationUuid later, String column) throws SQLException {
        Map<String, Object> row = query(control.dataSource(), "SELECT TIMESTAMPDIFF(MICROSECOND, a." + column + ", b." + column
                + ") AS d FROM schema_migrations a, schema_migrations b WHERE a.migration_uuid = ? AND b.migration_uuid = ?",
                earlier.value(), later.value()).get(0);
        return ((Number) row.get("d")).longValue();
    }

    private interface RowCondition {
        boolean test(Map<String, Object> row) throws Exception;
    }

    /** Waits (bounded) for the migration's row to satisfy the condition; a failed or cancelled migration ends the wait. */
    private void awaitMigration(MigrationUuid uuid, String what, RowCondition condition) {
        awaitCondition(uuid + " " + what, () -> {
            Map<String, Object> row = migration(uuid);
            Object status = row.get("migration_status");
            if ("failed".equals(status) || "cancelled".equals(status)) {
                throw new AssertionError(uuid + " is " + status + ": " + row.get("message"));
            }
            return condition.test(row);
        });
    }

    private void awaitStatus(MigrationUuid uuid, String expected) {
        awaitCondition(uuid + " " + expected, () -> {
            Map<String, Object> row = migration(uuid);
            if ("failed".equals(row.get("migration_status")) && !"failed".equals(expected)) {
                throw new AssertionError(uuid + " failed: " + row.get("message"));
            }
            return expected.equals(row.get("migration_status"));
        });
    }

    /** The daemon works in another process: poll the database (bounded), showing the daemon's log on a timeout. */
    private void awaitCondition(String what, Callable<Boolean> condition) {
        try {
            await(what).atMost(MIGRATION_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\ndaemon log:\n" + String.join("\n", daemon.log()), e);
        }
    }

    private static boolean flag(Map<String, Object> row, String column) {
        return number(row, column) != 0;
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static List<Map<String, Object>> query(DataSource dataSource, String sql, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rows.getObject(i));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }
}
