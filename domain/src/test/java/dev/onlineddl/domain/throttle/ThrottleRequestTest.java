package dev.onlineddl.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThrottleRequestTest {

    private static final MigrationUuid UUID = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final ThrottleTarget ONE = ThrottleTarget.migration(UUID);
    private static final ThrottleTarget ALL = ThrottleTarget.allMigrations();

    private static String expireMessage(String value) {
        return "invalid EXPIRE value: " + value + ". Try '120s', '30m', '1h', etc. Allowed units are (s)ec, (m)in, (h)hour";
    }

    private static String ratioMessage(String value) {
        return "invalid RATIO value: " + value
                + ". Try any decimal number between '0.0' (no throttle) and `1.0` (fully throttled)";
    }

    @Test
    void withoutClausesThrottlingIsFullAndLastsAHundredYears() {
        ThrottleRequest request = ThrottleRequest.parse(ONE, null, null);

        assertThat(request.expire()).isEqualTo(Duration.ofDays(36_500));
        assertThat(request.expireText()).isEqualTo("876000h0m0s");
        assertThat(request.ratio()).isEqualTo(1.0);
        assertThat(request).isEqualTo(ThrottleRequest.fully(ONE));
        assertThat(ThrottleRequest.parse(ONE, "", null)).isEqualTo(request);
    }

    @ParameterizedTest
    @CsvSource({
            "24h, 86400000",
            "1h30m, 5400000",
            "90s, 90000",
            "100ms, 100",
            "2.5h, 9000000",
            "0, 0",
            "0s, 0",
            "-0s, 0",
            "120s, 120000"})
    void expireTakesGoDurations(String expire, long millis) {
        assertThat(ThrottleRequest.parse(ALL, expire, null).expire()).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"forever", "-1h", "-1ns", "1d", "abc", "1 h", "10", "9223372036854775808ns", " 1h"})
    void badExpireIsRejectedWithVitessMessage(String expire) {
        assertThatThrownBy(() -> ThrottleRequest.parse(ONE, expire, "0.5"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(expireMessage(expire));
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0.0",
            "0.0, 0.0",
            "1, 1.0",
            "1.0, 1.0",
            "0.5, 0.5",
            ".5, 0.5",
            "1., 1.0",
            "5e-1, 0.5",
            "1E0, 1.0",
            "+0.25, 0.25",
            "0.999999, 0.999999",
            "1.0000000000000000001, 1.0"})
    void ratioTakesDecimalsFromZeroToOne(String ratio, double expected) {
        assertThat(ThrottleRequest.parse(ONE, null, ratio).ratio()).isEqualTo(expected);
    }

    @Test
    void negativeZeroRatioIsZero() {
        assertThat(ThrottleRequest.parse(ONE, null, "-0").ratio()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "2", "1.0001", "abc", "NaN", "Infinity", "-Infinity", "0x1p-1", "1d",
            "0.5f", "", " 0.5", "0.5 ", "1e1", "1e", ".", "'0.5'"})
    void badRatioIsRejectedWithVitessMessage(String ratio) {
        assertThatThrownBy(() -> ThrottleRequest.parse(ALL, "1h", ratio))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(ratioMessage(ratio));
    }

    @Test
    void theTargetNamesTheThrottlerApp() {
        assertThat(ThrottleRequest.fully(ONE).appName()).isEqualTo("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
        assertThat(ThrottleRequest.fully(ALL).appName()).isEqualTo("online-ddl").isEqualTo(ThrottleTarget.ONLINE_DDL_APP);
        assertThat(ONE).isEqualTo(new ThrottleTarget.OneMigration(UUID));
        assertThat(ALL).isSameAs(ThrottleTarget.AllMigrations.INSTANCE);
        assertThatNullPointerException().isThrownBy(() -> ThrottleTarget.migration(null));
    }

    @Test
    void expiresThatLongAfterItIsApplied() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(ThrottleRequest.parse(ONE, "1h30m", "0.5").expiresAt(now)).isEqualTo(Instant.parse("2024-01-01T01:30:00Z"));
        assertThat(ThrottleRequest.fully(ONE).expiresAt(now)).isEqualTo(now.plus(Duration.ofDays(36_500)));
    }

    @Test
    void theConstructorValidatesToo() {
        assertThat(new ThrottleRequest(ONE, Duration.ofMinutes(5), 0.25).expireText()).isEqualTo("5m0s");
        assertThatThrownBy(() -> new ThrottleRequest(ONE, Duration.ofHours(-1), 0.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(expireMessage("-1h0m0s"));
        assertThatThrownBy(() -> new ThrottleRequest(ONE, Duration.ofDays(-365L * 300), 0.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(expireMessage("PT-2628000H"));
        assertThatThrownBy(() -> new ThrottleRequest(ONE, GoDuration.MAX.plusNanos(1), 0.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("invalid EXPIRE value: PT2562047H47M16.854775808S.");
        assertThatThrownBy(() -> new ThrottleRequest(ONE, Duration.ofHours(1), 1.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(ratioMessage("1.5"));
        assertThatThrownBy(() -> new ThrottleRequest(ONE, Duration.ofHours(1), -0.5))
                .hasMessage(ratioMessage("-0.5"));
        assertThatThrownBy(() -> new ThrottleRequest(ONE, Duration.ofHours(1), Double.NaN))
                .hasMessage(ratioMessage("NaN"));
        assertThatNullPointerException().isThrownBy(() -> new ThrottleRequest(null, Duration.ZERO, 1));
        assertThatNullPointerException().isThrownBy(() -> new ThrottleRequest(ONE, null, 1));
    }
}
