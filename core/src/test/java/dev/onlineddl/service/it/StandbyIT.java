package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.RunExecutorTick.TickOutcome;
import dev.onlineddl.service.OnlineDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two executors for one target: the one holding the target's lock acts, the other is a standby
 * that takes over when the first stops, adopting what it left running (or cancelling what its
 * strategy cannot adopt).
 */
class StandbyIT extends ExecutorItSupport {

    private final TestAlterPlugin standbyPlugin = new TestAlterPlugin();

    @AfterEach
    void closeStandbyPlugin() {
        standbyPlugin.close();
    }

    @Test
    void aStandbyDoesNothingAndTakesOverWhenTheActiveExecutorStopsAdoptingItsRunningMigration() {
        target.execute("create table t1 (id int primary key)");
        OnlineDdl standby = target.executor("executor-2", List.of(standbyPlugin, new BuiltInMysqlPlugin()));
        assertThat(executor.tick()).isEqualTo(TickOutcome.RAN);
        assertThat(standby.tick()).isEqualTo(TickOutcome.SKIPPED_STANDBY);

        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE + " --postpone-completion");
        awaitStatus(alter, "running");
        MigrationUuid createViaStandby = standby.submitMigration()
                .submit(dev.onlineddl.port.in.SubmissionRequest.of("create table t2 (id int primary key)", "vitess"))
                .uuids().get(0);
        assertThat(standby.tick()).isEqualTo(TickOutcome.SKIPPED_STANDBY);
        assertThat(status(createViaStandby)).as("a standby accepts submissions but runs nothing").isEqualTo("queued");

        executor.close();

        assertThat(standby.tick()).isEqualTo(TickOutcome.RAN);
        assertThat(standby.isActive()).isTrue();
        Await.ticking(standby, "the standby adopted the running migration",
                () -> standbyPlugin.engine(ONLINE).adopted.contains(alter));
        assertThat(target.row(alter)).containsEntry("tablet", "executor-2").containsEntry("migration_status", "running");
        tickSeveralTimes(standby);
        assertThat(status(createViaStandby)).as("waits: neither it nor the adopted ALTER may run concurrently")
                .isIn("queued", "ready");

        standby.controlMigration().complete(alter);
        Await.ticking(standby, "the adopted migration completed", () -> status(alter).equals("complete"));
        Await.ticking(standby, "the create submitted through the standby ran",
                () -> status(createViaStandby).equals("complete"));
        assertThat(target.columns("t1")).containsExactly("id", "i");
        assertThat(target.tables()).contains("t1", "t2");
    }

    @Test
    void aRestartedExecutorAdoptsItsOwnRunningMigration() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE + " --postpone-completion");
        awaitStatus(alter, "running");
        executor.close();

        OnlineDdl restarted = target.executor(EXECUTOR_ID, List.of(standbyPlugin, new BuiltInMysqlPlugin()));
        Await.ticking(restarted, "the restarted executor adopted its migration",
                () -> standbyPlugin.engine(ONLINE).adopted.contains(alter));
        restarted.controlMigration().complete(alter);
        Await.ticking(restarted, "the adopted migration completed", () -> status(alter).equals("complete"));

        assertThat(target.row(alter)).containsEntry("tablet", EXECUTOR_ID);
        assertThat(target.columns("t1")).containsExactly("id", "i");
    }

    @Test
    void aMigrationTheNewActiveExecutorCannotAdoptIsCancelledAsFailed() {
        target.execute("create table t1 (id int primary key)");
        OnlineDdl standby = target.executor("executor-2", List.of(standbyPlugin, new BuiltInMysqlPlugin()));
        assertThat(executor.tick()).isEqualTo(TickOutcome.RAN);
        assertThat(standby.tick()).isEqualTo(TickOutcome.SKIPPED_STANDBY);
        standbyPlugin.engine(ONLINE).adoptable(false);
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE + " --postpone-completion");
        awaitStatus(alter, "running");

        executor.close();
        Await.ticking(standby, "the migration nobody can adopt ends", () -> !status(alter).equals("running"));

        assertThat(status(alter)).isEqualTo("failed");
        assertThat((String) target.row(alter).get("message")).isEqualTo("cancelling a " + ONLINE + " running migration "
                + alter + " which is not owned (not started, or is assumed to be terminated) by this executor");
        assertThat(target.columns("t1")).containsExactly("id");
    }

    @Test
    void anExecutorWhoseLockConnectionDiesBecomesAStandbyAndTheOtherTakesOver() throws SQLException {
        OnlineDdl standby = target.executor("executor-2", List.of(standbyPlugin, new BuiltInMysqlPlugin()));
        assertThat(executor.tick()).isEqualTo(TickOutcome.RAN);
        assertThat(standby.tick()).isEqualTo(TickOutcome.SKIPPED_STANDBY);

        killLockHolder();

        assertThat(standby.tick()).isEqualTo(TickOutcome.RAN);
        assertThat(executor.tick()).isEqualTo(TickOutcome.SKIPPED_STANDBY);
        assertThat(executor.isActive()).isFalse();
    }

    private static void tickSeveralTimes(OnlineDdl executor) {
        for (int i = 0; i < 5; i++) {
            executor.tick();
        }
    }

    private void killLockHolder() throws SQLException {
        Object holder = target.query("SELECT IS_USED_LOCK(?) AS id", "onlineddl:" + target.name()).get(0).get("id");
        try (Connection admin = target.database().server().openAdminConnection(); Statement kill = admin.createStatement()) {
            kill.execute("KILL " + ((Number) holder).longValue());
        }
    }

    @Test
    void aReadOnlyServerIsNotActedOn() throws SQLException {
        try (Connection admin = target.database().server().openAdminConnection(); Statement statement = admin.createStatement()) {
            MigrationUuid create = submitOne("create table t1 (id int primary key)", "vitess");
            statement.execute("SET GLOBAL read_only = 1");
            try {
                assertThat(executor.tick()).isEqualTo(TickOutcome.SKIPPED_NOT_WRITABLE);
                assertThat(status(create)).isEqualTo("queued");
            } finally {
                statement.execute("SET GLOBAL read_only = 0");
            }
            awaitStatus(create, "complete");
        }
    }
}
