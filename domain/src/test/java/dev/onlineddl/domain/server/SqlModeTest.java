package dev.onlineddl.domain.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlModeTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION | STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION
            NO_ZERO_DATE                                                                                  | ''
            NO_ZERO_IN_DATE,NO_ZERO_DATE                                                                  | ''
            STRICT_ALL_TABLES                                                                             | STRICT_ALL_TABLES
            ''                                                                                            | ''
            NULL                                                                                          | ''
            no_zero_date, ansi_quotes ,,                                                                  | ANSI_QUOTES
            NO_ZERO_DATES_EXTENDED,NO_ZERO_DATE                                                           | NO_ZERO_DATES_EXTENDED
            """)
    void removesExactlyTheZeroDateChecks(String current, String expected) {
        assertThat(SqlMode.parse(current).withoutZeroDateChecks().text()).isEqualTo(expected);
    }

    @Test
    void keepsTheServersOrderAndAnswersMembership() {
        SqlMode mode = SqlMode.parse("ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_DATE");

        assertThat(mode.modes()).containsExactly("ONLY_FULL_GROUP_BY", "STRICT_TRANS_TABLES", "NO_ZERO_DATE");
        assertThat(mode.contains("no_zero_date")).isTrue();
        assertThat(mode.withoutZeroDateChecks().contains("NO_ZERO_DATE")).isFalse();
        assertThat(mode).hasToString("ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_DATE");
        assertThat(new SqlMode(List.of())).isEqualTo(SqlMode.parse(""));
    }
}
