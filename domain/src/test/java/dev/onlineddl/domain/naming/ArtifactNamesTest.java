package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactNamesTest {

    static final MigrationUuid MIGRATION = MigrationUuid.parse("c26f3b5e_6b50_11ee_808b_0a43f95f28a3");
    static final Instant NOW = Instant.parse("2023-10-15T09:48:30Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void vreplicationShadowTableUsesLocalTime() {
        // 09:48:30 UTC is 11:48:30 in Berlin (summer time)
        assertThat(ArtifactNames.vreplicationShadowTable(MIGRATION, NOW, BERLIN))
                .isEqualTo("_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_vrepl")
                .hasSize(58);
        assertThat(ArtifactNames.vreplicationShadowTable(MIGRATION, NOW, ZoneOffset.UTC))
                .isEqualTo("_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015094830_vrepl");
    }

    @Test
    void ghostTablesShareTheUuidAndTimestamp() {
        ArtifactNames.GhostTables tables = ArtifactNames.ghostTables(MIGRATION, NOW, BERLIN);
        assertThat(tables.ghost()).isEqualTo("_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_gho");
        assertThat(tables.changelog()).isEqualTo("_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_ghc");
        assertThat(tables.deleted()).isEqualTo("_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_del");
        assertThat(tables.all()).containsExactly(tables.ghost(), tables.changelog(), tables.deleted());
    }

    @Test
    void ptOscTablesAreTheUuidNewTableAndTheTableBasedOldTables() {
        ArtifactNames.PtOscTables tables = ArtifactNames.ptOscTables(MIGRATION, "t1", NOW, BERLIN);
        assertThat(tables.newTable()).isEqualTo("_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_new");
        assertThat(tables.oldTable()).isEqualTo("_t1_old");
        assertThat(tables.oldTableIfTaken()).isEqualTo("__t1_old");
        assertThat(tables.all()).containsExactly("_t1_old", "__t1_old", tables.newTable());
    }

    @Test
    void ptOscAcceptsTablesOfUpTo58Characters() {
        String table = "t".repeat(58);
        assertThat(ArtifactNames.ptOscTables(MIGRATION, table, NOW, BERLIN).oldTableIfTaken()).hasSize(64);
    }

    @ParameterizedTest(name = "table of {0} characters")
    @CsvSource({"59,__", "60,_", "64,_"})
    void ptOscRejectsTablesWhoseOldTableNameWouldBeTooLong(int tableLength, String prefixOfFirstTooLong) {
        String table = "t".repeat(tableLength);
        String tooLong = prefixOfFirstTooLong + table + "_old";
        assertThatThrownBy(() -> ArtifactNames.ptOscTables(MIGRATION, table, NOW, BERLIN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("pt-osc artifact table name for table '" + table + "' '" + tooLong + "' is " + tooLong.length()
                        + " characters long, over MySQL's limit of 64 characters for identifiers:"
                        + " migrate a table with a name of at most 58 characters with pt-osc, or use the vitess strategy");
    }

    @Test
    void ptOscNeedsATableName() {
        assertThatThrownBy(() -> ArtifactNames.ptOscTables(MIGRATION, "", NOW, BERLIN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table name must not be empty");
    }

    @Test
    void timesWithAFiveDigitLocalYearCannotBeNamed() {
        Instant lastHalfHour = Instant.parse("9999-12-31T23:30:00Z");
        assertThat(ArtifactNames.vreplicationShadowTable(MIGRATION, lastHalfHour, ZoneOffset.UTC)).contains("_99991231233000_");
        assertThatThrownBy(() -> ArtifactNames.vreplicationShadowTable(MIGRATION, lastHalfHour, ZoneOffset.ofHours(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot be written as a 14-digit yyyyMMddHHmmss timestamp");
    }

    @ParameterizedTest(name = "isOnlineDdlTableName({0}) = {1}")
    @CsvSource({
            "_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_vrepl,true",
            "_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_gho,true",
            "_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_ghc,true",
            "_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_del,true",
            "_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_new,true",
            "_t1_old,true",
            "__t1_old,true",
            "__old,true",
            "_old,false",
            "t1_old,false",
            "_t1_old_,false",
            "_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_copy,false",
            "_c26f3b5e_6b50_11ee_808b_0a43f95f28a3_2023101511483_vrepl,false",
            "c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_vrepl,false",
            "_c26f3b5e-6b50-11ee-808b-0a43f95f28a3_20231015114830_vrepl,false",
            "users,false",
    })
    void recognisesMigrationArtifacts(String tableName, boolean isArtifact) {
        assertThat(ArtifactNames.isOnlineDdlTableName(tableName)).isEqualTo(isArtifact);
        assertThat(ArtifactNames.isInternalOperationTableName(tableName)).isEqualTo(isArtifact);
    }

    @Test
    void generatedNamesAreRecognised() {
        assertThat(ArtifactNames.isOnlineDdlTableName(ArtifactNames.vreplicationShadowTable(MIGRATION, NOW, BERLIN))).isTrue();
        assertThat(ArtifactNames.ghostTables(MIGRATION, NOW, BERLIN).all()).allMatch(ArtifactNames::isOnlineDdlTableName);
        assertThat(ArtifactNames.ptOscTables(MIGRATION, "orders", NOW, BERLIN).all()).allMatch(ArtifactNames::isOnlineDdlTableName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_a\n_old"})
    void lineBreaksDoNotMatchVitessOldTablePattern(String tableName) {
        assertThat(ArtifactNames.isOnlineDdlTableName(tableName)).isFalse();
    }

    @Test
    void nullIsNoInternalTable() {
        assertThat(ArtifactNames.isOnlineDdlTableName(null)).isFalse();
        assertThat(ArtifactNames.isInternalOperationTableName(null)).isFalse();
    }
}
