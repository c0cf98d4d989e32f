package dev.onlineddl.adapter.vreplication.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.vreplication.VReplicationPlugin;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the analysis finds goes into schema_migrations, and the new table keeps the old one's AUTO_INCREMENT. */
class AnalysisReportsIT extends EngineItSupport {

    @Test
    void reportsTheAnalysisAndCarriesAutoIncrementOver() throws Exception {
        TestDatabase target = testbed.newTarget();
        execute(target, "CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL, code INT NOT NULL,"
                        + " gone INT NOT NULL, UNIQUE KEY code_uk (code))",
                "INSERT INTO t (name, code, gone) SELECT CONCAT('n', seq), seq, seq FROM seq_1_to_300",
                // rows were deleted at the end: the counter is ahead of the largest id
                "ALTER TABLE t AUTO_INCREMENT = 50000");
        OnlineDdl executor = testbed.executor(target, "analysis-it", List.of(new VReplicationPlugin()));

        MigrationUuid uuid = submit(executor, "ALTER TABLE t MODIFY name VARCHAR(80) NOT NULL, DROP COLUMN gone,"
                + " DROP KEY code_uk, ADD KEY code_idx (code)", "vitess");
        awaitStatus(executor, uuid, "complete", "failed");
        assertThat(status(uuid)).as(message(uuid)).isEqualTo("complete");

        Map<String, Object> row = migrationRow(uuid);
        assertThat(row.get("expanded_column_names")).isEqualTo("`name`");
        assertThat(row.get("dropped_no_default_column_names")).isEqualTo("`gone`");
        assertThat(((Number) row.get("removed_unique_keys")).intValue()).isEqualTo(1);
        assertThat(row.get("removed_unique_key_names")).isEqualTo("`code_uk`");
        assertThat(((String) row.get("revertible_notes"))).contains("unique constraint removed: code_uk")
                .contains("column gone dropped, and had no default value");
        assertThat(((Number) row.get("table_rows")).longValue()).isPositive();
        assertThat(((Number) row.get("rows_copied")).longValue()).isEqualTo(300);

        Object autoIncrement = query(target.dataSource(), "SELECT AUTO_INCREMENT AS a FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 't'", target.name()).get(0).get("a");
        assertThat(((Number) autoIncrement).longValue()).isGreaterThanOrEqualTo(50000);
        execute(target, "INSERT INTO t (name, code) VALUES ('after', 1000)");
        assertThat(query(target.dataSource(), "SELECT MAX(id) AS m FROM t").get(0).get("m")).isEqualTo(50000);
    }
}
