package dev.onlineddl.adapter.vreplication.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.vreplication.VReplicationPlugin;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the engine refuses, with a message that says what to change, before it creates anything;
 * and a DDL statement on the source mid-migration, which fails the migration.
 */
class RefusalsIT extends EngineItSupport {

    private TestDatabase target;
    private OnlineDdl executor;

    private void createTable() throws Exception {
        target = testbed.newTarget();
        execute(target, "CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)", "INSERT INTO t SELECT seq, seq FROM seq_1_to_500");
        executor = testbed.executor(target, "refusals-it", List.of(new VReplicationPlugin()));
    }

    private MigrationUuid migrateAndExpectFailure(String strategy) throws Exception {
        String before = showCreate();
        MigrationUuid uuid = submit(executor, "ALTER TABLE t ADD COLUMN w INT NOT NULL DEFAULT 0", strategy);
        awaitStatus(executor, uuid, "failed", "complete");
        assertThat(status(uuid)).isEqualTo("failed");
        assertThat(showCreate()).as("the table is left as it was").isEqualTo(before);
        assertThat(query(target.dataSource(), "SELECT COUNT(*) AS c FROM t").get(0).get("c")).isEqualTo(500L);
        return uuid;
    }

    private String showCreate() throws Exception {
        return String.valueOf(query(target.dataSource(), "SHOW CREATE TABLE t").get(0).get("Create Table"));
    }

    @Test
    void aTableWithTriggersIsRefusedBeforeAnythingIsCreated() throws Exception {
        createTable();
        execute(target, "CREATE TABLE audit (id INT)", "CREATE TRIGGER t_audit AFTER INSERT ON t FOR EACH ROW INSERT INTO audit VALUES (NEW.id)");
        MigrationUuid uuid = migrateAndExpectFailure("vitess");
        assertThat(message(uuid)).contains("has 1 trigger").contains("Drop them, or use another strategy");
        assertThat(vreplTable(target, uuid)).as("no shadow table was created").isEmpty();
    }

    @Test
    void aTableInAForeignKeyIsRefusedUnlessAllowed() throws Exception {
        createTable();
        execute(target, "CREATE TABLE child (id INT PRIMARY KEY, t_id INT, FOREIGN KEY (t_id) REFERENCES t (id))");
        MigrationUuid uuid = migrateAndExpectFailure("vitess");
        assertThat(message(uuid)).contains("foreign key").contains("--unsafe-allow-foreign-keys");
        assertThat(vreplTable(target, uuid)).as("no shadow table was created").isEmpty();
    }

    @Test
    void aServerWithoutFullRowImagesIsRefusedNamingTheSetting() throws Exception {
        createTable();
        try (Connection admin = target.server().openAdminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("SET GLOBAL binlog_row_image = 'MINIMAL'");
            try {
                MigrationUuid uuid = migrateAndExpectFailure("vitess");
                assertThat(message(uuid)).contains("binlog_row_image").contains("FULL");
                assertThat(vreplTable(target, uuid)).as("no shadow table was created").isEmpty();
            } finally {
                statement.execute("SET GLOBAL binlog_row_image = 'FULL'");
            }
        }
    }

    @Test
    void aDdlStatementOnTheSourceMidMigrationFailsIt() throws Exception {
        createTable();
        MigrationUuid uuid = submit(executor, "ALTER TABLE t ADD COLUMN w INT NOT NULL DEFAULT 0",
                "vitess --postpone-completion");
        awaitReady(executor, uuid);
        execute(target, "ALTER TABLE t ADD COLUMN z INT NULL");
        awaitStatus(executor, uuid, "failed", "complete");

        assertThat(status(uuid)).isEqualTo("failed");
        assertThat(message(uuid)).contains("an ALTER statement changed the source table `t`").contains("RETRY");
        assertThat(query(target.dataSource(), "SHOW COLUMNS FROM t")).extracting(row -> row.get("Field"))
                .as("only the user's own ALTER changed the table").containsExactly("id", "v", "z");
    }

    @Test
    void compressedBinlogEventsAreRefusedNamingTheSetting() throws Exception {
        createTable();
        try (Connection admin = target.server().openAdminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("SET GLOBAL log_bin_compress = ON");
            try {
                MigrationUuid uuid = migrateAndExpectFailure("vitess");
                assertThat(message(uuid)).contains("log_bin_compress is ON");
                assertThat(vreplTable(target, uuid)).as("no shadow table was created").isEmpty();
            } finally {
                statement.execute("SET GLOBAL log_bin_compress = OFF");
            }
        }
    }

    @Test
    void aWriteThatClashesOnTheNewUniqueKeyFailsTheMigrationNamingTheKey() throws Exception {
        createTable();
        MigrationUuid uuid = submit(executor, "ALTER TABLE t ADD UNIQUE KEY v_uk (v)", "vitess --postpone-completion");
        awaitReady(executor, uuid);
        execute(target, "UPDATE t SET v = 1 WHERE id = 2");
        awaitStatus(executor, uuid, "failed", "complete");

        assertThat(status(uuid)).isEqualTo("failed");
        assertThat(message(uuid)).contains("clashes on a unique key of the new table").contains("v_uk")
                .contains("The source table is unchanged");
        assertThat(showCreate()).doesNotContain("v_uk");
    }

    @Test
    void aWriteLoggedAsAStatementFailsTheMigration() throws Exception {
        createTable();
        MigrationUuid uuid = submit(executor, "ALTER TABLE t ADD COLUMN w INT NOT NULL DEFAULT 0",
                "vitess --postpone-completion");
        awaitReady(executor, uuid);
        try (Connection admin = target.server().openAdminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("SET SESSION binlog_format = 'STATEMENT'");
            statement.execute("UPDATE " + quote(target.name()) + ".t SET v = v + 1 WHERE id = 3");
        }
        awaitStatus(executor, uuid, "failed", "complete");

        assertThat(status(uuid)).isEqualTo("failed");
        assertThat(message(uuid)).contains("an UPDATE statement changed the source table `t`");
        assertThat(showCreate()).doesNotContain("`w`");
    }
}
