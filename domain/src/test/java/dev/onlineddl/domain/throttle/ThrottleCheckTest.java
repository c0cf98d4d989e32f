package dev.onlineddl.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThrottleCheckTest {

    @Test
    void allowedIsNotThrottled() {
        assertThat(ThrottleCheck.allowed().isThrottled()).isFalse();
    }

    @Test
    void throttledNamesItsSourceMetricValueAndThreshold() {
        ThrottleCheck.Throttled byReplica = new ThrottleCheck.Throttled("lag", new ThrottleSource.Replica("db2:3306"), 3.5, 1.0);
        ThrottleCheck.Throttled byApp = new ThrottleCheck.Throttled("ratio", new ThrottleSource.App("online-ddl"), 1.0, 0.0);

        assertThat(byReplica.isThrottled()).isTrue();
        assertThat(byReplica.describe()).isEqualTo("throttled by replica db2:3306: lag 3.5 > 1.0");
        assertThat(byApp.describe()).isEqualTo("throttled by app online-ddl: ratio 1.0 > 0.0");
    }

    @Test
    void aThrottledAnswerNeedsAMetricAndASource() {
        assertThatThrownBy(() -> new ThrottleCheck.Throttled(" ", new ThrottleSource.App("x"), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottleCheck.Throttled("lag", null, 1, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ThrottleSource.Replica(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ThrottleSource.App(null)).isInstanceOf(NullPointerException.class);
    }
}
