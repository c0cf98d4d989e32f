package dev.onlineddl.service.it;

import static dev.onlineddl.service.it.TargetDatabase.artifacts;
import static dev.onlineddl.service.it.TargetDatabase.flag;
import static dev.onlineddl.service.it.TargetDatabase.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.CommandResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vitess's onlineddl end-to-end tests, the scheduler suite, scenario by scenario, as far as a scenario needs no online
 * row copy. Where the suite uses {@code vitess} for an ALTER TABLE, {@code online-test} (the test
 * plugin: revertible, concurrent, postponable, adoptable like vitess) stands in; CREATE, DROP and
 * views keep {@code vitess}, which the core runs itself.
 */
class SchedulerIT extends ExecutorItSupport {

    private static final String VITESS = "vitess";

    private void createTables(String... tables) {
        for (String table : tables) {
            target.execute("create table " + table + " (id int primary key, v varchar(10))");
        }
    }

    @Test
    void twoCreatesCompleteOneAfterTheOther() {
        MigrationUuid first = submitOne("create table t1 (id int primary key)", VITESS);
        MigrationUuid second = submitOne("create table t2 (id int primary key)", VITESS);

        awaitStatus(first, "complete");
        awaitStatus(second, "complete");

        assertThat(target.tables()).containsExactly("t1", "t2");
        assertThat(target.secondsBetween(first, "completed_timestamp", second, "started_timestamp")).isNotNegative();
    }

    @Test
    void postponedLaunchCreateStaysQueuedUntilLaunched() {
        MigrationUuid create = submitOne("create table if not exists t1 (id int primary key)", VITESS + " --postpone-launch");
        tickSeveralTimes();

        assertThat(status(create)).isEqualTo("queued");
        assertThat(flag(target.row(create), "postpone_launch")).isTrue();
        assertThat(target.exists("t1")).isFalse();

        assertThat(executor.controlMigration().launch(create, List.of())).isEqualTo(CommandResult.ONE);
        awaitStatus(create, "complete");

        assertThat(flag(target.row(create), "postpone_launch")).isFalse();
        assertThat(target.exists("t1")).isTrue();
    }

    @Test
    void postponedLaunchAlterIsLaunchedOnlyForThisExecutorsShard() {
        createTables("t1");
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE + " --postpone-launch");
        tickSeveralTimes();
        MigrationUuid unrelated = MigrationUuid.parse("00000000_1111_2222_3333_444444444444");

