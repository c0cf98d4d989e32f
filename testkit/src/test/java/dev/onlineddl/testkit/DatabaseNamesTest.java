package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseNamesTest {

    @ParameterizedTest(name = "{0} #{1} -> {2}")
    @CsvSource({
            "MigrationStoreIT,             1,    t_migrationstoreit_1",
            "Äpfel$Birnen__Test,           12,   t_pfel_birnen_test_12",
            "ABC,                          1000, t_abc_1000",
            "AVeryLongTestClassNameThatWouldNotFitIntoTheSixtyFourCharacterLimit, 7, t_averylongtestclassnamethatwouldnotfitintothesixtyfourcharact_7",
            "AVeryLongTestClassNameThatWouldNotFitIntoTheSixtyFourCharacterLimit, 12345, t_averylongtestclassnamethatwouldnotfitintothesixtyfourcha_12345",
    })
    void namesTheDatabaseOfATestClass(String simpleClassName, int number, String expected) {
        String name = DatabaseNames.forTestClass(simpleClassName, number);

        assertThat(name).isEqualTo(expected).hasSizeLessThanOrEqualTo(64).matches("[a-z0-9_]+");
    }

    @ParameterizedTest(name = "{0} + {1} (attempt {2}) -> {3}")
    @CsvSource({
            "t_cutovertest_3, target,     1, t_cutovertest_3_target",
            "t_cutovertest_3, target,     2, t_cutovertest_3_target_2",
            "t_cutovertest_3, 'Other DB', 1, t_cutovertest_3_other_db",
            "t_cutovertest_3, AVeryVeryVeryVeryLongSuffixName, 1, t_cutovertest_3_averyveryveryverylon",
            "t_averylongtestclassnamethatwouldnotfitintothesixtyfourcharact_7, target, 1, t_averylongtestclassnamethatwouldnotfitintothesixtyfourch_target",
            "t_averylongtestclassnamethatwouldnotfitintothesixtyfourcharact_7, target, 3, t_averylongtestclassnamethatwouldnotfitintothesixtyfour_target_3",
    })
    void namesSiblings(String databaseName, String suffix, int attempt, String expected) {
        assertThat(DatabaseNames.sibling(databaseName, suffix, attempt)).isEqualTo(expected).hasSizeLessThanOrEqualTo(64);
    }

    @ParameterizedTest
    @CsvSource({"''", "'  '", "'--'", "'ÄÖ'"})
    void refusesASuffixWithoutLettersOrDigits(String suffix) {
        assertThatThrownBy(() -> DatabaseNames.sibling("t_x_1", suffix, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a suffix of letters or digits");
    }

    @ParameterizedTest
    @CsvSource({
            "Simple,          simple",
            "__lead_trail__,  lead_trail",
            "a--b..c,         a_b_c",
            "MixedCase42,     mixedcase42",
    })
    void sanitizes(String text, String expected) {
        assertThat(DatabaseNames.sanitize(text)).isEqualTo(expected);
    }
}
