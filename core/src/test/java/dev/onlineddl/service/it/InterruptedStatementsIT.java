package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.GcTableName;
import dev.onlineddl.domain.naming.Identifiers;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A CREATE, DROP or view statement the core was running when its executor stopped (the process
 * died between marking it running and ending it) is settled at the next start by its effect:
 * complete when the result is there, failed with what to check otherwise. Such a row is stored
 * here as the stopped executor left it; the executor under test then starts on the target.
 */
class InterruptedStatementsIT extends ExecutorItSupport {

    private static final String STOPPED_MESSAGE = "the executor stopped while the statement ran; check `%s`, then RETRY";

    private final SecureRandom random = new SecureRandom();

    /** As MigrationSubmitter and MigrationRunner leave a statement they were running. */
    private Migration leftRunning(MigrationUuid uuid, DdlAction action, String table, String sql, boolean view) {
        return Migration.builder(uuid)
                .keyspace(target.name()).shard("0").mysqlSchema(target.name())
                .mysqlTable(table).migrationStatement(sql).strategy("vitess").options("")
                .ddlAction(action).view(view).context(MigrationContext.of("stopped:1"))
                .status(MigrationStatus.RUNNING).tablet("executor-that-stopped")
                .build();
    }

    private MigrationUuid newUuid() {
        return MigrationUuid.generate(Instant.now(), random);
    }

    private String message(MigrationUuid uuid) {
        return (String) target.row(uuid).get("message");
    }

    @Test
    void aCreateWhoseTableExistsIsComplete() {
        MigrationUuid uuid = newUuid();
        target.execute("create table t1 (id int primary key)");
        target.insertMigration(leftRunning(uuid, DdlAction.CREATE, "t1", "create table t1 (id int primary key)", false));

        awaitStatus(uuid, "complete");

        assertThat(message(uuid)).contains("t1 exists");
    }

    @Test
    void aCreateWhoseTableIsMissingFailsSayingWhatToCheck() {
        MigrationUuid uuid = newUuid();
        target.insertMigration(leftRunning(uuid, DdlAction.CREATE, "t1", "create table t1 (id int primary key)", false));

        awaitStatus(uuid, "failed");

        assertThat(message(uuid)).isEqualTo(STOPPED_MESSAGE.formatted("t1"));
        assertThat(target.exists("t1")).isFalse();
    }

    @Test
    void aDropWhoseTableIsUnderItsHoldNameIsComplete() {
        MigrationUuid uuid = newUuid();
        String held = GcTableName.heldAfterDrop(uuid, Instant.now(), Duration.ofHours(24)).name();
        target.execute("create table " + Identifiers.quote(held) + " (id int primary key)"); // t0, renamed before the stop
        target.insertMigration(leftRunning(uuid, DdlAction.DROP, "t0", "drop table t0", false), held);

        awaitStatus(uuid, "complete");

        assertThat(message(uuid)).contains("t0 is held as " + held);
    }

    @Test
    void aDropWhoseTableIsStillThereFails() {
        MigrationUuid uuid = newUuid();
        String held = GcTableName.heldAfterDrop(uuid, Instant.now(), Duration.ofHours(24)).name();
        target.execute("create table t0 (id int primary key)");
        target.insertMigration(leftRunning(uuid, DdlAction.DROP, "t0", "drop table t0", false), held);

        awaitStatus(uuid, "failed");

        assertThat(message(uuid)).isEqualTo(STOPPED_MESSAGE.formatted("t0"));
        assertThat(target.exists("t0")).isTrue();
    }

    @Test
    void aViewDefinedAsSubmittedIsCompleteAndOneDefinedOtherwiseFails() {
        target.execute("create table t1 (id int primary key, name varchar(10))");
        target.execute("create view v1 as select id from t1");
        target.execute("create view v2 as select id from t1");
        MigrationUuid asSubmitted = newUuid();
        MigrationUuid otherwise = newUuid();
        target.insertMigration(leftRunning(asSubmitted, DdlAction.CREATE, "v1", "create view v1 as select id from t1", true));
        target.insertMigration(leftRunning(otherwise, DdlAction.ALTER, "v2", "alter view v2 as select id, name from t1", true));

        awaitStatus(asSubmitted, "complete");
        awaitStatus(otherwise, "failed");

        assertThat(message(asSubmitted)).contains("view v1 is defined as submitted");
        assertThat(message(otherwise)).isEqualTo(STOPPED_MESSAGE.formatted("v2"));
    }
}