        assertThatThrownBy(() -> executor.controlMigration().launch(unrelated, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("migration not found");
        assertThat(executor.controlMigration().launch(alter, List.of("x,y,z"))).isEqualTo(CommandResult.NONE);
        tickSeveralTimes();
        assertThat(status(alter)).isEqualTo("queued");

        assertThat(executor.controlMigration().launch(alter, List.of("x, y, 0"))).isEqualTo(CommandResult.ONE);
        awaitStatus(alter, "complete");

        assertThat(target.columns("t1")).containsExactly("id", "v", "i");
    }

    @Test
    void twoNonConcurrentAltersRunOneAfterTheOther() {
        createTables("t1", "t2");
        MigrationUuid first = submitOne("alter table t1 add column i int", ONLINE);
        MigrationUuid second = submitOne("alter table t2 add column i int", ONLINE);

        awaitStatus(first, "complete");
        awaitStatus(second, "complete");

        assertThat(target.columns("t1")).endsWith("i");
        assertThat(target.columns("t2")).endsWith("i");
        assertThat(target.secondsBetween(first, "completed_timestamp", second, "started_timestamp")).isNotNegative();
    }

    @Test
    void aPostponedNonConcurrentAlterHoldsBackTheNextUntilItIsCompleted() {
        createTables("t1", "t2");
        MigrationUuid first = submitOne("alter table t1 add column i int", ONLINE + " --postpone-completion");
        MigrationUuid second = submitOne("alter table t2 add column i int", ONLINE + " --postpone-completion");
        awaitStatus(first, "running");
        assertThat(flag(target.row(first), "allow_concurrent")).isFalse();
        assertThat(flag(target.row(second), "allow_concurrent")).isFalse();

        assertThat(executor.controlMigration().complete(second)).isEqualTo(CommandResult.ONE);
        tickSeveralTimes();
        assertThat(status(first)).isEqualTo("running");
        assertThat(status(second)).isIn("queued", "ready");
        assertThat(target.columns("t1")).doesNotContain("i");

        assertThat(executor.controlMigration().complete(first)).isEqualTo(CommandResult.ONE);
        awaitStatus(first, "complete");
        awaitStatus(second, "complete");

        assertThat(target.columns("t1")).endsWith("i");
        assertThat(target.columns("t2")).endsWith("i");
        assertThat(target.secondsBetween(first, "completed_timestamp", second, "started_timestamp")).isNotNegative();
    }

    @Test
    void concurrentPostponedAltersCompleteInTheOrderTheyAreCompleted() {
        createTables("t1", "t2");
        String strategy = ONLINE + " --allow-concurrent --postpone-completion";
        MigrationUuid first = submitOne("alter table t1 add column i int", strategy);
        MigrationUuid second = submitOne("alter table t2 add column i int", strategy);

        awaitStatus(first, "running");
        awaitStatus(second, "running");
        assertThat(flag(target.row(first), "allow_concurrent")).isTrue();
        assertThat(flag(target.row(second), "allow_concurrent")).isTrue();

        executor.controlMigration().complete(second);
        awaitStatus(second, "complete");
        assertThat(status(first)).isEqualTo("running");
        assertThat(target.columns("t1")).doesNotContain("i");

        executor.controlMigration().complete(first);
        awaitStatus(first, "complete");
        assertThat(target.columns("t1")).endsWith("i");
        assertThat(target.microsBetween(second, "completed_timestamp", first, "completed_timestamp")).isPositive();
    }

    @Test
    void throttlingAllHoldsBackTheSecondConcurrentAlterUntilUnthrottled() {
        createTables("t1", "t2");
        executor.throttleMigrations().throttle(ThrottleRequest.fully(ThrottleTarget.allMigrations()));
        String strategy = ONLINE + " --allow-concurrent --postpone-completion";
        MigrationUuid first = submitOne("alter table t1 add column i int", strategy);
        MigrationUuid second = submitOne("alter table t2 add column i int", strategy);

        awaitStatus(first, "running");
        tickSeveralTimes();
        assertThat(flag(target.row(first), "ready_to_complete")).as("throttled: not ready").isFalse();
        assertThat(status(second)).isIn("queued", "ready");
        assertThat(number(target.row(first), "user_throttle_ratio")).isEqualTo(1);

        executor.throttleMigrations().unthrottle(ThrottleTarget.allMigrations());
        awaitStatus(second, "running");

        executor.controlMigration().completeAll();
        awaitStatus(first, "complete");
        awaitStatus(second, "complete");
        assertThat(number(target.row(first), "user_throttle_ratio")).isZero();
    }

    @Test
    void concurrentPostponedRevertsOfBothRunAndCompleteIndividually() {
        createTables("t1", "t2");
        MigrationUuid alter1 = submitOne("alter table t1 add column i int", ONLINE + " --allow-concurrent");
        MigrationUuid alter2 = submitOne("alter table t2 add column i int", ONLINE + " --allow-concurrent");
        awaitStatus(alter1, "complete");
        awaitStatus(alter2, "complete");

        String strategy = ONLINE + " --allow-concurrent --postpone-completion";
        MigrationUuid revert1 = submitOne("revert vitess_migration '" + alter1 + "'", strategy);
        MigrationUuid revert2 = submitOne("revert vitess_migration '" + alter2 + "'", strategy);
        awaitStatus(revert1, "running");
        awaitStatus(revert2, "running");
        Await.ticking(executor, "both reverts ready to complete",
                () -> flag(target.row(revert1), "ready_to_complete") && flag(target.row(revert2), "ready_to_complete"));

        executor.controlMigration().complete(revert1);
        awaitStatus(revert1, "complete");
        assertThat(status(revert2)).isEqualTo("running");
        executor.controlMigration().complete(revert2);
        awaitStatus(revert2, "complete");

        assertThat(onlineEngine().revertsStarted).containsEntry(revert1, alter1).containsEntry(revert2, alter2);
        assertThat(target.row(revert1)).containsEntry("ddl_action", "alter").containsEntry("mysql_table", "t1")
                .containsEntry("reverted_uuid", alter1.value());
        assertThat(target.tables()).contains("t1", "t2");
    }

    @Test
    void aConcurrentRevertOnATableHoldsBackADropOfThatTableUntilCancelledButNotAnotherDrop() {
        createTables("t1", "t3");
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE);
        awaitStatus(alter, "complete");
        MigrationUuid revert = submitOne("revert vitess_migration '" + alter + "'", ONLINE + " --allow-concurrent --postpone-completion");
        awaitStatus(revert, "running");

        MigrationUuid dropT3 = submitOne("drop table if exists t3", VITESS);
        MigrationUuid dropT1 = submitOne("drop table if exists t1", VITESS + " --allow-concurrent");
        awaitStatus(dropT3, "complete");
        tickSeveralTimes();

        assertThat(flag(target.row(dropT3), "allow_concurrent")).isFalse();
        assertThat(status(dropT1)).isIn("queued", "ready");
        assertThat(target.exists("t1")).isTrue();
        assertThat(target.exists("t3")).isFalse();

        assertThat(executor.controlMigration().cancel(dropT1)).isEqualTo(CommandResult.ONE);
        assertThat(status(dropT1)).isEqualTo("cancelled");
        executor.controlMigration().complete(revert);
        awaitStatus(revert, "complete");
        assertThat(target.exists("t1")).isTrue();
    }

