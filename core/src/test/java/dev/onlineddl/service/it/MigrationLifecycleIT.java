package dev.onlineddl.service.it;

import static dev.onlineddl.service.it.TargetDatabase.artifacts;
import static dev.onlineddl.service.it.TargetDatabase.flag;
import static dev.onlineddl.service.it.TargetDatabase.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.GcState;
import dev.onlineddl.domain.naming.GcTableName;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.MigrationFilter;
import dev.onlineddl.service.ExecutorCounters;
import dev.onlineddl.domain.progress.StatusReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Running migrations through their engine: user cancels end cancelled, cancels the executor
 * decides end failed; stale migrations, retries, artifact collection, reverts an engine cannot
 * do, listings and counters.
 */
class MigrationLifecycleIT extends ExecutorItSupport {

    private MigrationUuid runningAlter(String strategy) {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid alter = submitOne("alter table t1 add column i int", strategy);
        awaitStatus(alter, "running");
        return alter;
    }

    @Test
    void aUserCancelOfARunningMigrationTerminatesItThroughItsEngineAndEndsCancelled() {
        MigrationUuid alter = runningAlter(ONLINE + " --postpone-completion");

        assertThat(executor.controlMigration().cancel(alter)).isEqualTo(CommandResult.ONE);

        assertThat(status(alter)).isEqualTo("cancelled");
        assertThat(onlineEngine().terminated).containsExactly(alter);
        assertThat(onlineEngine().runs(alter)).isFalse();
        assertThat(target.row(alter)).containsEntry("message", "cancel by user");
        assertThat(target.row(alter).get("cancelled_timestamp")).isNotNull();
        tickSeveralTimes();
        assertThat(status(alter)).isEqualTo("cancelled");
        assertThat(target.columns("t1")).containsExactly("id");
    }

    @Test
    void cancelAllCancelsEveryPendingMigration() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid running = runningAlterOn("t2", ONLINE + " --postpone-completion");
        MigrationUuid queued = submitOne("create table t3 (id int primary key)", "vitess --postpone-launch");
        tickSeveralTimes();

        assertThat(executor.controlMigration().cancelAll()).isEqualTo(new CommandResult(2));

