package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.onlineddl.domain.naming.ConstraintNamesTest.CHECK_BODY;
import static dev.onlineddl.domain.naming.ConstraintNamesTest.HASH;
import static dev.onlineddl.domain.naming.ConstraintNamesTest.HASH_RETRY_1;
import static dev.onlineddl.domain.naming.ConstraintNamesTest.HASH_RETRY_2;
import static dev.onlineddl.domain.naming.ConstraintNamesTest.MIGRATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstraintRenamerTest {

    @Test
    void identicalConstraintsInOneStatementGetDistinctNames() {
        ConstraintRenamer create = new ConstraintRenamer(MIGRATION, "t", Map.of());
        assertThat(create.rename(ConstraintType.CHECK, "a", CHECK_BODY)).isEqualTo("a_" + HASH);
        assertThat(create.rename(ConstraintType.CHECK, "b", CHECK_BODY)).isEqualTo("b_" + HASH_RETRY_1);
        assertThat(create.rename(ConstraintType.CHECK, "c", CHECK_BODY)).isEqualTo("c_" + HASH_RETRY_2);
        assertThat(create.renames()).containsExactly(
                Map.entry("a", "a_" + HASH), Map.entry("b", "b_" + HASH_RETRY_1), Map.entry("c", "c_" + HASH_RETRY_2));
    }

    @Test
    void theAlterMapsDropCheckThroughTheCreatesRenames() {
        ConstraintRenamer create = new ConstraintRenamer(MIGRATION, "t", Map.of());
        create.rename(ConstraintType.CHECK, "t_chk_1", CHECK_BODY);

        ConstraintRenamer alter = new ConstraintRenamer(MIGRATION, "t", create.renames());
        assertThat(alter.nameForDrop("t_chk_1", "drop check `t_chk_1`")).isEqualTo("chk_1_" + HASH);
        assertThat(alter.renamed("t_chk_1")).contains("chk_1_" + HASH);
        assertThat(alter.renamed("missing")).isEmpty();
    }

    @Test
    void hashesAreOnlyKeptApartWithinAStatementAsInVitess() {
        ConstraintRenamer create = new ConstraintRenamer(MIGRATION, "t", Map.of());
        create.rename(ConstraintType.CHECK, "a", CHECK_BODY);
        ConstraintRenamer alter = new ConstraintRenamer(MIGRATION, "t", create.renames());
        assertThat(alter.rename(ConstraintType.CHECK, "b", CHECK_BODY)).isEqualTo("b_" + HASH);
        assertThat(alter.renames()).containsExactly(Map.entry("a", "a_" + HASH), Map.entry("b", "b_" + HASH));
    }

    @Test
    void dropOfAnUnknownConstraintFailsNamingMigrationTableAndConstraint() {
        ConstraintRenamer alter = new ConstraintRenamer(MIGRATION, "t", Map.of("c1", "c1_" + HASH));
        assertThatThrownBy(() -> alter.nameForDrop("nope", "drop check `nope`"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Found DROP CONSTRAINT: drop check `nope`, but could not find constraint name in map"
                        + " (migration a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a, table t): the table has no CHECK constraint named 'nope';"
                        + " check the name with SHOW CREATE TABLE");
    }

    @Test
    void earlierRenamesAreCopiedNotShared() {
        ConstraintRenamer create = new ConstraintRenamer(MIGRATION, "t", Map.of());
        create.rename(ConstraintType.CHECK, "a", CHECK_BODY);
        Map<String, String> snapshot = create.renames();
        ConstraintRenamer alter = new ConstraintRenamer(MIGRATION, "t", snapshot);
        alter.rename(ConstraintType.FOREIGN_KEY, "fk1", "foreign key (`p`) references `parent` (`id`)");
        assertThat(snapshot).containsOnlyKeys("a");
        assertThat(create.renames()).containsOnlyKeys("a");
        assertThatThrownBy(() -> snapshot.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
