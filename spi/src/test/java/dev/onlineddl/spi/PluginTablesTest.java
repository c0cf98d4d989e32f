package dev.onlineddl.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PluginTablesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "vreplication, flyway_vreplication_history",
        "gh-ost,       flyway_gh_ost_history",
        "slow_copy2,   flyway_slow_copy2_history",
    })
    void eachPluginHasAHistoryTableOfItsOwn(String plugin, String historyTable) {
        assertThat(PluginTables.historyTable(plugin)).isEqualTo(historyTable);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "GhOst", "1plugin", "my plugin", "a`b", "schema",
        "a-name-far-too-long-for-a-history-table-name"})
    void namesThatCannotNameAHistoryTableOrWouldShareTheCoresAreRefused(String plugin) {
        assertThatThrownBy(() -> PluginTables.historyTable(plugin)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + plugin + "'");
    }
}
