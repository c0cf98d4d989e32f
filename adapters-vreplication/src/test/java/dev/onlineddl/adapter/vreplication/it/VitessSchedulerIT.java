package dev.onlineddl.adapter.vreplication.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.adapter.vreplication.VReplicationPlugin;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduler scenarios of Vitess's onlineddl end-to-end suite (spec §9.1) whose ALTERs core's
 * {@code SchedulerIT} runs with a test plugin standing in for {@code vitess}, here with the real
 * engine: every ALTER is a {@code vitess} migration that creates a shadow table, streams, copies
 * the table's rows and cuts over. Where the test plugin holds a copy back, the real copy is held by
 * a user throttle, which the engine asks before every chunk. CREATE, DROP and views run in the
 * core, as there. (The REVERT scenarios wait for the engine's REVERT, a later part.)
 */
class VitessSchedulerIT extends EngineItSupport {

    private static final String VITESS = "vitess";
    private static final int ROWS = 300;

    private TestDatabase target;
    private OnlineDdl executor;

    @BeforeEach
    void newTargetAndExecutor() {
        target = testbed.newTarget();
        executor = testbed.executor(target, "executor-1", List.of(new VReplicationPlugin()));
    }

    /** Tables with rows, so that every ALTER has something to copy. */
    private void createTables(String... tables) throws SQLException {
        for (String table : tables) {
            execute(target, "create table " + table + " (id int primary key, v varchar(10))",
                    "insert into " + table + " select seq, concat('v', seq) from seq_1_to_" + ROWS);
        }
    }

    @Test
    void postponedLaunchAlterIsLaunchedOnlyForThisExecutorsShard() throws Exception {
        createTables("t1");
        MigrationUuid alter = submit(executor, "alter table t1 add column i int", VITESS + " --postpone-launch");
        tickSeveralTimes();
        MigrationUuid unrelated = MigrationUuid.parse("00000000_1111_2222_3333_444444444444");

        assertThatThrownBy(() -> executor.controlMigration().launch(unrelated, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("migration not found");
        assertThat(executor.controlMigration().launch(alter, List.of("x,y,z"))).isEqualTo(CommandResult.NONE);
        tickSeveralTimes();
        assertThat(status(alter)).isEqualTo("queued");
        assertThat(vreplTable(target, alter)).as("nothing built yet").isEmpty();

        assertThat(executor.controlMigration().launch(alter, List.of("x, y, 0"))).isEqualTo(CommandResult.ONE);
        awaitCompleted(alter);

        assertThat(target.columns("t1")).containsExactly("id", "v", "i");
        assertThat(target.rowCount("t1")).isEqualTo(ROWS);
        assertThat(number(alter, "rows_copied")).isEqualTo(ROWS);
    }

    @Test
    void twoNonConcurrentAltersRunOneAfterTheOther() throws Exception {
        createTables("t1", "t2");
        MigrationUuid first = submit(executor, "alter table t1 add column i int", VITESS);
        MigrationUuid second = submit(executor, "alter table t2 add column i int", VITESS);

        awaitCompleted(first);
        awaitCompleted(second);

        assertThat(target.columns("t1")).endsWith("i");
        assertThat(target.columns("t2")).endsWith("i");
        assertThat(secondsBetween(first, "completed_timestamp", second, "started_timestamp")).isNotNegative();
        assertThat(target.rowCount("t1")).isEqualTo(ROWS);
        assertThat(target.rowCount("t2")).isEqualTo(ROWS);
    }

    @Test
    void aPostponedNonConcurrentAlterHoldsBackTheNextUntilItIsCompleted() throws Exception {
        createTables("t1", "t2");
        MigrationUuid first = submit(executor, "alter table t1 add column i int", VITESS + " --postpone-completion");
        MigrationUuid second = submit(executor, "alter table t2 add column i int", VITESS + " --postpone-completion");
        awaitStatus(executor, first, "running");
        assertThat(flag(first, "allow_concurrent")).isFalse();
        assertThat(flag(second, "allow_concurrent")).isFalse();

        assertThat(executor.controlMigration().complete(second)).isEqualTo(CommandResult.ONE);
        awaitReady(executor, first); // copied and caught up: all the engine does before its cut-over
        tickSeveralTimes();
        assertThat(status(first)).isEqualTo("running");
        assertThat(status(second)).isIn("queued", "ready");
        assertThat(target.columns("t1")).doesNotContain("i");

        assertThat(executor.controlMigration().complete(first)).isEqualTo(CommandResult.ONE);
        awaitCompleted(first);
        awaitCompleted(second);

        assertThat(target.columns("t1")).endsWith("i");
        assertThat(target.columns("t2")).endsWith("i");
        assertThat(secondsBetween(first, "completed_timestamp", second, "started_timestamp")).isNotNegative();
    }

    @Test
    void concurrentPostponedAltersCompleteInTheOrderTheyAreCompleted() throws Exception {
        createTables("t1", "t2");
        String strategy = VITESS + " --allow-concurrent --postpone-completion";
        MigrationUuid first = submit(executor, "alter table t1 add column i int", strategy);
        MigrationUuid second = submit(executor, "alter table t2 add column i int", strategy);

        awaitStatus(executor, first, "running");
        awaitStatus(executor, second, "running");
        assertThat(flag(first, "allow_concurrent")).isTrue();
        assertThat(flag(second, "allow_concurrent")).isTrue();
        awaitReady(executor, first);
        awaitReady(executor, second);

        executor.controlMigration().complete(second);
        awaitCompleted(second);
        assertThat(status(first)).isEqualTo("running");
        assertThat(target.columns("t1")).doesNotContain("i");

        executor.controlMigration().complete(first);
        awaitCompleted(first);
        assertThat(target.columns("t1")).endsWith("i");
        assertThat(microsBetween(second, "completed_timestamp", first, "completed_timestamp")).isPositive();
    }

    @Test
    void throttlingAllHoldsBackTheSecondConcurrentAlterUntilUnthrottled() throws Exception {
        createTables("t1", "t2");
        executor.throttleMigrations().throttle(ThrottleRequest.fully(ThrottleTarget.allMigrations()));
        String strategy = VITESS + " --allow-concurrent --postpone-completion";
        MigrationUuid first = submit(executor, "alter table t1 add column i int", strategy);
        MigrationUuid second = submit(executor, "alter table t2 add column i int", strategy);

        awaitStatus(executor, first, "running");
        // the engine's copier asked the throttler before its first chunk and was held back
        awaitTicking(executor, "the copy of t1 throttled", () -> "vcopier".equals(migrationRow(first).get("component_throttled")));
        tickSeveralTimes();
        assertThat(flag(first, "ready_to_complete")).as("throttled: not ready").isFalse();
        assertThat(number(first, "rows_copied")).as("throttled before the first chunk").isZero();
        assertThat(status(second)).isIn("queued", "ready");
        assertThat(number(first, "user_throttle_ratio")).isEqualTo(1);
        assertThat(secondsBetween(first, "started_timestamp", first, "last_throttled_timestamp")).isNotNegative();

        executor.throttleMigrations().unthrottle(ThrottleTarget.allMigrations());
        awaitStatus(executor, second, "running");

        executor.controlMigration().completeAll();
        awaitCompleted(first);
        awaitCompleted(second);
        assertThat(number(first, "user_throttle_ratio")).isZero();
        assertThat(number(first, "rows_copied")).isEqualTo(ROWS);
        assertThat(target.columns("t1")).endsWith("i");
        assertThat(target.columns("t2")).endsWith("i");
    }

    @Test
    void aBlockedReadyMigrationDoesNotBlockOtherReadyMigrations() throws Exception {
        createTables("t1", "t3");
        MigrationUuid alter = submit(executor, "alter table t1 add column i int", VITESS + " --allow-concurrent --postpone-completion");
        awaitStatus(executor, alter, "running");

        MigrationUuid dropT1 = submit(executor, "drop table if exists t1", VITESS + " --allow-concurrent");
        awaitTicking(executor, "drop of t1 ready", () -> status(dropT1).equals("ready"));
        MigrationUuid dropT3 = submit(executor, "drop table if exists t3", VITESS + " --allow-concurrent");

        awaitCompleted(dropT3);
        assertThat(status(dropT1)).isEqualTo("ready");
        assertThat(flag(dropT1, "ready_to_complete")).isTrue();

        executor.controlMigration().complete(alter);
        awaitCompleted(alter);
        awaitCompleted(dropT1);
        assertThat(tables()).doesNotContain("t1", "t3");
        assertThat(vreplTable(target, alter)).as("the old t1, kept as the ALTER's artifact").isPresent();
    }

    @Test
    void resubmittingACancelledMigrationWithItsUuidAndContextRetriesIt() throws Exception {
        resubmissionRetries(VITESS + " --postpone-completion", MigrationUuid.parse("1dd7f9c4_e911_11f1_8000_0a43f95f28b3"));
    }

    @Test
    void resubmittingACancelledSingletonContextMigrationRetriesIt() throws Exception {
        resubmissionRetries(VITESS + " --postpone-completion --singleton-context",
                MigrationUuid.parse("1dd7f9c4_e911_11f1_8000_0a43f95f28b4"));
    }

    private void resubmissionRetries(String strategy, MigrationUuid uuid) throws Exception {
        createTables("t1");
        String context = "idempotent:1111-2222-3333";
        String sql = "alter table t1 add column i int";
        assertThat(submit(sql, strategy, context, uuid)).isEqualTo(uuid);
        awaitReady(executor, uuid);
        assertThat(executor.controlMigration().cancel(uuid)).isEqualTo(CommandResult.ONE);
        assertThat(status(uuid)).isEqualTo("cancelled");
        assertThat(target.columns("t1")).doesNotContain("i");

        assertThat(submit(sql, strategy, context, uuid)).isEqualTo(uuid);
        assertThat(status(uuid)).isEqualTo("queued");
        awaitReady(executor, uuid);
        assertThat(status(uuid)).isEqualTo("running");
        executor.controlMigration().complete(uuid);
        awaitCompleted(uuid);

        assertThat(number(uuid, "retries")).isPositive();
        assertThat(query(testbed.controlDataSource(), "SELECT migration_uuid FROM " + quote(testbed.controlSchema())
                + ".schema_migrations WHERE mysql_schema = ?", target.name())).hasSize(1);
        assertThat(target.columns("t1")).endsWith("i");
        assertThat(target.rowCount("t1")).isEqualTo(ROWS);
    }

    /**
     * The resubmission scenario as it happens when the user is quick (or the clock reads the same second): the
     * retry must not trip over the table the cancelled attempt left behind.
     */
    @Test
    void aCancelledMigrationResubmittedWithinTheSameSecondRunsAgain() throws Exception {
        executor = testbed.executor(target, "executor-2", List.of(new VReplicationPlugin()), config -> config,
                Clock.fixed(Instant.now(), ZoneOffset.UTC));
        createTables("t1");
        MigrationUuid uuid = MigrationUuid.parse("1dd7f9c4_e911_11f1_8000_0a43f95f28b5");
        String context = "idempotent:1111-2222-3333";
        String sql = "alter table t1 add column i int";
        assertThat(submit(sql, VITESS + " --postpone-completion", context, uuid)).isEqualTo(uuid);
        awaitReady(executor, uuid);
        assertThat(vreplTable(target, uuid)).as("the first attempt's shadow table").isPresent();
        assertThat(executor.controlMigration().cancel(uuid)).isEqualTo(CommandResult.ONE);

        assertThat(submit(sql, VITESS + " --postpone-completion", context, uuid)).isEqualTo(uuid);
        awaitReady(executor, uuid);
        executor.controlMigration().complete(uuid);
        awaitCompleted(uuid);
        assertThat(target.columns("t1")).endsWith("i");
        assertThat(target.rowCount("t1")).isEqualTo(ROWS);
    }

    @Test
    void aPreferInstantDdlAlterIsAnImmediateOperationThatWaitsForComplete() throws Exception {
        createTables("t1");
        MigrationUuid alter = submit(executor, "alter table t1 add column i0 int not null default 0",
                VITESS + " --prefer-instant-ddl --postpone-completion");
        tickSeveralTimes();

        assertThat(flag(alter, "is_immediate_operation")).isTrue();
        assertThat(status(alter)).isIn("queued", "ready");
        assertThat(target.columns("t1")).doesNotContain("i0");

        executor.controlMigration().complete(alter);
        awaitCompleted(alter);

        assertThat(target.columns("t1")).endsWith("i0");
        assertThat((String) migrationRow(alter).get("special_plan")).contains("instant-ddl");
        assertThat((String) migrationRow(alter).get("artifacts")).isEmpty();
        assertThat(vreplTable(target, alter)).as("no engine needed: no shadow table").isEmpty();
    }

    @Test
    void inOrderCompletionAlterAndAViewUsingItsNewColumnCompleteTableFirst() throws Exception {
        createTables("t1");
        String strategy = VITESS + " --allow-concurrent --in-order-completion --postpone-completion";
        MigrationUuid alter = submit(executor, "alter table t1 add column i int", strategy);
        MigrationUuid view = submit(executor, "create view v1 as select id, i from t1", strategy);
        awaitStatus(executor, alter, "running");
        awaitReady(executor, alter);
        tickSeveralTimes();
        assertThat(status(view)).isIn("queued", "ready");

        assertThat(executor.controlMigration().completeAll()).isEqualTo(new CommandResult(2));
        awaitCompleted(alter);
        awaitCompleted(view);

        assertThat(target.columns("v1")).containsExactly("id", "i");
        assertThat(microsBetween(alter, "completed_timestamp", view, "completed_timestamp")).isPositive();
        assertThat(target.rowCount("v1")).isEqualTo(ROWS);
    }

    // ------------------------------------------------------------------ helpers

    private MigrationUuid submit(String sql, String strategy, String context, MigrationUuid uuid) {
        List<MigrationUuid> uuids = executor.submitMigration().submit(new SubmissionRequest(sql, strategy,
                MigrationContext.of(context), Optional.of(uuid))).uuids();
        assertThat(uuids).hasSize(1);
        return uuids.get(0);
    }

    /** Ticks until the migration is complete; its failure fails the test at once, with the message. */
    private void awaitCompleted(MigrationUuid uuid) throws SQLException {
        awaitStatus(executor, uuid, "complete", "failed", "cancelled");
        assertThat(status(uuid)).as("%s: %s", uuid, message(uuid)).isEqualTo("complete");
    }

    /** A few ticks, for "nothing changes" checks: enough for every step of the scheduler to run more than once. */
    private void tickSeveralTimes() {
        for (int i = 0; i < 5; i++) {
            executor.tick();
        }
    }

    private boolean flag(MigrationUuid uuid, String column) throws SQLException {
        Object value = migrationRow(uuid).get(column);
        return value instanceof Boolean bool ? bool : value != null && ((Number) value).longValue() != 0;
    }

    private List<String> tables() throws SQLException {
        return query(target.dataSource(), "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                target.name()).stream().map(row -> (String) row.get("name")).toList();
    }

    /** Whole seconds from one row's timestamp to another's (TIMESTAMPDIFF truncates, as started_timestamp does). */
    private long secondsBetween(MigrationUuid earlier, String earlierColumn, MigrationUuid later, String laterColumn)
            throws SQLException {
        return timestampDiff("SECOND", earlier, earlierColumn, later, laterColumn);
    }

    private long microsBetween(MigrationUuid earlier, String earlierColumn, MigrationUuid later, String laterColumn)
            throws SQLException {
        return timestampDiff("MICROSECOND", earlier, earlierColumn, later, laterColumn);
    }

    private long timestampDiff(String unit, MigrationUuid earlier, String earlierColumn, MigrationUuid later,
            String laterColumn) throws SQLException {
        String table = quote(testbed.controlSchema()) + ".schema_migrations";
        List<Map<String, Object>> rows = query(testbed.controlDataSource(), "SELECT TIMESTAMPDIFF(" + unit + ", a."
                + earlierColumn + ", b." + laterColumn + ") AS d FROM " + table + " a, " + table
                + " b WHERE a.migration_uuid = ? AND b.migration_uuid = ?", earlier.value(), later.value());
        Object value = rows.get(0).get("d");
        if (value == null) {
            throw new AssertionError(earlierColumn + " of " + earlier + " or " + laterColumn + " of " + later + " is NULL");
        }
        return ((Number) value).longValue();
    }
}
