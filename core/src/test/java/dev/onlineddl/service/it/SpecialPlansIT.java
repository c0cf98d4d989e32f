package dev.onlineddl.service.it;

import static dev.onlineddl.service.it.TargetDatabase.artifacts;
import static dev.onlineddl.service.it.TargetDatabase.flag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ALTERs that run as immediate operations in the core (Vitess's special plans): instant DDL with
 * {@code --prefer-instant-ddl}, range partition rotation with {@code --fast-range-rotation}. None
 * of them is revertible.
 */
class SpecialPlansIT extends ExecutorItSupport {

    private void createPartitionedTable() {
        target.execute("create table tp (id int not null, primary key (id)) partition by range (id) "
                + "(partition p1 values less than (10), partition p2 values less than (20))");
        target.execute("insert into tp values (1), (2), (11)");
    }

    private List<String> partitions(String table) {
        return target.query("SELECT PARTITION_NAME FROM INFORMATION_SCHEMA.PARTITIONS WHERE TABLE_SCHEMA = ? "
                + "AND TABLE_NAME = ? ORDER BY PARTITION_ORDINAL_POSITION", target.name(), table).stream()
                .map(row -> (String) row.get("PARTITION_NAME")).toList();
    }

    @Test
    void droppingARangePartitionKeepsItsRowsInAnArtifactAndCannotBeReverted() {
        createPartitionedTable();

        MigrationUuid drop = submitOne("alter table tp drop partition p1", ONLINE + " --fast-range-rotation");
        awaitStatus(drop, "complete");

        assertThat(partitions("tp")).containsExactly("p2");
        assertThat(target.rowCount("tp")).isEqualTo(1);
        Map<String, Object> row = target.row(drop);
        assertThat(flag(row, "is_immediate_operation")).isTrue();
        assertThat((String) row.get("special_plan")).contains("\"operation\":\"drop-range-partition\"")
                .contains("\"partition_name\":\"p1\"");
        List<String> artifacts = artifacts(row);
        assertThat(artifacts).hasSize(1);
        assertThat(target.rowCount(artifacts.get(0))).as("the dropped partition's rows").isEqualTo(2);
        assertThat(onlineEngine().started).doesNotContain(drop);

        MigrationUuid revert = submitOne("revert vitess_migration '" + drop + "'", ONLINE);
        awaitStatus(revert, "failed");
        assertThat((String) target.row(revert).get("message")).contains("special plan");
        assertThat(onlineEngine().revertsStarted).isEmpty();
        assertThat(partitions("tp")).containsExactly("p2");
    }

    @Test
    void addingARangePartitionRunsDirectlyAndCannotBeReverted() {
        createPartitionedTable();

        MigrationUuid add = submitOne("alter table tp add partition (partition p3 values less than (30))",
                ONLINE + " --fast-range-rotation");
        awaitStatus(add, "complete");

        assertThat(partitions("tp")).containsExactly("p1", "p2", "p3");
        assertThat((String) target.row(add).get("special_plan")).contains("\"operation\":\"add-range-partition\"");
        assertThat(artifacts(target.row(add))).isEmpty();

        MigrationUuid revert = submitOne("revert vitess_migration '" + add + "'", ONLINE);
        awaitStatus(revert, "failed");
        assertThat(partitions("tp")).containsExactly("p1", "p2", "p3");
    }

    @Test
    void anInstantAlterRunsWithoutAnEngineAndCannotBeReverted() {
        target.execute("create table t1 (id int primary key)");

        MigrationUuid alter = submitOne("alter table t1 add column i0 int not null default 0", ONLINE + " --prefer-instant-ddl");
        awaitStatus(alter, "complete");

        assertThat(target.columns("t1")).containsExactly("id", "i0");
        assertThat((String) target.row(alter).get("special_plan")).isEqualTo("{\"operation\":\"instant-ddl\"}");
        assertThat(onlineEngine().started).doesNotContain(alter);

        MigrationUuid revert = submitOne("revert vitess_migration '" + alter + "'", ONLINE);
        awaitStatus(revert, "failed");
        assertThat(target.columns("t1")).containsExactly("id", "i0");
    }

    @Test
    void anAlterThatCannotBeInstantGoesToTheEngineDespitePreferInstantDdl() {
        target.execute("create table t1 (id int primary key, v varchar(10))");

        MigrationUuid alter = submitOne("alter table t1 add index v_idx (v)", ONLINE + " --prefer-instant-ddl");
        awaitStatus(alter, "complete");

        assertThat(onlineEngine().started).contains(alter);
        assertThat((String) target.row(alter).get("special_plan")).isEmpty();
        assertThat(flag(target.row(alter), "is_immediate_operation")).isFalse();
    }
}
