package dev.onlineddl.adapter.vreplication.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.vreplication.EngineSettings;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The cut-over when something holds the table: it gives up in time, changes nothing, and succeeds later. */
class CutOverIT extends EngineItSupport {

    @Test
    void aTransactionHoldingTheTableMakesTheCutOverTimeOutUntilItEnds() throws Exception {
        TestDatabase target = testbed.newTarget();
        execute(target, "CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)",
                "INSERT INTO t SELECT seq, seq FROM seq_1_to_2000");
        OnlineDdl executor = testbed.executor(target, "cutover-it",
                List.of(new SettingsPlugin(EngineSettings.DEFAULTS.withCutOverLockTimeout(Duration.ofSeconds(1)))));
        // every row starts with v = id; the writer counts its increments, so the final table proves none was lost
        Map<Integer, Integer> increments = new ConcurrentHashMap<>();
        TableWriter writer = new TableWriter(target.dataSource(), 1, (connection, random) -> {
            int id = random.nextInt(2, 2001);
            TableWriter.execute(connection, "UPDATE t SET v = v + 1 WHERE id = ?", id);
            increments.merge(id, 1, Integer::sum);
        });
        MigrationUuid uuid = submit(executor, "ALTER TABLE t ADD COLUMN w INT NOT NULL DEFAULT 0",
                "vitess --postpone-completion");
        awaitReady(executor, uuid);
        String before = String.valueOf(query(target.dataSource(), "SHOW CREATE TABLE t").get(0).get("Create Table"));

        try (Connection blocker = target.openConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.executeQuery("SELECT * FROM t WHERE id = 1 FOR UPDATE").close();
            executor.controlMigration().complete(uuid);
            awaitTicking(executor, "two cut-over attempts", () -> number(uuid, "cutover_attempts") >= 2);

            assertThat(status(uuid)).isEqualTo("running");
            assertThat(query(target.dataSource(), "SHOW CREATE TABLE t").get(0).get("Create Table"))
                    .as("the table is unchanged while the cut-over cannot lock it").isEqualTo(before);
            blocker.rollback();
        }
        awaitStatus(executor, uuid, "complete", "failed");
        writer.stop();

        assertThat(status(uuid)).as(message(uuid)).isEqualTo("complete");
        assertThat(number(uuid, "cutover_attempts")).as("at least one attempt failed, then one succeeded").isGreaterThanOrEqualTo(2);
        assertThat(writer.errors()).as("the writer's errors: " + writer.firstError()).isZero();
        assertThat(writer.writes()).isPositive();
        assertThat(query(target.dataSource(), "SHOW COLUMNS FROM t")).extracting(row -> row.get("Field"))
                .containsExactly("id", "v", "w");
        List<String> expected = new ArrayList<>();
        for (int id = 1; id <= 2000; id++) {
            expected.add("[" + id + ", " + (id + increments.getOrDefault(id, 0)) + "]");
        }
        List<String> actual = rows(target, "t", "id, v", "id");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                wrong.add("expected " + expected.get(i) + " got " + actual.get(i));
            }
        }
        assertThat(wrong).as("rows whose writes are missing from the new table (of %d)", actual.size()).isEmpty();
        assertThat(actual).as("every write before, during and after the cut-over is in the new table")
                .isEqualTo(expected);
    }
}
