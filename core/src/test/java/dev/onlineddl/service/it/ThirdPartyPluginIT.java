package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.ddl.JsqlDdlAnalyzer;
import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.adapter.mysql.inspect.JdbcSchemaInspector;
import dev.onlineddl.adapter.mysql.lock.JdbcExecutorLock;
import dev.onlineddl.adapter.mysql.store.JooqMigrationStore;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.ConstraintNames;
import dev.onlineddl.domain.naming.ConstraintType;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.example.plugin.SlowCopyPlugin;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.service.ExecutorConfig;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.service.StrategyRegistry;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The example third-party plugin {@code slow-copy} (test sources, {@code dev.onlineddl.example.plugin},
 * compiled against the SPI only, see {@code ExamplePluginArchitectureTest}) run by the core: the
 * executors here are given no plugin list but {@link StrategyRegistry#discover}, so the plugin is
 * found through its {@code META-INF/services} entry as in the daemon. Everything goes through
 * {@code port.in}; ticks are driven by hand; the outcome is read from the target's tables and the
 * {@code schema_migrations} rows with plain JDBC.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyPluginIT {

    private static final String SLOW_COPY = SlowCopyPlugin.STRATEGY_NAME;
    private static final String POSTPONED = SLOW_COPY + " --postpone-completion";
    private static final int ROWS = 1000;
    private static final String ADD_NOTE = "alter table items add column note varchar(10) not null default 'n'";

    private TestDatabase classDatabase;
    private ExecutorTestbed testbed;
    private final List<OnlineDdl> executors = new ArrayList<>();

    @BeforeAll
    void createTestbed(TestDatabase db) throws SQLException {
        classDatabase = db;
        testbed = ExecutorTestbed.create(db);
    }

    @AfterEach
    void closeExecutors() {
        executors.forEach(OnlineDdl::close);
        executors.clear();
    }

    @Test
    void theDiscoveredPluginCopiesAsynchronouslyReportsProgressAndWaitsForCompleteWhenPostponed() throws SQLException {
        TargetDatabase target = testbed.newTarget();
        createItems(target);
        OnlineDdl executor = discoveringExecutor(target, "executor-1");
        assertThat(executor.registry().installedStrategies()).contains(SLOW_COPY);

        MigrationUuid uuid = submit(executor, ADD_NOTE, POSTPONED);
        // Held back by the core's throttler, the engine has started (start returned at once) but copies nothing.
        executor.throttleMigrations().throttle(ThrottleRequest.fully(ThrottleTarget.migration(uuid)));
        Await.ticking(executor, "the migration to run", () -> target.status(uuid).equals("running"));
        tickSeveralTimes(executor);
        Map<String, Object> throttled = target.row(uuid);
        assertThat(throttled).containsEntry("migration_status", "running").containsEntry("tablet", "executor-1");
        assertThat(TargetDatabase.number(throttled, "rows_copied")).isZero();
        assertThat(TargetDatabase.flag(throttled, "ready_to_complete")).isFalse();

        executor.throttleMigrations().unthrottle(ThrottleTarget.migration(uuid));
        Await.ticking(executor, "the copy to be ready to complete",
                () -> TargetDatabase.flag(target.row(uuid), "ready_to_complete"));
        Map<String, Object> ready = target.row(uuid);
        assertThat(ready).containsEntry("migration_status", "running");
        assertThat(((Number) ready.get("progress")).doubleValue()).isEqualTo(100.0);
        assertThat(TargetDatabase.number(ready, "rows_copied")).isEqualTo(ROWS);
        assertThat(TargetDatabase.flag(ready, "postpone_completion")).isTrue();

        tickSeveralTimes(executor);
        assertThat(target.status(uuid)).as("postponed: no cut-over without complete").isEqualTo("running");
        assertThat(target.columns("items")).containsExactly("id", "pad");
        target.execute("insert into items (id, pad) values (" + (ROWS + 1) + ", 'written while postponed')");

        assertThat(executor.controlMigration().complete(uuid)).isEqualTo(CommandResult.ONE);
        Await.ticking(executor, "the migration to complete", () -> target.status(uuid).equals("complete"));

        Map<String, Object> complete = target.row(uuid);
        assertThat(((Number) complete.get("progress")).doubleValue()).isEqualTo(100.0);
        assertThat(TargetDatabase.flag(complete, "ready_to_complete")).isTrue();
        assertThat(target.columns("items")).containsExactly("id", "pad", "note");
        assertThat(target.rowCount("items")).isEqualTo(ROWS + 1);
        assertThat(count(target, "select count(*) as n from items where note = 'n'")).isEqualTo(ROWS + 1);
        assertThat(TargetDatabase.artifacts(complete)).isNotEmpty()
                .allMatch(table -> table.startsWith("_" + uuid.value() + "_"));
        Await.until("the old table's triggers to be gone", () -> triggers(target) == 0);
    }

    @Test
    void cancellingARunningMigrationOfTheDiscoveredPluginLeavesTheTableAsItWas() throws SQLException {
        TargetDatabase target = testbed.newTarget();
        createItems(target);
        OnlineDdl executor = discoveringExecutor(target, "executor-1");

        MigrationUuid uuid = submit(executor, ADD_NOTE, POSTPONED);
        Await.ticking(executor, "the copy to be ready to complete",
                () -> TargetDatabase.flag(target.row(uuid), "ready_to_complete"));
        assertThat(triggers(target)).as("the plugin's triggers on the table while it runs").isEqualTo(3);

        assertThat(executor.controlMigration().cancel(uuid)).isEqualTo(CommandResult.ONE);
        Await.ticking(executor, "the migration to end", () -> !target.status(uuid).equals("running"));
        tickSeveralTimes(executor);

        assertThat(target.status(uuid)).isEqualTo("cancelled");
        assertThat(target.columns("items")).containsExactly("id", "pad");
        assertThat(target.rowCount("items")).isEqualTo(ROWS);
        Await.until("the terminated job to remove its triggers", () -> triggers(target) == 0);
        target.execute("insert into items (id, pad) values (" + (ROWS + 1) + ", 'writes work without triggers')");
        assertThat(target.rowCount("items")).isEqualTo(ROWS + 1);
    }

    @Test
    void aRestartedExecutorAdoptsARunningMigrationOfTheDiscoveredPluginAndCompletesIt() throws SQLException {
        TargetDatabase target = testbed.newTarget();
        createItems(target);
        OnlineDdl first = discoveringExecutor(target, "executor-1");
        MigrationUuid uuid = submit(first, ADD_NOTE, POSTPONED);
        Await.ticking(first, "the copy to be ready to complete",
                () -> TargetDatabase.flag(target.row(uuid), "ready_to_complete"));
        assertThat(target.row(uuid)).containsEntry("tablet", "executor-1");
        first.close();

        // A new process: other engines, nothing owned; the plugin is discovered again.
        OnlineDdl restarted = discoveringExecutor(target, "executor-2");
        Await.ticking(restarted, "the restarted executor to adopt the migration",
                () -> "executor-2".equals(target.row(uuid).get("tablet")));
        assertThat(target.status(uuid)).isEqualTo("running");
        Await.ticking(restarted, "the adopted copy to be ready to complete",
                () -> TargetDatabase.flag(target.row(uuid), "ready_to_complete"));
        tickSeveralTimes(restarted);
        assertThat(target.status(uuid)).as("still postponed after adoption").isEqualTo("running");
        assertThat(target.columns("items")).containsExactly("id", "pad");

        assertThat(restarted.controlMigration().complete(uuid)).isEqualTo(CommandResult.ONE);
        Await.ticking(restarted, "the adopted migration to complete", () -> target.status(uuid).equals("complete"));

        assertThat(target.row(uuid)).containsEntry("tablet", "executor-2");
        assertThat(TargetDatabase.number(target.row(uuid), "rows_copied")).isEqualTo(ROWS);
        assertThat(target.columns("items")).containsExactly("id", "pad", "note");
        assertThat(target.rowCount("items")).isEqualTo(ROWS);
    }

    /**
     * The plugin's shadow table gets its CHECK and FOREIGN KEY constraints renamed as Vitess's
     * {@code newConstraintName} does: original name, {@code _}, UUIDv5Base36(migration uuid, table, constraint
     * definition). The same ALTER with the same UUID on two identical targets (as on two shards)
     * gives the same names. UUIDs are unique across a control schema, so the first run's row is
     * removed by hand before the second run.
     */
    @Test
    void constraintNamesOfTheShadowTableAreDeterministic() throws SQLException {
        MigrationUuid uuid = MigrationUuid.parse("6b4a1c32_1f0e_11ef_9262_0242ac120002");
        List<Map<String, String>> namesPerShard = new ArrayList<>();
        for (int shard = 0; shard < 2; shard++) {
            if (shard > 0) {
                forgetMigration(uuid);
            }
            TargetDatabase target = testbed.newTarget();
            target.execute("create table parents (id int primary key)");
            target.execute("insert into parents values (1), (2)");
            target.execute("create table items (id int primary key, parent_id int not null, qty int not null,"
                    + " constraint positive_qty check (qty > 0),"
                    + " constraint fk_parent foreign key (parent_id) references parents (id))");
            target.execute("insert into items values (1, 1, 5), (2, 2, 7), (3, 1, 9)");
            Map<String, String> expected = expectedConstraintNames(target, uuid);
            OnlineDdl executor = discoveringExecutor(target, "executor-1");

            List<MigrationUuid> submitted = executor.submitMigration().submit(new SubmissionRequest(
                    "alter table items add column note varchar(10) null", SLOW_COPY + " --unsafe-allow-foreign-keys",
                    MigrationContext.of("deterministic-names"), Optional.of(uuid))).uuids();
            assertThat(submitted).containsExactly(uuid);
            Await.ticking(executor, "the migration to end", () -> !target.status(uuid).equals("running")
                    && !target.status(uuid).equals("queued") && !target.status(uuid).equals("ready"));
            assertThat(target.status(uuid)).as("message: %s", target.row(uuid).get("message")).isEqualTo("complete");
            assertThat(target.columns("items")).containsExactly("id", "parent_id", "qty", "note");
            assertThat(target.rowCount("items")).isEqualTo(3);

            Map<String, String> actual = constraintNames(target);
            assertThat(actual).isEqualTo(Map.of(expected.get("positive_qty"), "CHECK", expected.get("fk_parent"),
                    "FOREIGN KEY"));
            assertThat(expected.get("positive_qty")).matches("positive_qty_[0-9a-z]{25}");
            assertThat(expected.get("fk_parent")).matches("fk_parent_[0-9a-z]{25}");
            namesPerShard.add(actual);
        }
        assertThat(namesPerShard.get(1)).isEqualTo(namesPerShard.get(0));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * An executor whose strategies are what {@link java.util.ServiceLoader} finds on the test class
     * path: the built-in {@code mysql}/{@code direct} plugin and the example {@code slow-copy}.
     */
    private OnlineDdl discoveringExecutor(TargetDatabase target, String executorId) {
        TestDatabase db = target.database();
        ExecutorConfig config;
        try {
            config = ExecutorConfig.defaults(executorId, db.name())
                    .withWorkDirectory(Files.createTempDirectory("onlineddl-it"));
        } catch (IOException e) {
            throw new AssertionError("no work directory", e);
        }
        OnlineDdl executor = OnlineDdl.builder(config)
                .store(new JooqMigrationStore(db.dataSource(), testbed.controlSchema(), config.target()))
                .schemaInspector(new JdbcSchemaInspector(db.dataSource()))
                .ddlExecutor(new JdbcDdlExecutor(db.dataSource()))
                .ddlAnalyzer(new JsqlDdlAnalyzer())
                .connections(new TargetConnections() {
                    @Override
                    public String schema() {
                        return db.name();
                    }

                    @Override
                    public Connection open() throws SQLException {
                        return db.openConnection();
                    }
                })
                .executorLock(new JdbcExecutorLock(db.dataSource(), db.name()))
                .strategies(StrategyRegistry.discover(ThirdPartyPluginIT.class.getClassLoader()))
                .build();
        executors.add(executor);
        return executor;
    }

    private void forgetMigration(MigrationUuid uuid) throws SQLException {
        try (Connection connection = classDatabase.openConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM `" + testbed.controlSchema().name() + "`.`schema_migrations` WHERE migration_uuid = ?")) {
            delete.setString(1, uuid.value());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }

    private static MigrationUuid submit(OnlineDdl executor, String sql, String strategy) {
        List<MigrationUuid> uuids = executor.submitMigration().submit(SubmissionRequest.of(sql, strategy)).uuids();
        assertThat(uuids).hasSize(1);
        return uuids.get(0);
    }

    private static void createItems(TargetDatabase target) {
        target.execute("create table items (id int primary key, pad varchar(40) not null)");
        target.execute("insert into items (id, pad) values " + IntStream.rangeClosed(1, ROWS)
                .mapToObj(id -> "(" + id + ", 'row " + id + "')").collect(Collectors.joining(", ")));
    }

    private static void tickSeveralTimes(OnlineDdl executor) {
        for (int i = 0; i < 5; i++) {
            executor.tick();
        }
    }

    private static long count(TargetDatabase target, String sql) {
        return TargetDatabase.number(target.query(sql).get(0), "n");
    }

    private static long triggers(TargetDatabase target) {
        return count(target, "select count(*) as n from information_schema.TRIGGERS where TRIGGER_SCHEMA = '"
                + target.name() + "'");
    }

    /** CHECK and FOREIGN KEY constraints of {@code items}: name to type. */
    private static Map<String, String> constraintNames(TargetDatabase target) {
        return target.query("select CONSTRAINT_NAME, CONSTRAINT_TYPE from information_schema.TABLE_CONSTRAINTS"
                        + " where TABLE_SCHEMA = ? and TABLE_NAME = 'items' and CONSTRAINT_TYPE in ('CHECK', 'FOREIGN KEY')",
                        target.name()).stream()
                .collect(Collectors.toMap(row -> (String) row.get("CONSTRAINT_NAME"), row -> (String) row.get("CONSTRAINT_TYPE")));
    }

    private static final Pattern NAMED_CONSTRAINT = Pattern.compile("^\\s*CONSTRAINT `([^`]+)` ((CHECK|FOREIGN KEY) .*?),?$",
            Pattern.MULTILINE);
    private static final Pattern REFERENCED_COLUMNS = Pattern.compile("(REFERENCES `[^`]+`) \\(");

    /**
     * The names Vitess's constraint renaming gives the table's constraints, computed from the server's own
     * {@code SHOW CREATE TABLE}. The hash input is the constraint's definition with its name
     * removed, in the analyzer's canonical rendering: {@code CONSTRAINT CHECK (...)} and
     * {@code CONSTRAINT FOREIGN KEY (...) REFERENCES `t`(...)} (no space before the referenced
     * columns), single-spaced.
     */
    private static Map<String, String> expectedConstraintNames(TargetDatabase target, MigrationUuid uuid) {
        String showCreate = (String) target.query("show create table items").get(0).get("Create Table");
        Matcher matcher = NAMED_CONSTRAINT.matcher(showCreate);
        Map<String, String> names = new HashMap<>();
        while (matcher.find()) {
            ConstraintType type = matcher.group(3).equals("CHECK") ? ConstraintType.CHECK : ConstraintType.FOREIGN_KEY;
            String canonicalBody = "CONSTRAINT " + REFERENCED_COLUMNS.matcher(matcher.group(2)).replaceAll("$1(");
            names.put(matcher.group(1), ConstraintNames.newConstraintName(uuid, "items", type, canonicalBody,
                    matcher.group(1), Set.of()).name());
        }
        assertThat(names).as("constraints in %s", showCreate).containsOnlyKeys("positive_qty", "fk_parent");
        return names;
    }
}
