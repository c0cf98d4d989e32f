package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.ddl.JsqlDdlAnalyzer;
import dev.onlineddl.adapter.mysql.diff.MySqlSchemaDiffer;
import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.adapter.mysql.inspect.JdbcSchemaInspector;
import dev.onlineddl.adapter.mysql.lock.JdbcExecutorLock;
import dev.onlineddl.adapter.mysql.lock.JdbcSubmissionLock;
import dev.onlineddl.adapter.mysql.store.JooqMigrationStore;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.service.ExecutorConfig;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.spi.StrategyPlugin;
import dev.onlineddl.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One test's target database: executors for it (built from the real adapters), and plain-JDBC
 * reads of its tables and of its {@code schema_migrations} rows, which never go through the code
 * under test.
 */
final class TargetDatabase {

    private final ExecutorTestbed testbed;
    private final TestDatabase db;
    private final List<OnlineDdl> executors = new ArrayList<>();

    TargetDatabase(ExecutorTestbed testbed, TestDatabase db) {
        this.testbed = testbed;
        this.db = db;
    }

    String name() {
        return db.name();
    }

    TestDatabase database() {
        return db;
    }

    /** An executor for this target with the test plugins, not ticking on its own: tests drive {@code tick()}. */
    OnlineDdl executor(String executorId, List<? extends StrategyPlugin> plugins) {
        return executor(executorId, plugins, config -> config);
    }

    OnlineDdl executor(String executorId, List<? extends StrategyPlugin> plugins, UnaryOperator<ExecutorConfig> tweak) {
        return executor(executorId, plugins, tweak, true);
    }

    /** As {@link #executor(String, List)}, but assembled without a schema differ (it is optional). */
    OnlineDdl executorWithoutSchemaDiffer(String executorId, List<? extends StrategyPlugin> plugins) {
        return executor(executorId, plugins, config -> config, false);
    }

    /** As {@link #executor(String, List)}, its schema inspector wrapped by {@code inspector} (to inject faults). */
    OnlineDdl executorWithInspector(String executorId, List<? extends StrategyPlugin> plugins,
            UnaryOperator<SchemaInspector> inspector) {
        return executor(executorId, plugins, config -> config, true, inspector);
    }

    private OnlineDdl executor(String executorId, List<? extends StrategyPlugin> plugins,
            UnaryOperator<ExecutorConfig> tweak, boolean withSchemaDiffer) {
        return executor(executorId, plugins, tweak, withSchemaDiffer, UnaryOperator.identity());
    }

