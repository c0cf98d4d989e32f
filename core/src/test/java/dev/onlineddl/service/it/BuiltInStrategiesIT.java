package dev.onlineddl.service.it;

import static dev.onlineddl.service.it.TargetDatabase.artifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.MigrationFailedException;
import dev.onlineddl.port.in.SubmissionResult;
import dev.onlineddl.service.StrategyRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code mysql} (queued, plain ALTER) and {@code direct} (runs while the submitter
 * waits, stored for the audit trail) strategies, driven by the core exactly as any plugin's.
 */
class BuiltInStrategiesIT extends ExecutorItSupport {

    @Test
    void theBuiltInPluginIsFoundLikeAThirdPartyOne() {
        StrategyRegistry discovered = StrategyRegistry.discover(getClass().getClassLoader());

        assertThat(discovered.installedStrategies()).contains("mysql", "direct");
    }

    @Test
    void mysqlRunsATrivialAlterAndLeavesNoArtifact() {
        target.execute("create table t1 (id int primary key, v varchar(10))");
        target.execute("insert into t1 values (1, 'a'), (2, 'b')");

        MigrationUuid alter = submitOne("alter table t1 add column i int not null default 7", "mysql");
        awaitStatus(alter, "complete");

        assertThat(target.columns("t1")).containsExactly("id", "v", "i");
        assertThat(target.rowCount("t1")).isEqualTo(2);
        Map<String, Object> row = target.row(alter);
        assertThat(row).containsEntry("strategy", "mysql").containsEntry("ddl_action", "alter");
        assertThat(artifacts(row)).isEmpty();
        assertThat(((Number) row.get("progress")).doubleValue()).isEqualTo(100);
    }

    @Test
    void closingTheExecutorLeavesNoThreadOfTheMysqlStrategyBehind() {
        Set<Thread> before = mysqlAlterThreads();
        target.execute("create table t1 (id int primary key)");
        MigrationUuid alter = submitOne("alter table t1 add column i int", "mysql");
        awaitStatus(alter, "complete");
        // The ALTER's thread idles in the engine's pool now, waiting for the next one.
        assertThat(mysqlAlterThreads()).as("threads that ran the ALTER").anyMatch(thread -> !before.contains(thread));

        executor.close();

        assertThat(mysqlAlterThreads()).as("threads of the mysql strategy after the executor closed")
                .isSubsetOf(before);
    }

    /** Alive threads of mysql strategy engines, this executor's and any other test's still open. */
    private static Set<Thread> mysqlAlterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("onlineddl-mysql-alter-"))
                .collect(Collectors.toSet());
    }

    @Test
    void mysqlRunsAnInstantTypeAlter() {
        target.execute("create table t1 (id int primary key, v varchar(10))");

        MigrationUuid alter = submitOne("alter table t1 alter column v set default 'x'", "mysql");
        awaitStatus(alter, "complete");

        assertThat(target.query("SELECT COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_NAME = 't1' AND COLUMN_NAME = 'v'", target.name()).get(0).get("COLUMN_DEFAULT"))
                .asString().contains("x");
    }

    @Test
    void mysqlFailsAlterWithFlagsItCannotHonourAtReview() {
        target.execute("create table t1 (id int primary key)");

        MigrationUuid postponed = submitOne("alter table t1 add column i int", "mysql --postpone-completion");
        MigrationUuid zeroDates = submitOne("alter table t1 add column j int", "mysql --allow-zero-in-date");
        awaitStatus(postponed, "failed");
        awaitStatus(zeroDates, "failed");

        assertThat(target.row(postponed)).containsEntry("message", "--postpone-completion not supported in 'mysql' strategy");
        assertThat(target.row(zeroDates)).containsEntry("message", "--allow-zero-in-date not supported in 'mysql' strategy");
        assertThat(target.columns("t1")).containsExactly("id");
    }

    @Test
    void directRunsWhileTheSubmitterWaitsAndIsStoredWithItsOutcome() {
        target.execute("create table t1 (id int primary key)");

        SubmissionResult result = executor.submitMigration().submit(
                dev.onlineddl.port.in.SubmissionRequest.of("alter table t1 add column i int; create table t2 (id int)", "direct"));

        assertThat(result.uuids()).hasSize(2);
        assertThat(target.columns("t1")).containsExactly("id", "i");
        assertThat(target.exists("t2")).isTrue();
        for (MigrationUuid uuid : result.uuids()) {
            assertThat(target.row(uuid)).containsEntry("strategy", "direct").containsEntry("migration_status", "complete")
                    .containsEntry("tablet", EXECUTOR_ID);
            assertThat(target.row(uuid).get("started_timestamp")).isNotNull();
        }
        assertThat(executor.counters().successful()).isEqualTo(2);
        tickSeveralTimes();
        assertThat(target.row(result.uuids().get(0))).containsEntry("migration_status", "complete");
    }

    @Test
    void aFailingDirectStatementStopsTheSubmissionAndIsStoredAsFailed() {
        target.execute("create table t1 (id int primary key)");

        assertThatThrownBy(() -> submit("create table t2 (id int primary key); alter table missing add column i int; "
                + "create table t3 (id int primary key)", "direct"))
                .isInstanceOfSatisfying(MigrationFailedException.class, failure -> {
                    assertThat(failure.completedBefore()).hasSize(1);
                    assertThat(target.row(failure.uuid())).containsEntry("migration_status", "failed")
                            .containsEntry("mysql_table", "missing");
                    assertThat((String) target.row(failure.uuid()).get("message")).contains("1146");
                    assertThat(failure.getMessage()).contains(failure.uuid().value()).contains("missing");
                });

        assertThat(target.tables()).containsExactly("t1", "t2");
        assertThat(target.migrationRows()).hasSize(2);
    }

    @Test
    void directCannotRunARevert() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "vitess");
        awaitStatus(create, "complete");

        assertThatThrownBy(() -> submit("revert vitess_migration '" + create + "'", "direct"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("submit the REVERT with a queued strategy");

        assertThat(target.migrationRows()).hasSize(1);
        assertThat(target.exists("t1")).isTrue();
    }

    @Test
    void aDirectMigrationRunsEvenThoughTheExecutorIsAStandby() {
        executor.tick();
        var standby = target.executor("executor-2", List.of(new dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin()));

        MigrationUuid viaStandby = standby.submitMigration()
                .submit(dev.onlineddl.port.in.SubmissionRequest.of("create table t1 (id int primary key)", "direct"))
                .uuids().get(0);

        assertThat(target.row(viaStandby)).containsEntry("migration_status", "complete").containsEntry("tablet", "executor-2");
        assertThat(target.exists("t1")).isTrue();
    }
}
