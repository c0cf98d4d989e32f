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

/** A vitess ALTER of a live table, end to end through the executor. */
class OnlineAlterIT extends EngineItSupport {

    @Test
    void altersALiveTableWithoutLosingAWrite() throws Exception {
        TestDatabase target = testbed.newTarget();
        execute(target, "CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL, qty INT NOT NULL)",
                "INSERT INTO items (name, qty) SELECT CONCAT('item-', seq), seq % 100 FROM seq_1_to_20000");
        OnlineDdl executor = testbed.executor(target, "it-online", List.of(new VReplicationPlugin()));

        TableWriter writer = new TableWriter(target.dataSource(), 2, (connection, random) -> {
            int id = random.nextInt(1, 21_000);
            switch (random.nextInt(3)) {
                case 0 -> TableWriter.execute(connection, "INSERT INTO items (name, qty) VALUES (?, ?)", "new-" + id, id % 7);
                case 1 -> TableWriter.execute(connection, "UPDATE items SET qty = qty + 1, name = CONCAT(name, '+') WHERE id = ?", id);
                default -> TableWriter.execute(connection, "DELETE FROM items WHERE id = ?", id);
            }
        });
        MigrationUuid uuid = submit(executor, "ALTER TABLE items ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT '',"
                + " MODIFY name VARCHAR(200) NOT NULL", "vitess --postpone-completion");
        awaitReady(executor, uuid);
        writer.stop();
        awaitReady(executor, uuid);

        executor.controlMigration().complete(uuid);
        awaitStatus(executor, uuid, "complete", "failed");

        assertThat(status(uuid)).as(message(uuid)).isEqualTo("complete");
        assertThat(writer.errors()).as(writer.firstError()).isZero();
        assertThat(writer.writes()).isPositive();
        String old = vreplTable(target, uuid).orElseThrow();
        assertThat(rows(target, "items", "id, name, qty", "id")).isEqualTo(rows(target, old, "id, name, qty", "id"));
        assertThat(query(target.dataSource(), "SHOW COLUMNS FROM items")).extracting(row -> row.get("Field"))
                .containsExactly("id", "name", "qty", "note");
        assertThat(number(uuid, "rows_copied")).isPositive();
        assertThat(number(uuid, "cutover_attempts")).isEqualTo(1);
    }

    /**
     * MariaDB 11.4 writes {@code end_log_pos=0} inside event groups unless
     * {@code binlog_legacy_event_pos=ON} (the test server's setting): the stream counts in GTIDs,
     * so a live migration must come out the same without it.
     */
    @Test
    void followsTheStreamWhenTheServerWritesNoEventPositionsInsideGroups() throws Exception {
        TestDatabase target = testbed.newTarget();
        execute(target, "CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)", "INSERT INTO t SELECT seq, seq FROM seq_1_to_3000");
        try (Connection admin = target.server().openAdminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("SET GLOBAL binlog_legacy_event_pos = OFF");
            try {
                OnlineDdl executor = testbed.executor(target, "it-no-legacy-pos", List.of(new VReplicationPlugin()));
                TableWriter writer = new TableWriter(target.dataSource(), 1, (connection, random) ->
                        TableWriter.execute(connection, "UPDATE t SET v = v + 1 WHERE id = ?", random.nextInt(1, 3001)));
                MigrationUuid uuid = submit(executor, "ALTER TABLE t ADD COLUMN w INT NOT NULL DEFAULT 0",
                        "vitess --postpone-completion");
                awaitReady(executor, uuid);
                writer.stop();
                awaitReady(executor, uuid);
                executor.controlMigration().complete(uuid);
                awaitStatus(executor, uuid, "complete", "failed");

                assertThat(status(uuid)).as(message(uuid)).isEqualTo("complete");
                assertThat(writer.errors()).as(writer.firstError()).isZero();
                String old = vreplTable(target, uuid).orElseThrow();
                assertThat(rows(target, "t", "id, v", "id")).isEqualTo(rows(target, old, "id, v", "id"));
            } finally {
                statement.execute("SET GLOBAL binlog_legacy_event_pos = ON");
            }
        }
    }
}
