package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.SubmissionRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Vitess's onlineddl end-to-end tests, the singleton scenarios. {@code online-test} stands in for {@code online} and
 * {@code gh-ost} where the suite runs an ALTER; a rejected submission stores nothing.
 */
class SingletonIT extends ExecutorItSupport {

    private List<MigrationUuid> submitInContext(String sql, String strategy, String context) {
        return executor.submitMigration().submit(new SubmissionRequest(sql, strategy, MigrationContext.of(context),
                Optional.empty())).uuids();
    }

    @Test
    void singletonDropCreateRevertAndRevertOfRevertAllComplete() {
        String singleton = "vitess --singleton";
        MigrationUuid drop = submitOne("drop table if exists stress_test", singleton);
        awaitStatus(drop, "complete");
        MigrationUuid create = submitOne("create table stress_test (id int primary key)", singleton);
        awaitStatus(create, "complete");
        MigrationUuid revert = submitOne("revert vitess_migration '" + create + "'", singleton);
        awaitStatus(revert, "complete");
        assertThat(target.exists("stress_test")).isFalse();
        MigrationUuid revertOfRevert = submitOne("revert vitess_migration '" + revert + "'", singleton);
        awaitStatus(revertOfRevert, "complete");

        assertThat(target.exists("stress_test")).isTrue();
    }

    @Test
    void whileASingletonRunsAnotherSingletonAndASingletonRevertAreRejected() {
        target.execute("create table stress_test (id int primary key)");
        MigrationUuid running = submitOne("alter table stress_test add column i int",
                ONLINE + " --singleton --postpone-completion");
        awaitStatus(running, "running");

        assertThatThrownBy(() -> submit("alter table stress_test add column j int", ONLINE + " --singleton"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rejected")
                .hasMessageContaining("singleton migration rejected: found pending migrations [" + running + "]");
        assertThatThrownBy(() -> submit("revert vitess_migration '" + running + "'", "vitess --singleton"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rejected");
        assertThat(target.migrationRows()).hasSize(1);

        assertThat(executor.controlMigration().cancel(running)).isEqualTo(CommandResult.ONE);
        assertThat(status(running)).isEqualTo("cancelled");
        assertThat(executor.controlMigration().cancel(running)).isEqualTo(CommandResult.NONE);
        assertThat(target.columns("stress_test")).containsExactly("id");
    }

    @Test
    void completedMigrationsAnswerCancelAndRetryWithZeroRows() {
        MigrationUuid create = submitOne("create table stress_test (id int primary key)", "vitess --singleton");
        awaitStatus(create, "complete");

        assertThat(executor.controlMigration().cancel(create)).isEqualTo(CommandResult.NONE);
        assertThat(executor.controlMigration().retry(create)).isEqualTo(CommandResult.NONE);
        assertThat(status(create)).isEqualTo("complete");
    }

    @Test
    void singletonContextAcceptsOneBatchAndRejectsAnotherContextWhileItIsPending() {
        target.execute("create table t1 (id int primary key)");
        target.execute("create table t2 (id int primary key)");
        target.execute("create table t3 (id int primary key)");
        String strategy = ONLINE + " --singleton-context --postpone-completion";

        List<MigrationUuid> batch = submitInContext("alter table t1 add column i int; alter table t2 add column i int; "
                + "alter table t3 add column i int", strategy, "batch:1");
        assertThat(batch).hasSize(3);

        assertThatThrownBy(() -> submitInContext("alter table t1 add column j int", strategy, "batch:2"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("singleton-context migration rejected: found pending migration: " + batch.get(0)
                        + " in different context: batch:1");
        assertThat(target.migrationRows()).hasSize(3);

        executor.controlMigration().completeAll();
        for (MigrationUuid uuid : batch) {
            awaitStatus(uuid, "complete");
        }
    }

    @Test
    void singletonContextMultiDropCompletes() {
        target.execute("create table t1 (id int primary key)");
        target.execute("create table t2 (id int primary key)");

        List<MigrationUuid> drops = submitInContext("drop table t1, t2", "vitess --singleton-context", "drops:1");

        assertThat(drops).hasSize(2);
        for (MigrationUuid drop : drops) {
            awaitStatus(drop, "complete");
        }
        assertThat(target.tables()).doesNotContain("t1", "t2");
    }

    @Test
    void aPendingPostponedSingletonRejectsAnotherSingletonDrop() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid postponed = submitOne("alter table t1 add column i int", ONLINE + " --postpone-completion --singleton");
        awaitStatus(postponed, "running");

        assertThatThrownBy(() -> submit("drop table if exists t2", "vitess --singleton"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("singleton migration rejected");

        executor.controlMigration().complete(postponed);
        awaitStatus(postponed, "complete");
    }

    @Test
    void aSingletonContextRevertBlocksADropOfAnotherSingletonContext() {
        MigrationUuid revert = runningRevertInContext(ONLINE + " --postpone-completion --singleton-context");

        assertThatThrownBy(() -> submitInContext("drop table if exists t9", "vitess --singleton-context", "migrate:ctx"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("singleton-context migration rejected: found pending migration: " + revert
                        + " in different context: rev:ctx");
    }

    @Test
    void aRevertWithoutSingletonContextDoesNotBlockADropOfAnotherSingletonContext() {
        MigrationUuid revert = runningRevertInContext(ONLINE + " --postpone-completion");

        List<MigrationUuid> drop = submitInContext("drop table if exists t9", "vitess --singleton-context", "migrate:ctx");

        assertThat(drop).hasSize(1);
        executor.controlMigration().complete(revert);
        awaitStatus(revert, "complete");
        awaitStatus(drop.get(0), "complete");
    }

    private MigrationUuid runningRevertInContext(String strategy) {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid alter = submitOne("alter table t1 add column i int", ONLINE);
        awaitStatus(alter, "complete");
        MigrationUuid revert = submitInContext("revert vitess_migration '" + alter + "'", strategy, "rev:ctx").get(0);
        awaitStatus(revert, "running");
        return revert;
    }

    /** As Vitess's vtctl gives each submission {@code vtctl:<uuid>}: one context per submission, shared by its statements. */
    @Test
    void aSubmissionWithoutAContextGetsAFreshOneSharedByItsStatements() {
        List<MigrationUuid> batch = submit("create table t1 (id int primary key); create table t2 (id int primary key)",
                "vitess --postpone-completion");
        MigrationUuid other = submitOne("create table t3 (id int primary key)", "vitess --postpone-completion");

        String context = (String) target.row(batch.get(0)).get("migration_context");
        assertThat(context).matches("onlineddl:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(target.row(batch.get(1))).containsEntry("migration_context", context);
        assertThat((String) target.row(other).get("migration_context")).startsWith("onlineddl:").isNotEqualTo(context);
    }

    @Test
    void whileAContextlessSubmissionIsPendingASecondContextlessSingletonContextSubmissionIsRejected() {
        MigrationUuid pending = submitOne("create table t1 (id int primary key)",
                "vitess --singleton-context --postpone-completion");
        String context = (String) target.row(pending).get("migration_context");

        assertThatThrownBy(() -> submit("create table t2 (id int primary key)", "vitess --singleton-context"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("singleton-context migration rejected: found pending migration: " + pending
                        + " in different context: " + context);
        assertThat(target.migrationRows()).hasSize(1);
    }
}