        assertThat(status(running)).isEqualTo("cancelled");
        assertThat(status(queued)).isEqualTo("cancelled");
        assertThat(target.row(queued)).containsEntry("message", "cancel-all by user");
    }

    private MigrationUuid runningAlterOn(String table, String strategy) {
        target.execute("create table " + table + " (id int primary key)");
        MigrationUuid alter = submitOne("alter table " + table + " add column i int", strategy);
        awaitStatus(alter, "running");
        return alter;
    }

    @Test
    void aTerminalEngineErrorMakesTheExecutorCancelTheMigrationWhichEndsFailed() {
        MigrationUuid alter = runningAlter(ONLINE + " --postpone-completion");

        onlineEngine().failProbes(alter, "Duplicate entry '3' for key 'uk_val'", true);
        awaitStatus(alter, "failed");

        assertThat(target.row(alter)).containsEntry("message", "Duplicate entry '3' for key 'uk_val'");
        assertThat(target.row(alter).get("cancelled_timestamp")).isNull();
        assertThat(onlineEngine().terminated).containsExactly(alter);
    }

    @Test
    void aTransientEngineErrorIsRecordedAndTheMigrationKeepsRunning() {
        MigrationUuid alter = runningAlter(ONLINE + " --postpone-completion");

        onlineEngine().failProbes(alter, "lost connection to the replica; retrying", false);
        Await.ticking(executor, "the error is recorded",
                () -> "lost connection to the replica; retrying".equals(target.row(alter).get("message")));
        tickSeveralTimes();

        assertThat(status(alter)).isEqualTo("running");
    }

    @Test
    void aMigrationWithoutSignOfLifeForTheStaleThresholdFailsAndIsTerminated() {
        MigrationUuid alter = runningAlter(ONLINE + " --postpone-completion");
        onlineEngine().freezeHeartbeat(true);
        tickSeveralTimes();
        target.updateRow(alter, "liveness_timestamp = NOW() - INTERVAL 181 MINUTE");

        awaitStatus(alter, "failed");

        assertThat(target.row(alter)).containsEntry("message", "stale migration " + alter
                + ": found running but indicates no liveness in the past 180 minutes");
        assertThat(flag(target.row(alter), "tablet_failure")).isFalse();
        assertThat(target.row(alter).get("completed_timestamp")).isNotNull();
        assertThat(onlineEngine().terminated).contains(alter);
    }

    @Test
    void aStaleMigrationOfAnotherExecutorIsATabletFailureAndIsRetriedOnce() {
        MigrationUuid alter = runningAlter(ONLINE + " --postpone-completion");
        onlineEngine().freezeHeartbeat(true);
        tickSeveralTimes();
        target.updateRow(alter, "liveness_timestamp = NOW() - INTERVAL 181 MINUTE, tablet = 'executor-gone'");

        Await.ticking(executor, "the stale migration retried", () -> number(target.row(alter), "retries") == 1);

        assertThat(flag(target.row(alter), "tablet_failure")).isFalse();
        assertThat(target.row(alter)).containsEntry("tablet", EXECUTOR_ID);
        awaitStatus(alter, "running");
        executor.controlMigration().complete(alter);
        awaitStatus(alter, "complete");
        assertThat(target.columns("t1")).containsExactly("id", "i");
    }

    @Test
    void aTableStowedAwayByACrashedCutOverIsRestoredBeforeAnythingElse() {
        MigrationUuid alter = runningAlter(ONLINE + " --postpone-completion");
        target.execute("rename table t1 to _stowed_t1");
        target.updateRow(alter, "stowaway_table = '_stowed_t1'");

        Await.ticking(executor, "the stowaway journal cleared", () -> "".equals(target.row(alter).get("stowaway_table")));

        assertThat(target.tables()).containsExactly("t1");
        assertThat(status(alter)).isEqualTo("running");
    }

    @Test
    void retryPutsAFailedMigrationBackInTheQueue() {
        MigrationUuid drop = submitOne("drop table t1", "vitess");
        awaitStatus(drop, "failed");
        target.execute("create table t1 (id int primary key)");

        assertThat(executor.controlMigration().retry(drop)).isEqualTo(CommandResult.ONE);
        assertThat(status(drop)).isEqualTo("queued");
        awaitStatus(drop, "complete");

        assertThat(number(target.row(drop), "retries")).isEqualTo(1);
        assertThat(target.row(drop)).containsEntry("message", "");
        assertThat(target.exists("t1")).isFalse();
    }

    @Test
    void cleanupMakesArtifactsCollectableAtOnceAndCollectionRenamesThemToPurgeTables() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid drop = submitOne("drop table t1", "vitess");
        awaitStatus(drop, "complete");
        String held = artifacts(target.row(drop)).get(0);
        tickSeveralTimes();
        assertThat(target.exists(held)).as("kept for the retention period").isTrue();

        assertThat(executor.controlMigration().cleanup(drop)).isEqualTo(CommandResult.ONE);
        Await.ticking(executor, "artifacts collected", () -> target.row(drop).get("cleanup_timestamp") != null);

        assertThat(number(target.row(drop), "retain_artifacts_seconds")).isEqualTo(-1);
        assertThat(target.exists(held)).isFalse();
        // renamed to PURGE with the migration's UUID; table GC may already have moved it on
        assertThat(target.tables()).singleElement().satisfies(table -> {
            GcTableName gcName = GcTableName.analyze(table).orElseThrow();
            assertThat(gcName.gcUuid()).isEqualTo(drop.gcForm());
            assertThat(gcName.state()).isIn(GcState.PURGE, GcState.EVAC);
        });
        assertThat(executor.controlMigration().cleanup(drop)).as("already collectable").isEqualTo(CommandResult.NONE);
    }

    @Test
    void collectingAnEnginesMigrationAsksTheEngineToRemoveWhatItKept() {
        MigrationUuid alter = runningAlter(ONLINE);
        awaitStatus(alter, "complete");

        executor.controlMigration().cleanup(alter);
        Await.ticking(executor, "artifacts collected", () -> target.row(alter).get("cleanup_timestamp") != null);

        assertThat(onlineEngine().artifactsCollected).containsExactly(alter);
    }

    @Test
    void theRevertOfAnAlterWhoseStrategyCannotRevertIsRefusedWithVitessMessage() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid alter = submitOne("alter table t1 add column i int", TestAlterPlugin.PLAIN);
        awaitStatus(alter, "complete");

        MigrationUuid revert = submitOne("revert vitess_migration '" + alter + "'", ONLINE);
        awaitStatus(revert, "failed");

        assertThat(target.row(revert)).containsEntry("message", "can only revert a online strategy migration. Migration "
                + alter + " has " + TestAlterPlugin.PLAIN + " strategy");
        assertThat(plugin.engine(TestAlterPlugin.PLAIN).revertsStarted).isEmpty();
        assertThat(target.columns("t1")).containsExactly("id", "i");
    }

    @Test
    void onlyTheLastMigrationCompletedOnATableCanBeReverted() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "vitess");
        awaitStatus(create, "complete");
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE);
        awaitStatus(alter, "complete");

        MigrationUuid revert = submitOne("revert vitess_migration '" + create + "'", "vitess");
        awaitStatus(revert, "failed");

        assertThat((String) target.row(revert).get("message")).isEqualTo("can not revert migration " + create
                + " on table t1 because it is not the last migration to complete on that table. The last migration to"
                + " complete was " + alter);
        assertThat(target.exists("t1")).isTrue();
    }

    @Test
    void aFailedMigrationCannotBeReverted() {
        MigrationUuid drop = submitOne("drop table t1", "vitess");
        awaitStatus(drop, "failed");

        MigrationUuid revert = submitOne("revert vitess_migration '" + drop + "'", "vitess");
        awaitStatus(revert, "failed");

        assertThat(target.row(revert)).containsEntry("message", "can only revert a migration in a 'complete' state. Migration "
                + drop + " is in 'failed' state");
    }

    @Test
    void aRevertOfAnAlterIsHandedToTheRevertedMigrationsEngineWhateverItsOwnStrategy() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE);
        awaitStatus(alter, "complete");

        MigrationUuid revert = submitOne("revert vitess_migration '" + alter + "'", "vitess");
        awaitStatus(revert, "complete");

        assertThat(onlineEngine().revertsStarted).containsEntry(revert, alter);
        assertThat(target.row(revert)).containsEntry("strategy", "vitess").containsEntry("ddl_action", "alter");
        assertThat(flag(target.row(revert), "is_immediate_operation")).isFalse();
    }

    @Test
    void duplicateStatementInTheSameContextCompletesWithoutRunning() {
        MigrationUuid first = submitOne("create table t1 (id int primary key)", "vitess", "ctx:dup", null);
        awaitStatus(first, "complete");
        MigrationUuid duplicate = submitOne("create table t1 (id int primary key)", "vitess", "ctx:dup", null);

        awaitStatus(duplicate, "complete");

        assertThat(target.row(duplicate)).containsEntry("message", "duplicate DDL as " + first
                + " for migration context ctx:dup");
        assertThat(artifacts(target.row(duplicate))).isEmpty();
    }

    @Test
    void showListsMigrationsByUuidContextStatusAndAgeAndLogsShowTheMessage() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "vitess", "ctx:show", null);
        MigrationUuid failing = submitOne("drop table nothing", "vitess");
        awaitStatus(create, "complete");
        awaitStatus(failing, "failed");

        assertThat(uuids(executor.queryMigrations().show(new MigrationFilter.All()))).containsExactly(create, failing);
        assertThat(uuids(executor.queryMigrations().show(new MigrationFilter.Recent(Duration.ofDays(7)))))
                .containsExactly(create, failing);
        assertThat(uuids(executor.queryMigrations().show(new MigrationFilter.ByUuid(failing)))).containsExactly(failing);
        assertThat(uuids(executor.queryMigrations().show(new MigrationFilter.ByContext(MigrationContext.of("ctx:show")))))
                .containsExactly(create);
        assertThat(uuids(executor.queryMigrations().show(new MigrationFilter.ByStatus(MigrationStatus.FAILED))))
                .containsExactly(failing);
        assertThat(executor.queryMigrations().logs(failing)).contains("1146").isEqualTo(target.row(failing).get("message"));
    }

    @Test
    void logsShowTheToolsLogFileOnlyFromBelowTheWorkDirectory() throws IOException {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "vitess");
        awaitStatus(create, "complete");
        Path directory = Files.createDirectories(executor.config().workDirectory().resolve(target.name())
                .resolve(create.value()));
        Path logFile = Files.writeString(directory.resolve("migration.log"), "copied 3 rows\ncut-over done\n");
        target.updateRow(create, "log_path = ?, log_file = ?", "host:" + directory, logFile.toString());

        assertThat(executor.queryMigrations().logs(create)).isEqualTo("copied 3 rows\ncut-over done\n");

        Path outside = Files.createTempFile("not-a-migration-log", ".txt");
        target.updateRow(create, "log_file = ?", outside.toString());
        assertThatThrownBy(() -> executor.queryMigrations().logs(create))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not below this executor's work directory");
        target.updateRow(create, "log_file = ?", directory.resolve("gone.log").toString());
        assertThatThrownBy(() -> executor.queryMigrations().logs(create))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is gone");
    }

    private static List<MigrationUuid> uuids(List<Migration> migrations) {
        return migrations.stream().map(Migration::uuid).toList();
    }

    @Test
    void statusReportsFromOutsideFollowVitessSemantics() {
        MigrationUuid alter = runningAlter(ONLINE + " --postpone-completion");
        target.updateRow(alter, "progress = 0, eta_seconds = -1, rows_copied = 0, ready_to_complete = 0");

        executor.statusReports().onStatusReport(alter, new StatusReport(MigrationStatus.RUNNING, false, 42.5, 30, 1000, true, ""));

        assertThat(target.row(alter)).containsEntry("migration_status", "running");
        assertThat(((Number) target.row(alter).get("progress")).doubleValue()).isEqualTo(42.5);
        assertThat(number(target.row(alter), "eta_seconds")).isEqualTo(30);
        assertThat(number(target.row(alter), "rows_copied")).isEqualTo(1000);
        assertThat(flag(target.row(alter), "ready_to_complete")).isTrue();

        executor.statusReports().onStatusReport(alter, new StatusReport(MigrationStatus.COMPLETE, true, 100, 0, 0, false, ""));
        assertThat(status(alter)).as("a dry run that does not fail is ignored").isEqualTo("running");

        executor.controlMigration().cancel(alter);
        executor.statusReports().onStatusReport(alter, StatusReport.complete(1000));
        assertThat(status(alter)).as("a report after the end is ignored").isEqualTo("cancelled");

        MigrationUuid unknown = MigrationUuid.parse("00000000_1111_2222_3333_444444444444");
        assertThatThrownBy(() -> executor.statusReports().onStatusReport(unknown, StatusReport.complete(0)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(unknown.value());
    }

    @Test
    void countersCountStartedSuccessfulAndFailedMigrations() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "vitess");
        MigrationUuid failing = submitOne("drop table nothing", "vitess");
        MigrationUuid cancelled = submitOne("create table t2 (id int primary key)", "vitess --postpone-launch");
        awaitStatus(create, "complete");
        awaitStatus(failing, "failed");
        executor.controlMigration().cancel(cancelled);

        assertThat(executor.counters()).isEqualTo(new ExecutorCounters(2, 1, 2));
    }
}