    private OnlineDdl executor(String executorId, List<? extends StrategyPlugin> plugins,
            UnaryOperator<ExecutorConfig> tweak, boolean withSchemaDiffer, UnaryOperator<SchemaInspector> inspector) {
        Path workDirectory;
        try {
            workDirectory = Files.createTempDirectory("onlineddl-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorConfig config = tweak.apply(ExecutorConfig.defaults(executorId, db.name()).withWorkDirectory(workDirectory));
        MigrationTarget target = config.target();
        OnlineDdl.Builder builder = OnlineDdl.builder(config);
        if (withSchemaDiffer) {
            builder.schemaDiffer(new MySqlSchemaDiffer());
        }
        OnlineDdl executor = builder
                .store(new JooqMigrationStore(db.dataSource(), testbed.controlSchema(), target))
                .schemaInspector(inspector.apply(new JdbcSchemaInspector(db.dataSource())))
                .ddlExecutor(new JdbcDdlExecutor(db.dataSource()))
                .ddlAnalyzer(new JsqlDdlAnalyzer())
                .connections(new DataSourceConnections())
                .executorLock(new JdbcExecutorLock(db.dataSource(), db.name()))
                .submissionLock(new JdbcSubmissionLock(db.dataSource(), db.name()))
                .plugins(plugins)
                .build();
        executors.add(executor);
        return executor;
    }

    /**
     * Stores a migration row as an executor would have left it (e.g. running when it stopped),
     * with these artifacts, bypassing every executor.
     */
    void insertMigration(Migration migration, String... artifacts) {
        JooqMigrationStore store = new JooqMigrationStore(db.dataSource(), testbed.controlSchema(),
                ExecutorConfig.defaults("test-setup", db.name()).target());
        if (!store.insert(migration)) {
            throw new AssertionError("migration " + migration.uuid() + " exists already");
        }
        for (String artifact : artifacts) {
            store.addArtifact(migration.uuid(), artifact);
        }
    }

    /** Closes every executor made for this target. */
    void closeExecutors() {
        executors.forEach(OnlineDdl::close);
        executors.clear();
    }

    private final class DataSourceConnections implements TargetConnections {
        @Override
        public String schema() {
            return db.name();
        }

        @Override
        public Connection open() throws SQLException {
            return db.openConnection();
        }
    }

    // ------------------------------------------------------------------ the target's tables

    void execute(String sql) {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("test SQL failed: " + sql, e);
        }
    }

    /** Tables and views of the target, by name. */
    List<String> tables() {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? "
                + "ORDER BY TABLE_NAME", db.name())) {
            names.add((String) row.get("TABLE_NAME"));
        }
        return names;
    }

    boolean exists(String table) {
        return tables().contains(table);
    }

    /** The kind INFORMATION_SCHEMA reports: {@code BASE TABLE} or {@code VIEW}. */
    String tableType(String table) {
        List<Map<String, Object>> rows = query("SELECT TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_NAME = ?", db.name(), table);
        assertThat(rows).as("table %s exists", table).hasSize(1);
        return (String) rows.get(0).get("TABLE_TYPE");
    }

    List<String> columns(String table) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : query("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", db.name(), table)) {
            names.add((String) row.get("COLUMN_NAME"));
        }
        return names;
    }

    long rowCount(String table) {
        Object count = query("SELECT COUNT(*) AS n FROM `" + table.replace("`", "``") + "`").get(0).get("n");
        return ((Number) count).longValue();
    }

    /** The view's SELECT as the server keeps it (INFORMATION_SCHEMA.VIEWS.VIEW_DEFINITION). */
    String viewDefinition(String view) {
        List<Map<String, Object>> rows = query("SELECT VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_NAME = ?", db.name(), view);
        assertThat(rows).as("view %s exists", view).hasSize(1);
        return (String) rows.get(0).get("VIEW_DEFINITION");
    }

    // ------------------------------------------------------------------ schema_migrations

    private String migrationsTable() {
        return "`" + testbed.controlSchema().name() + "`.`schema_migrations`";
    }

    Optional<Map<String, Object>> migrationRow(MigrationUuid uuid) {
        List<Map<String, Object>> rows = query("SELECT * FROM " + migrationsTable() + " WHERE migration_uuid = ?",
                uuid.value());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The row, which must exist. */
    Map<String, Object> row(MigrationUuid uuid) {
        return migrationRow(uuid).orElseThrow(() -> new AssertionError("no schema_migrations row for " + uuid));
    }

    String status(MigrationUuid uuid) {
        return (String) row(uuid).get("migration_status");
    }

    /** Every row of this target, in submission order. */
    List<Map<String, Object>> migrationRows() {
        return query("SELECT * FROM " + migrationsTable() + " WHERE mysql_schema = ? ORDER BY id", db.name());
    }

    /**
     * Whole seconds from one row's timestamp column to another's ({@code later - earlier}), as
     * TIMESTAMPDIFF truncates; null if either is NULL. Seconds, because started_timestamp is
     * stored without fractions.
     */
    Long secondsBetween(MigrationUuid earlierUuid, String earlierColumn, MigrationUuid laterUuid, String laterColumn) {
        Object value = query("SELECT TIMESTAMPDIFF(SECOND, a.`" + earlierColumn + "`, b.`" + laterColumn + "`) AS d FROM "
                + migrationsTable() + " a, " + migrationsTable() + " b WHERE a.migration_uuid = ? AND b.migration_uuid = ?",
                earlierUuid.value(), laterUuid.value()).get(0).get("d");
        return value == null ? null : ((Number) value).longValue();
    }

    /** Microseconds between two timestamp columns of two rows ({@code later - earlier}); null if either is NULL. */
    Long microsBetween(MigrationUuid earlierUuid, String earlierColumn, MigrationUuid laterUuid, String laterColumn) {
        Object value = query("SELECT TIMESTAMPDIFF(MICROSECOND, a.`" + earlierColumn + "`, b.`" + laterColumn + "`) AS d FROM "
                + migrationsTable() + " a, " + migrationsTable() + " b WHERE a.migration_uuid = ? AND b.migration_uuid = ?",
                earlierUuid.value(), laterUuid.value()).get(0).get("d");
        return value == null ? null : ((Number) value).longValue();
    }

    /** Changes a row by hand, for situations a test cannot bring about otherwise (e.g. a stale liveness). */
    void updateRow(MigrationUuid uuid, String setClause, Object... values) {
        Object[] all = new Object[values.length + 1];
        System.arraycopy(values, 0, all, 0, values.length);
        all[values.length] = uuid.value();
        try (Connection connection = db.openConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "UPDATE " + migrationsTable() + " SET " + setClause + " WHERE migration_uuid = ?")) {
            for (int i = 0; i < all.length; i++) {
                statement.setObject(i + 1, all[i]);
            }
            assertThat(statement.executeUpdate()).as("row of %s updated", uuid).isEqualTo(1);
        } catch (SQLException e) {
            throw new AssertionError("test update failed", e);
        }
    }

    List<Map<String, Object>> query(String sql, Object... values) {
        try (Connection connection = db.openConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new AssertionError("test query failed: " + sql, e);
        }
    }

    static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    static boolean flag(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value instanceof Boolean bool) {
            return bool;
        }
        return ((Number) value).intValue() != 0;
    }

    /** The artifacts column split into names, newest first. */
    static List<String> artifacts(Map<String, Object> row) {
        List<String> names = new ArrayList<>();
        for (String name : ((String) row.get("artifacts")).split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return names;
    }
}
