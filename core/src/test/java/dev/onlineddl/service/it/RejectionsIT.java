package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.MigrationFilter;
import dev.onlineddl.port.in.SubmissionRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input gets the documented answer and changes nothing: no row in schema_migrations, no
 * table touched. A command on a migration in the wrong state is a success that affects nothing.
 */
class RejectionsIT extends ExecutorItSupport {

    private void assertNothingStoredAndNoTableChanged(List<String> tablesBefore) {
        assertThat(target.migrationRows()).isEmpty();
        assertThat(target.tables()).isEqualTo(tablesBefore);
        tickSeveralTimes();
        assertThat(target.migrationRows()).isEmpty();
        assertThat(target.tables()).isEqualTo(tablesBefore);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "create tabel t9 (id int)|",
        "alter table t1 add column|",
        "select * from t1|unsupported statement",
        "''|no DDL statement",
        "alter table t1 rename to t2|RENAME is not supported",
        "create table t9 (id int, p int, foreign key (p) references t1 (id))|foreign key constraints are not supported"
    })
    void malformedOrUnsupportedSqlIsRejectedAndNothingIsStored(String sql, String messagePart) {
        target.execute("create table t1 (id int primary key)");
        List<String> before = target.tables();

        assertThatThrownBy(() -> submit(sql, ONLINE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(messagePart == null ? "" : messagePart);

        assertNothingStoredAndNoTableChanged(before);
    }

    @Test
    void anUnknownStrategyIsRejectedNamingTheAcceptedOnes() {
        assertThatThrownBy(() -> submit("create table t9 (id int primary key)", "nosuch --postpone-completion"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown online DDL strategy: 'nosuch'")
                .hasMessageContaining("vitess").hasMessageContaining(ONLINE);

        assertNothingStoredAndNoTableChanged(List.of());
    }

    @Test
    void anUnknownFlagOfAStrategyWithoutToolIsRejected() {
        assertThatThrownBy(() -> submit("create table t9 (id int primary key)", "vitess --postpone-complete"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid flags for vitess strategy: --postpone-complete");

        assertNothingStoredAndNoTableChanged(List.of());
    }

    @Test
    void anAlterWhoseStrategyIsNotInstalledIsRejectedButItsCreateRunsInTheCore() {
        target.execute("create table t1 (id int primary key)");
        List<String> before = target.tables();

        assertThatThrownBy(() -> submit("alter table t1 add column i int", ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("strategy vitess is not installed: ALTER TABLE t1 needs it")
                .hasMessageContaining("installed: direct, mysql, " + ONLINE);
        assertThatThrownBy(() -> submit("create table t2 (id int primary key); alter table t1 add column i int", "gh-ost"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("strategy gh-ost is not installed");
        assertNothingStoredAndNoTableChanged(before);

        MigrationUuid create = submitOne("create table t2 (id int primary key)", "gh-ost");
        awaitStatus(create, "complete");
        assertThat(target.tables()).containsExactly("t1", "t2");
    }

    @Test
    void aUuidForSeveralMigrationsIsRejected() {
        MigrationUuid uuid = MigrationUuid.parse("5bd00a44_e911_11f1_8000_0a43f95f28a3");

        assertThatThrownBy(() -> executor.submitMigration().submit(new SubmissionRequest(
                "create table a (id int primary key); create table b (id int primary key)", ONLINE, null,
                java.util.Optional.of(uuid))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("provided but multiple DDLs generated");

        assertNothingStoredAndNoTableChanged(List.of());
    }

    @Test
    void aBadUuidIsRejectedBeforeAnyCommandRuns() {
        assertThatThrownBy(() -> MigrationUuid.parse("not-a-uuid"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid migration UUID 'not-a-uuid'");
    }

    @Test
    void everyCommandOnAnUnknownUuidIsAnErrorAndChangesNothing() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "vitess --postpone-launch");
        Map<String, Object> before = target.row(create);
        MigrationUuid unknown = MigrationUuid.parse("00000000_1111_2222_3333_444444444444");

        List<Runnable> commands = List.of(
                () -> executor.controlMigration().cancel(unknown),
                () -> executor.controlMigration().retry(unknown),
                () -> executor.controlMigration().cleanup(unknown),
                () -> executor.controlMigration().complete(unknown),
                () -> executor.controlMigration().launch(unknown, List.of()),
                () -> executor.throttleMigrations().throttle(ThrottleRequest.fully(ThrottleTarget.migration(unknown))),
                () -> executor.throttleMigrations().unthrottle(ThrottleTarget.migration(unknown)),
                () -> executor.queryMigrations().logs(unknown));
        for (Runnable command : commands) {
            assertThatThrownBy(command::run).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("migration not found: " + unknown);
        }

        assertThat(executor.queryMigrations().show(new MigrationFilter.ByUuid(unknown))).isEmpty();
        assertThat(executor.throttleMigrations().throttledApps()).isEmpty();
        assertThat(target.row(create)).isEqualTo(before);
    }

    @Test
    void commandsOnACompletedMigrationAffectNothing() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "vitess");
        awaitStatus(create, "complete");
        Map<String, Object> before = target.row(create);

        assertThat(executor.controlMigration().cancel(create)).isEqualTo(CommandResult.NONE);
        assertThat(executor.controlMigration().retry(create)).isEqualTo(CommandResult.NONE);
        assertThat(executor.controlMigration().complete(create)).isEqualTo(CommandResult.NONE);
        assertThat(executor.controlMigration().launch(create, List.of())).isEqualTo(CommandResult.NONE);
        assertThat(executor.controlMigration().cancelAll()).isEqualTo(CommandResult.NONE);
        assertThat(executor.controlMigration().completeAll()).isEqualTo(CommandResult.NONE);
        assertThat(executor.controlMigration().launchAll()).isEqualTo(CommandResult.NONE);

        assertThat(target.row(create)).isEqualTo(before);
        assertThat(target.tables()).containsExactly("t1");
    }

    @Test
    void resubmittingAUuidWithAnotherContextIsRejectedAndTheMigrationStaysAsItWas() {
        MigrationUuid uuid = MigrationUuid.parse("5bd00a44_e911_11f1_8000_0a43f95f28a4");
        submitOne("create table t1 (id int primary key)", "vitess", "endtoend:0000-1111", uuid);
        awaitStatus(uuid, "complete");
        Map<String, Object> before = target.row(uuid);

        assertThatThrownBy(() -> submitOne("create table t1 (id int primary key)", "vitess", "endtoend:other", uuid))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("migration rejected: found migration " + uuid + " with different context");
        assertThat(submitOne("create table t1 (id int primary key)", "vitess", "endtoend:0000-1111", uuid))
                .as("the same context is an idempotent resubmission").isEqualTo(uuid);

        assertThat(target.row(uuid)).isEqualTo(before);
        assertThat(target.migrationRows()).hasSize(1);
    }
}
