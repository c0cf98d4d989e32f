package dev.onlineddl.adapter.vreplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.spi.StrategySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    private static EngineSettings from(Map<String, String> settings) {
        return EngineSettings.from(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void unsetSettingsKeepTheDefaults() {
        assertThat(from(Map.of())).isEqualTo(EngineSettings.DEFAULTS);
    }

    @Test
    void readsDurationsInShortAndIsoForm() {
        EngineSettings settings = from(Map.of(
                StrategySettings.VREPLICATION_CHUNK_TIME, "250ms",
                StrategySettings.VREPLICATION_READY_LAG, "PT2S",
                StrategySettings.VREPLICATION_CUT_OVER_LOCK_TIMEOUT, "7s",
                StrategySettings.VREPLICATION_CUT_OVER_BACKOFF, "2s",
                StrategySettings.VREPLICATION_CUT_OVER_BACKOFF_MAX, "1m"));

        assertThat(settings.chunkTime()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.readyLag()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.cutOverLockTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(settings.backoffAfter(30)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aValueThatIsNoDurationIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> from(Map.of(StrategySettings.VREPLICATION_READY_LAG, "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vreplication-ready-lag")
                .hasMessageContaining("250ms, 5s, 2m or PT5S");
        assertThatThrownBy(() -> from(Map.of(StrategySettings.VREPLICATION_CHUNK_TIME, "0ms")))
                .hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> from(Map.of(StrategySettings.VREPLICATION_CUT_OVER_BACKOFF, "10s",
                StrategySettings.VREPLICATION_CUT_OVER_BACKOFF_MAX, "5s")))
                .hasMessageContaining("make the cap at least the first pause");
    }
}