    @Test
    void aNonConcurrentRevertAndThreeConcurrentDrops() {
        createTables("t1", "t3", "t4");
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE);
        awaitStatus(alter, "complete");
        MigrationUuid revert = submitOne("revert vitess_migration '" + alter + "'", ONLINE + " --postpone-completion");
        awaitStatus(revert, "running");
        assertThat(flag(target.row(revert), "allow_concurrent")).isFalse();

        MigrationUuid dropT3 = submitOne("drop table if exists t3", VITESS + " --allow-concurrent");
        MigrationUuid dropT1 = submitOne("drop table if exists t1", VITESS + " --allow-concurrent");
        MigrationUuid dropT4 = submitOne("drop table if exists t4", VITESS + " --allow-concurrent --postpone-completion");
        awaitStatus(dropT3, "complete");
        tickSeveralTimes();
        assertThat(status(dropT1)).isIn("queued", "ready");
        assertThat(status(dropT4)).isEqualTo("queued");

        executor.controlMigration().complete(dropT4);
        awaitStatus(dropT4, "complete");
        assertThat(status(dropT1)).isIn("queued", "ready");

        executor.controlMigration().complete(revert);
        awaitStatus(revert, "complete");
        awaitStatus(dropT1, "complete");
        assertThat(target.exists("t1")).isFalse();

