package dev.onlineddl.service.gc;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.gc.GcLifecycle;
import dev.onlineddl.domain.gc.TableGcPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableGcSettingsTest {

    @Test
    void defaultsAreVitesssLifecycleWithSmallBatches() {
        assertThat(TableGcSettings.DEFAULT.policy()).isEqualTo(TableGcPolicy.DEFAULT);
        assertThat(TableGcSettings.DEFAULT.purgeBatchSize()).isEqualTo(1000);
        assertThat(TableGcSettings.DEFAULT.purgeBatchesPerPass()).isEqualTo(100);
    }

    @Test
    void everySettingCanBeChangedAlone() {
        TableGcPolicy holdDrop = new TableGcPolicy(GcLifecycle.parse("hold,drop"), Duration.ofSeconds(5));
        TableGcSettings changed = TableGcSettings.DEFAULT.withPolicy(holdDrop).withPurgeBatchSize(50).withPurgeBatchesPerPass(3);
        assertThat(changed).isEqualTo(new TableGcSettings(holdDrop, 50, 3));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void batchesMustHoldRowsAndPassesMustPurge(int value) {
        assertThatThrownBy(() -> TableGcSettings.DEFAULT.withPurgeBatchSize(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("purge batch size is " + value);
        assertThatThrownBy(() -> TableGcSettings.DEFAULT.withPurgeBatchesPerPass(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("never be emptied");
    }
}
