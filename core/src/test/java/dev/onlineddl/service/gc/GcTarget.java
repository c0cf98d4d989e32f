package dev.onlineddl.service.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.adapter.mysql.inspect.JdbcSchemaInspector;
import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.adapter.mysql.store.JooqMigrationStore;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.MigrationTimestamp;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One test's target database with the real adapters around it (store, inspector, DDL executor),
 * migrations set up through the store, and plain-JDBC reads that never go through the code under
 * test.
 */
final class GcTarget {

    private static final Random RANDOM = new Random(20240301);

    final TestDatabase db;
    final ControlSchema controlSchema;
    final JooqMigrationStore store;
    final JdbcSchemaInspector inspector;
    final JdbcDdlExecutor ddlExecutor;
    final TargetConnections connections;

    private GcTarget(TestDatabase db, ControlSchema controlSchema) {
        this.db = db;
        this.controlSchema = controlSchema;
        this.store = new JooqMigrationStore(db.dataSource(), controlSchema, MigrationTarget.of(db.name()));
        this.inspector = new JdbcSchemaInspector(db.dataSource());
        this.ddlExecutor = new JdbcDdlExecutor(db.dataSource());
        this.connections = new TargetConnections() {
            @Override
            public String schema() {
                return db.name();
            }

            @Override
            public Connection open() throws SQLException {
                return db.openConnection();
            }
        };
    }

    /** A control schema for the test class: a sibling of the class's database. */
    static ControlSchema controlSchemaFor(TestDatabase classDatabase) {
        TestDatabase control = classDatabase.createSiblingDatabase("ctl");
        ControlSchema controlSchema = new ControlSchema(control.name());
        controlSchema.migrate(classDatabase.dataSource());
        return controlSchema;
    }

    /** A fresh target database, so that no test sees another's GC tables. */
    static GcTarget fresh(TestDatabase classDatabase, ControlSchema controlSchema) {
        return new GcTarget(classDatabase.createSiblingDatabase("t"), controlSchema);
    }

    String name() {
        return db.name();
    }

    // ------------------------------------------------------------------ migrations

    /** A migration on {@code table} that ended with {@code status}, with these artifacts (newest first). */
    MigrationUuid finishedMigration(MigrationStatus status, String table, String... artifactsNewestFirst) {
        MigrationUuid uuid = MigrationUuid.generate(Instant.now(), RANDOM);
        Migration migration = Migration.builder(uuid)
                .mysqlSchema(db.name())
                .mysqlTable(table)
                .migrationStatement("alter table `" + table + "` engine=InnoDB")
                .strategy("vitess")
                .ddlAction(DdlAction.ALTER)
                .tablet("executor-1")
                .retainArtifactsSeconds(86400)
                .build();
        assertThat(store.insert(migration)).isTrue();
        // addArtifact prepends: add the oldest first
        for (int i = artifactsNewestFirst.length - 1; i >= 0; i--) {
            store.addArtifact(uuid, artifactsNewestFirst[i]);
        }
        store.updateStatus(uuid, status);
        if (status == MigrationStatus.COMPLETE) {
            store.markTimestamp(uuid, MigrationTimestamp.COMPLETED);
        }
        return uuid;
    }

    Migration migration(MigrationUuid uuid) {
        return store.readMigration(uuid);
    }

    /** Whether cleanup_timestamp is set, read with plain SQL. */
    boolean cleanedUp(MigrationUuid uuid) {
        return queryString("SELECT cleanup_timestamp IS NOT NULL FROM `" + controlSchema.name()
                + "`.`schema_migrations` WHERE migration_uuid = ?", uuid.value()).equals("1");
    }

    // ------------------------------------------------------------------ tables

    void execute(String... statements) {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError("test SQL failed: " + String.join("; ", statements), e);
        }
    }

    /** A table {@code (id BIGINT PRIMARY KEY)} holding ids 1 to {@code rows}. */
    void createTableWithRows(String table, int rows) {
        String quoted = "`" + table.replace("`", "``") + "`";
        execute("CREATE TABLE " + quoted + " (id BIGINT PRIMARY KEY, note VARCHAR(20))");
        if (rows == 0) {
            return;
        }
        if (db.server().isMariaDb()) {
            // MariaDB's SEQUENCE engine: seq_1_to_N is a virtual table of the numbers 1..N
            execute("INSERT INTO " + quoted + " (id, note) SELECT seq, 'row' FROM seq_1_to_" + rows);
            return;
        }
        try (Connection connection = db.openConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + quoted + " (id, note) VALUES (?, 'row')")) {
            for (int id = 1; id <= rows; id++) {
                insert.setInt(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new AssertionError("could not fill " + table, e);
        }
    }

    /** Tables and views of the target, by name. */
    List<String> tables() {
        List<String> names = new ArrayList<>();
        try (Connection connection = db.openConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
            select.setString(1, db.name());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("could not list the tables of " + db.name(), e);
        }
        return names;
    }

    long rowCount(String table) {
        return Long.parseLong(queryString("SELECT COUNT(*) FROM `" + table.replace("`", "``") + "`"));
    }

    String queryString(String sql, Object... values) {
        try (Connection connection = db.openConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row from %s", sql).isTrue();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("test query failed: " + sql, e);
        }
    }
}
