package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.MigrationUuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected names were computed with an independent Python implementation of Vitess's
 * {@code newConstraintName} and {@code ExtractConstraintOriginalName}
 * (hashlib SHA-256, own base-36), not with this code.
 */
class ConstraintNamesTest {

    static final MigrationUuid MIGRATION = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    static final String CHECK_BODY = "`i` > 0";
    static final String FK_BODY = "foreign key (`p`) references `parent` (`id`)";
    /** UUIDv5Base36(MIGRATION, "t", CHECK_BODY), then with "1" and "2" appended. */
    static final String HASH = "dnd74c54k4khnoduls4cfzi48";
    static final String HASH_RETRY_1 = "a9g3cdjcvtxaym2q6r7c4qe5v";
    static final String HASH_RETRY_2 = "4hu1p4bw38e0uwsmb8hec8jo8";

    @ParameterizedTest(name = "extractOriginalName({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "check1_db9d15e218979970c23bfc13a|check1",
            "isnegative_2dbf8418af7250d783beb2083|isnegative",
            "employee_id_af3d858eb99b87d6419133d5c|employee_id",
            "check1|check1",
            "t_chk_1|t_chk_1",
            // only one suffix is stripped
            "c_dnd74c54k4khnoduls4cfzi48_a9g3cdjcvtxaym2q6r7c4qe5v|c_dnd74c54k4khnoduls4cfzi48",
            // 24 or 26 characters, upper case, or no underscore: not ours
            "c_dnd74c54k4khnoduls4cfzi4|c_dnd74c54k4khnoduls4cfzi4",
            "c_dnd74c54k4khnoduls4cfzi48x|c_dnd74c54k4khnoduls4cfzi48x",
            "c_DND74C54K4KHNODULS4CFZI48|c_DND74C54K4KHNODULS4CFZI48",
            "cdnd74c54k4khnoduls4cfzi48|cdnd74c54k4khnoduls4cfzi48",
            // a bare suffix leaves nothing
            "_dnd74c54k4khnoduls4cfzi48|\"\"",
            "\"\"|\"\"",
    })
    void extractsTheOriginalName(String name, String original) {
        assertThat(ConstraintNames.extractOriginalName(name)).isEqualTo(original);
    }

    @Test
    void keepsNamesWithLineBreaksUnchangedAsVitessRegexDoes() {
        String name = "a\nb_" + HASH;
        assertThat(ConstraintNames.extractOriginalName(name)).isEqualTo(name);
    }

    @ParameterizedTest(name = "{1} {3} on {0} -> {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "t|CHECK|`i` > 0|check1|check1_dnd74c54k4khnoduls4cfzi48",
            // MySQL's auto-generated name loses the table part
            "t|CHECK|`i` > 0|t_chk_1|chk_1_dnd74c54k4khnoduls4cfzi48",
            "t|CHECK|`i` > 0|t_chk_|chk__dnd74c54k4khnoduls4cfzi48",
            // unnamed: the indicator stands in
            "t|CHECK|`i` > 0|\"\"|chk_dnd74c54k4khnoduls4cfzi48",
            "t|FOREIGN_KEY|foreign key (`p`) references `parent` (`id`)|\"\"|fk_05tfi9oj5kyz5j4jm1ktlgtp2",
            // renaming a renamed constraint replaces the hash instead of stacking
            "t|CHECK|`i` > 0|check1_db9d15e218979970c23bfc13a|check1_dnd74c54k4khnoduls4cfzi48",
            // long names are cut to 38 characters
            "t|CHECK|`i` > 0|a_very_long_constraint_name_that_goes_on_and_on_xx|a_very_long_constraint_name_that_goes__dnd74c54k4khnoduls4cfzi48",
            "orders|FOREIGN_KEY|foreign key (`p`) references `parent` (`id`)|orders_fk_7|fk_7_8lekiru932f9svhtpym7v571f",
            // the prefix is stripped only when it matches the constraint's own type
            "orders|CHECK|`i` > 0|orders_fk_7|orders_fk_7_d0nu6pdy8nm976jcmueir6gax",
    })
    void generatesDeterministicNames(String table, ConstraintType type, String body, String oldName, String expected) {
        ConstraintNames.GeneratedName generated = ConstraintNames.newConstraintName(MIGRATION, table, type, body, oldName, Set.of());
        assertThat(generated.name()).isEqualTo(expected);
        assertThat(generated.hash()).isEqualTo(expected.substring(expected.length() - 25));
        assertThat(Identifiers.length(generated.name())).isLessThanOrEqualTo(64);
    }

    @Test
    void aLongNameFillsExactly64Characters() {
        String generated = ConstraintNames.newConstraintName(MIGRATION, "t", ConstraintType.CHECK, CHECK_BODY, "n".repeat(64), Set.of()).name();
        assertThat(generated).isEqualTo("n".repeat(38) + "_" + HASH).hasSize(64);
    }

    @Test
    void truncatesByCharactersNeverSplittingOne() {
        String generated = ConstraintNames.newConstraintName(MIGRATION, "t", ConstraintType.CHECK, CHECK_BODY, "😀".repeat(40), Set.of()).name();
        assertThat(generated).isEqualTo("😀".repeat(38) + "_" + HASH);
        assertThat(Identifiers.length(generated)).isEqualTo(64);
    }

    @Test
    void retriesWithACounterWhileTheHashIsTakenInTheStatement() {
        assertThat(ConstraintNames.newConstraintName(MIGRATION, "t", ConstraintType.CHECK, CHECK_BODY, "c", Set.of(HASH)).name())
                .isEqualTo("c_" + HASH_RETRY_1);
        assertThat(ConstraintNames.newConstraintName(MIGRATION, "t", ConstraintType.CHECK, CHECK_BODY, "c", Set.of(HASH, HASH_RETRY_1)).name())
                .isEqualTo("c_" + HASH_RETRY_2);
        // a hash taken by something else does not matter
        assertThat(ConstraintNames.newConstraintName(MIGRATION, "t", ConstraintType.CHECK, CHECK_BODY, "c", Set.of(HASH_RETRY_1)).name())
                .isEqualTo("c_" + HASH);
    }

    @Test
    void theHashDependsOnMigrationTableAndBodyButNotOnTheOldName() {
        String base = ConstraintNames.newConstraintName(MIGRATION, "t", ConstraintType.CHECK, CHECK_BODY, "x", Set.of()).hash();
        assertThat(ConstraintNames.newConstraintName(MIGRATION, "t", ConstraintType.CHECK, CHECK_BODY, "y", Set.of()).hash()).isEqualTo(base);
        assertThat(ConstraintNames.newConstraintName(MIGRATION, "t2", ConstraintType.CHECK, CHECK_BODY, "x", Set.of()).hash()).isNotEqualTo(base);
        assertThat(ConstraintNames.newConstraintName(MIGRATION, "t", ConstraintType.CHECK, "`i` > 1", "x", Set.of()).hash()).isNotEqualTo(base);
        MigrationUuid other = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9b");
        assertThat(ConstraintNames.newConstraintName(other, "t", ConstraintType.CHECK, CHECK_BODY, "x", Set.of()).hash()).isNotEqualTo(base);
    }

    @Test
    void typesCarryMySqlsIndicators() {
        assertThat(ConstraintType.CHECK.indicator()).isEqualTo("chk");
        assertThat(ConstraintType.FOREIGN_KEY.indicator()).isEqualTo("fk");
        assertThat(ConstraintNames.MAX_ORIGINAL_NAME_LENGTH).isEqualTo(38);
    }
}
