package dev.onlineddl.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleCheck;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleSource;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.out.Throttler.ThrottledApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InMemoryThrottlerTest {

    private static final MigrationUuid MIGRATION = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final ThrottleTarget ONE = ThrottleTarget.migration(MIGRATION);

    private final MovableClock clock = new MovableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private final InMemoryThrottler throttler = new InMemoryThrottler(clock, new SplittableRandom(7));

    @Test
    void aThrottledAppIsListedUntilItExpires() {
        throttler.throttle(new ThrottleRequest(ONE, Duration.ofMinutes(5), 0.5));

        assertThat(throttler.throttledApps()).containsExactly(
                new ThrottledApp(MIGRATION.value(), Instant.parse("2024-05-01T10:05:00Z"), 0.5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttler.throttledApps()).isEmpty();
        assertThat(throttler.shouldThrottle(MIGRATION.value())).isFalse();
    }

    @Test
    void throttlingAllOnlineDdlHoldsBackEveryMigrationButNotTheOtherWayRound() {
        throttler.throttle(ThrottleRequest.fully(ThrottleTarget.allMigrations()));

        assertThat(throttler.shouldThrottle(MIGRATION.value())).isTrue();
        assertThat(throttler.shouldThrottle(ThrottleTarget.ONLINE_DDL_APP)).isTrue();

        throttler.unthrottle(ThrottleTarget.allMigrations());
        throttler.throttle(ThrottleRequest.fully(ONE));
        assertThat(throttler.shouldThrottle(ThrottleTarget.ONLINE_DDL_APP)).isFalse();
        assertThat(throttler.shouldThrottle(MIGRATION.value())).isTrue();
    }

    @Test
    void aThrottledCheckNamesTheAppThatHeldItBackAndItsRatio() {
        assertThat(throttler.check(MIGRATION.value())).isEqualTo(ThrottleCheck.allowed());

        throttler.throttle(ThrottleRequest.fully(ThrottleTarget.allMigrations()));
        assertThat(throttler.check(MIGRATION.value())).isEqualTo(
                new ThrottleCheck.Throttled("ratio", new ThrottleSource.App(ThrottleTarget.ONLINE_DDL_APP), 1.0, 0.0));

        throttler.throttle(ThrottleRequest.fully(ONE));
        assertThat(throttler.check(MIGRATION.value())).isEqualTo(
                new ThrottleCheck.Throttled("ratio", new ThrottleSource.App(MIGRATION.value()), 1.0, 0.0));
    }

    @Test
    void theDefaultHundredYearExpiryDoesNotOverflow() {
        throttler.throttle(ThrottleRequest.fully(ONE));

        assertThat(throttler.throttledApp(MIGRATION.value())).get()
                .extracting(ThrottledApp::expiresAt).isEqualTo(Instant.parse("2124-04-07T10:00:00Z"));
    }

    @ParameterizedTest(name = "ratio {0}: between {1} and {2} of 1000 checks throttled")
    @CsvSource({"0.0, 0, 0", "1.0, 1000, 1000", "0.5, 400, 600", "0.1, 50, 150"})
    void aRatioThrottlesThatShareOfChecks(double ratio, int atLeast, int atMost) {
        throttler.throttle(new ThrottleRequest(ONE, Duration.ofHours(1), ratio));

        long throttled = IntStream.range(0, 1000).filter(i -> throttler.shouldThrottle(MIGRATION.value())).count();

        assertThat(throttled).isBetween((long) atLeast, (long) atMost);
    }

    @Test
    void unthrottlingAnAppThatIsNotThrottledChangesNothing() {
        throttler.unthrottle(ONE);

        assertThat(throttler.throttledApps()).isEmpty();
    }

    /** A clock tests move by hand. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
