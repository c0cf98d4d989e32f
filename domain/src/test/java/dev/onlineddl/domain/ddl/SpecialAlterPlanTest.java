package dev.onlineddl.domain.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecialAlterPlanTest {

    @Test
    void instantPlanHasNoDetails() {
        SpecialAlterPlan plan = new SpecialAlterPlan.InstantDdl("ALTER TABLE t ADD COLUMN c int, ALGORITHM=INSTANT");

        assertThat(plan.operation()).isEqualTo("instant-ddl");
        assertThat(plan.details()).isEmpty();
        assertThat(plan.toJson()).isEqualTo("{\"operation\":\"instant-ddl\"}");
    }

    @Test
    void dropRangePartitionJsonHasSortedKeysAsGoWritesThem() {
        SpecialAlterPlan plan = new SpecialAlterPlan.DropRangePartition("p1", "PARTITION p1 VALUES LESS THAN (20)", "p2");

        assertThat(plan.operation()).isEqualTo("drop-range-partition");
        assertThat(plan.details()).containsExactly(
                Map.entry("next_partition_name", "p2"),
                Map.entry("partition_definition", "PARTITION p1 VALUES LESS THAN (20)"),
                Map.entry("partition_name", "p1"));
        assertThat(plan.toJson()).isEqualTo("{\"next_partition_name\":\"p2\",\"operation\":\"drop-range-partition\","
                + "\"partition_definition\":\"PARTITION p1 VALUES LESS THAN (20)\",\"partition_name\":\"p1\"}");
    }

    @Test
    void addRangePartitionJsonEscapesLikeGo() {
        SpecialAlterPlan plan = new SpecialAlterPlan.AddRangePartition("p\"x", "a\\b\n\r\t<>&\u2028\u2029\u0001");

        assertThat(plan.operation()).isEqualTo("add-range-partition");
        assertThat(plan.toJson()).isEqualTo("{\"operation\":\"add-range-partition\","
                + "\"partition_definition\":\"a\\\\b\\n\\r\\t\\u003c\\u003e\\u0026\\u2028\\u2029\\u0001\","
                + "\"partition_name\":\"p\\\"x\"}");
    }

    @Test
    void plansRequireTheirFields() {
        assertThatThrownBy(() -> new SpecialAlterPlan.InstantDdl(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SpecialAlterPlan.DropRangePartition(null, "", "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SpecialAlterPlan.DropRangePartition("p", null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SpecialAlterPlan.DropRangePartition("p", "", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SpecialAlterPlan.AddRangePartition(null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SpecialAlterPlan.AddRangePartition("p", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void optionsAndRewritesAreImmutableValues() {
        assertThat(InstantDdlCapabilities.none()).isEqualTo(new InstantDdlCapabilities(false, false, false, false, false, false));
        assertThatThrownBy(() -> new SpecialPlanOptions(true, true, null)).isInstanceOf(NullPointerException.class);

        java.util.LinkedHashMap<String, String> renames = new java.util.LinkedHashMap<>(Map.of("c1", "c1_x"));
        RewrittenCreateTable create = new RewrittenCreateTable("CREATE TABLE x (a int)", renames);
        renames.put("c2", "c2_x");
        assertThat(create.constraintRenames()).containsOnlyKeys("c1");
        assertThatThrownBy(() -> create.constraintRenames().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);

        RewrittenAlterTable alter = new RewrittenAlterTable(List.of("ALTER TABLE x ADD c int"), Map.of());
        assertThat(alter.statements()).containsExactly("ALTER TABLE x ADD c int");
        assertThatThrownBy(() -> new RewrittenAlterTable(List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
