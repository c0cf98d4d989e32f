package dev.onlineddl.adapter.vreplication.it;

import static org.awaitility.Awaitility.await;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the engine's executor-level tests share: a testbed, SQL on target and control schema, waits that tick. */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineItSupport {

    static final Duration MIGRATION_TIMEOUT = Duration.ofSeconds(90);

    EngineTestbed testbed;

    @BeforeAll
    void createTestbed(TestDatabase db) throws SQLException {
        testbed = EngineTestbed.create(db);
    }

    @AfterEach
    void closeExecutors() throws Exception {
        testbed.close();
    }

    @AfterAll
    void closeTestbed() throws Exception {
        testbed.close();
    }

    static MigrationUuid submit(OnlineDdl executor, String sql, String strategy) {
        List<MigrationUuid> uuids = executor.submitMigration().submit(SubmissionRequest.of(sql, strategy)).uuids();
        if (uuids.size() != 1) {
            throw new AssertionError("expected one migration from " + sql + ", got " + uuids);
        }
        return uuids.get(0);
    }

    /** Ticks the executor until the condition holds. */
    static void awaitTicking(OnlineDdl executor, String what, Callable<Boolean> condition) {
        await(what).atMost(MIGRATION_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .pollInSameThread().until(() -> {
                    executor.tick();
                    return condition.call();
                });
    }

    Map<String, Object> migrationRow(MigrationUuid uuid) throws SQLException {
        List<Map<String, Object>> rows = query(testbed.controlDataSource(), "SELECT * FROM "
                + quote(testbed.controlSchema()) + ".schema_migrations WHERE migration_uuid = ?", uuid.value());
        if (rows.size() != 1) {
            throw new AssertionError("migration " + uuid + " not found in the control schema");
        }
        return rows.get(0);
    }

    String status(MigrationUuid uuid) throws SQLException {
        return String.valueOf(migrationRow(uuid).get("migration_status"));
    }

    String message(MigrationUuid uuid) throws SQLException {
        return String.valueOf(migrationRow(uuid).get("message"));
    }

    long number(MigrationUuid uuid, String column) throws SQLException {
        Object value = migrationRow(uuid).get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    void awaitStatus(OnlineDdl executor, MigrationUuid uuid, String... statuses) {
        List<String> wanted = List.of(statuses);
        awaitTicking(executor, uuid + " " + wanted, () -> wanted.contains(status(uuid)));
    }

    void awaitReady(OnlineDdl executor, MigrationUuid uuid) {
        awaitTicking(executor, uuid + " ready to complete", () -> {
            Map<String, Object> row = migrationRow(uuid);
            if ("failed".equals(row.get("migration_status")) || "cancelled".equals(row.get("migration_status"))) {
                throw new AssertionError("migration " + uuid + " is " + row.get("migration_status") + ": " + row.get("message"));
            }
            return ((Number) row.get("ready_to_complete")).intValue() == 1;
        });
    }

    /** The table the migration left under its shadow name: after cut-over, the old table. */
    static Optional<String> vreplTable(TestDatabase target, MigrationUuid uuid) throws SQLException {
        List<Map<String, Object>> rows = query(target.dataSource(), "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ?", target.name(),
                "\\_" + uuid.value().replace("_", "\\_") + "\\_%\\_vrepl");
        return rows.stream().map(row -> (String) row.get("TABLE_NAME")).findFirst();
    }

    static List<Map<String, Object>> query(javax.sql.DataSource dataSource, String sql, Object... values)
            throws SQLException {
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

    static void execute(TestDatabase target, String... statements) throws SQLException {
        try (Connection connection = target.openConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The rows of both tables over the given columns, in key order, as text: equal lists mean equal contents. */
    static List<String> rows(TestDatabase target, String table, String columns, String orderBy) throws SQLException {
        List<String> result = new ArrayList<>();
        for (Map<String, Object> row : query(target.dataSource(), "SELECT " + columns + " FROM " + quote(table)
                + " ORDER BY " + orderBy)) {
            result.add(row.values().stream().map(EngineItSupport::render).toList().toString());
        }
        return result;
    }

    /** A value as text that is equal exactly when the values are: bytes in hex, decimals without scale padding. */
    static String render(Object value) {
        if (value instanceof byte[] bytes) {
            return "0x" + java.util.HexFormat.of().formatHex(bytes);
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** The server's account of its latest deadlock, for the message of a test that saw one. */
    static String latestDeadlock(TestDatabase target) throws SQLException {
        String status = String.valueOf(query(target.dataSource(), "SHOW ENGINE INNODB STATUS").get(0).get("Status"));
        int from = status.indexOf("LATEST DETECTED DEADLOCK");
        int to = status.indexOf("TRANSACTIONS\n------------", Math.max(0, from));
        return from < 0 ? "no deadlock reported" : status.substring(from, to < 0 ? status.length() : to);
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