        MigrationUuid undrop = submitOne("revert vitess_migration '" + dropT1 + "'", VITESS);
        awaitStatus(undrop, "complete");
        assertThat(target.exists("t1")).isTrue();
        assertThat(target.exists("t3")).isFalse();
        assertThat(target.exists("t4")).isFalse();
    }

    @Test
    void aBlockedReadyMigrationDoesNotBlockOtherReadyMigrations() {
        createTables("t1", "t3");
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE + " --allow-concurrent --postpone-completion");
        awaitStatus(alter, "running");

        MigrationUuid dropT1 = submitOne("drop table if exists t1", VITESS + " --allow-concurrent");
        Await.ticking(executor, "drop of t1 ready", () -> status(dropT1).equals("ready"));
        MigrationUuid dropT3 = submitOne("drop table if exists t3", VITESS + " --allow-concurrent");

        awaitStatus(dropT3, "complete");
        assertThat(status(dropT1)).isEqualTo("ready");
        assertThat(flag(target.row(dropT1), "ready_to_complete")).isTrue();

        executor.controlMigration().complete(alter);
        awaitStatus(dropT1, "complete");
        assertThat(target.tables()).doesNotContain("t1", "t3");
    }

    @Test
    void resubmittingACancelledMigrationWithItsUuidAndContextRetriesIt() {
        resubmissionRetries(ONLINE + " --postpone-completion", MigrationUuid.parse("1dd7f9c4_e911_11f1_8000_0a43f95f28a3"));
    }

    @Test
    void resubmittingACancelledSingletonContextMigrationRetriesIt() {
        resubmissionRetries(ONLINE + " --postpone-completion --singleton-context",
                MigrationUuid.parse("1dd7f9c4_e911_11f1_8000_0a43f95f28a4"));
    }

    /** UUIDs are unique in the whole control schema, which this class's tests share: each test has its own. */
    private void resubmissionRetries(String strategy, MigrationUuid uuid) {
        createTables("t1");
        String context = "idempotent:1111-2222-3333";
        String sql = "alter table t1 add column i int";
        assertThat(submitOne(sql, strategy, context, uuid)).isEqualTo(uuid);
        awaitStatus(uuid, "running");
        assertThat(executor.controlMigration().cancel(uuid)).isEqualTo(CommandResult.ONE);
        assertThat(status(uuid)).isEqualTo("cancelled");

        assertThat(submitOne(sql, strategy, context, uuid)).isEqualTo(uuid);
        assertThat(status(uuid)).isEqualTo("queued");
        awaitStatus(uuid, "running");
        executor.controlMigration().complete(uuid);
        awaitStatus(uuid, "complete");

        assertThat(number(target.row(uuid), "retries")).isPositive();
        assertThat(target.migrationRows()).hasSize(1);
        assertThat(target.columns("t1")).endsWith("i");
    }

    @Test
    void aPreferInstantDdlAlterIsAnImmediateOperationThatWaitsForComplete() {
        createTables("t1");
        MigrationUuid alter = submitOne("alter table t1 add column i0 int not null default 0",
                ONLINE + " --prefer-instant-ddl --postpone-completion");
        tickSeveralTimes();

        assertThat(flag(target.row(alter), "is_immediate_operation")).isTrue();
        assertThat(status(alter)).isIn("queued", "ready");
        assertThat(target.columns("t1")).doesNotContain("i0");

        executor.controlMigration().complete(alter);
        awaitStatus(alter, "complete");

        assertThat(target.columns("t1")).endsWith("i0");
        assertThat((String) target.row(alter).get("special_plan")).contains("instant-ddl");
        assertThat(artifacts(target.row(alter))).isEmpty();
        assertThat(onlineEngine().started).as("no engine needed").doesNotContain(alter);
    }

    /**
     * The interleaving OnlineDdlEndToEndIT.cancelRetryLaunchAndCleanup lost now and then: LAUNCH ALL
     * right after the submission, before a tick reviewed the migration. As in Vitess, LAUNCH ALL
     * sees only reviewed queued migrations, so it launches nothing then; once reviewed, it launches.
     * Ticks run only when this test says, which forces the order.
     */
    @Test
    void launchAllLaunchesAPostponedMigrationOnlyOnceATickHasReviewedIt() {
        MigrationUuid postponed = submitOne("create table t1 (id int primary key)", "vitess --postpone-launch");

        assertThat(target.row(postponed).get("reviewed_timestamp")).as("not reviewed before a tick").isNull();
        assertThat(executor.controlMigration().launchAll()).isEqualTo(CommandResult.NONE);
        assertThat(flag(target.row(postponed), "postpone_launch")).isTrue();

        executor.tick();
        assertThat(target.row(postponed).get("reviewed_timestamp")).isNotNull();
        assertThat(status(postponed)).isEqualTo("queued");
        assertThat(executor.controlMigration().launchAll()).isEqualTo(CommandResult.ONE);
        awaitStatus(postponed, "complete");
        assertThat(target.exists("t1")).isTrue();
    }

    /** As Vitess: the scheduler holds an immediate operation until COMPLETE, so the strategy need not postpone anything. */
    @Test
    void createDropAndViewUnderPtOscPostponeCompletionWaitForComplete() {
        target.execute("create table t0 (id int primary key)");
        String strategy = "pt-osc --postpone-completion --allow-concurrent";
        MigrationUuid create = submitOne("create table t1 (id int primary key)", strategy);
        MigrationUuid drop = submitOne("drop table t0", strategy);
        MigrationUuid view = submitOne("create view v1 as select 1 as one", strategy);
        tickSeveralTimes();

        for (MigrationUuid uuid : List.of(create, drop, view)) {
            assertThat(status(uuid)).as("%s, message %s", uuid, target.row(uuid).get("message")).isIn("queued", "ready");
        }
        assertThat(target.tables()).containsExactly("t0");

        assertThat(executor.controlMigration().completeAll().migrationsAffected()).isEqualTo(3);
        for (MigrationUuid uuid : List.of(create, drop, view)) {
            awaitStatus(uuid, "complete");
        }
        assertThat(target.exists("t1")).isTrue();
        assertThat(target.exists("t0")).isFalse();
        assertThat(target.exists("v1")).isTrue();
    }

    @Test
    void mysqlStrategyRejectsPostponeCompletionAtReviewAndRunsDeclarativeCreates() {
        MigrationUuid postponed = submitOne("create table t1 (id int primary key)", "mysql --postpone-completion");
        MigrationUuid declarative = submitOne("create table t2 (id int primary key)", "mysql --declarative");

        awaitStatus(postponed, "failed");
        awaitStatus(declarative, "complete");

        assertThat((String) target.row(postponed).get("message"))
                .isEqualTo("--postpone-completion not supported in 'mysql' strategy");
        assertThat(target.tables()).containsExactly("t2");
    }

    @Test
    void inOrderCompletionDropsCompleteInSubmissionOrder() {
        createTables("t1", "t2");
        target.execute("create view v1 as select id from t1");
        target.execute("create view v2 as select id from t2");
        List<MigrationUuid> drops = submit("drop table if exists t1; drop view if exists v1; drop table if exists t2; "
                + "drop view if exists v2", VITESS + " --allow-concurrent --in-order-completion");
        assertThat(drops).hasSize(4);

        for (MigrationUuid drop : drops) {
            awaitStatus(drop, "complete");
        }

        for (int i = 1; i < drops.size(); i++) {
            assertThat(target.microsBetween(drops.get(i - 1), "completed_timestamp", drops.get(i), "completed_timestamp"))
                    .as("drop %d completes after drop %d", i + 1, i).isPositive();
        }
        assertThat(target.tables()).doesNotContain("t1", "t2", "v1", "v2");
    }

    @Test
    void inOrderCompletionViewsThatDependOnEachOtherCompleteInOrder() {
        createTables("t1");
        List<MigrationUuid> views = submit("create view v1 as select id from t1; create view v2 as select id from v1",
                VITESS + " --allow-concurrent --in-order-completion");

        awaitStatus(views.get(0), "complete");
        awaitStatus(views.get(1), "complete");

        assertThat(target.tableType("v2")).isEqualTo("VIEW");
        assertThat(target.microsBetween(views.get(0), "completed_timestamp", views.get(1), "completed_timestamp")).isPositive();
    }

    @Test
    void inOrderCompletionAlterAndAViewUsingItsNewColumnCompleteTableFirst() {
        createTables("t1");
        String strategy = ONLINE + " --allow-concurrent --in-order-completion --postpone-completion";
        MigrationUuid alter = submitOne("alter table t1 add column i int", strategy);
        MigrationUuid view = submitOne("create view v1 as select id, i from t1", strategy);
        awaitStatus(alter, "running");
        tickSeveralTimes();
        assertThat(status(view)).isIn("queued", "ready");

        assertThat(executor.controlMigration().completeAll()).isEqualTo(new CommandResult(2));
        awaitStatus(alter, "complete");
        awaitStatus(view, "complete");

        assertThat(target.columns("v1")).containsExactly("id", "i");
        assertThat(target.microsBetween(alter, "completed_timestamp", view, "completed_timestamp")).isPositive();
    }
}
