package dev.onlineddl.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors mostly from Go's own time package tests, plus the durations Vitess users write. */
class GoDurationTest {

    private static final long NS = 1;
    private static final long US = 1_000 * NS;
    private static final long MS = 1_000 * US;
    private static final long S = 1_000 * MS;
    private static final long M = 60 * S;
    private static final long H = 60 * M;

    static Stream<Arguments> parsable() {
        return Stream.of(
                Arguments.of("0", 0L),
                Arguments.of("+0", 0L),
                Arguments.of("-0", 0L),
                Arguments.of("-0s", 0L),
                Arguments.of("5s", 5 * S),
                Arguments.of("30s", 30 * S),
                Arguments.of("1478s", 1478 * S),
                Arguments.of("-5s", -5 * S),
                Arguments.of("+5s", 5 * S),
                Arguments.of("5.6s", 5 * S + 600 * MS),
                Arguments.of("5.s", 5 * S),
                Arguments.of(".5s", 500 * MS),
                Arguments.of("1.0s", S),
                Arguments.of("1.00s", S),
                Arguments.of("1.004s", S + 4 * MS),
                Arguments.of("1.0040s", S + 4 * MS),
                Arguments.of("100.00100s", 100 * S + MS),
                Arguments.of("10ns", 10 * NS),
                Arguments.of("11us", 11 * US),
                Arguments.of("12\u00b5s", 12 * US),
                Arguments.of("12\u03bcs", 12 * US),
                Arguments.of("13ms", 13 * MS),
                Arguments.of("14s", 14 * S),
                Arguments.of("15m", 15 * M),
                Arguments.of("16h", 16 * H),
                Arguments.of("3h30m", 3 * H + 30 * M),
                Arguments.of("10.5s4m", 4 * M + 10 * S + 500 * MS),
                Arguments.of("-2m3.4s", -(2 * M + 3 * S + 400 * MS)),
                Arguments.of("1h2m3s4ms5us6ns", H + 2 * M + 3 * S + 4 * MS + 5 * US + 6 * NS),
                Arguments.of("39h9m14.425s", 39 * H + 9 * M + 14 * S + 425 * MS),
                Arguments.of("52763797000ns", 52763797000L),
                Arguments.of("0.3333333333333333333h", 20 * M),
                Arguments.of("9007199254740993ns", (1L << 53) + 1),
                Arguments.of("9223372036854775807ns", Long.MAX_VALUE),
                Arguments.of("9223372036854775.807us", Long.MAX_VALUE),
                Arguments.of("9223372036s854ms775us807ns", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808ns", Long.MIN_VALUE),
                Arguments.of("-9223372036854775.808us", Long.MIN_VALUE),
                Arguments.of("-9223372036s854ms775us808ns", Long.MIN_VALUE),
                Arguments.of("-2562047h47m16.854775808s", Long.MIN_VALUE),
                Arguments.of("0.100000000000000000000h", 6 * M),
                Arguments.of("0.830103483285477580700h", 49 * M + 48 * S + 372539827 * NS),
                Arguments.of("0.9223372036854775808s", 922337203 * NS),
                // 2^63 + 1 does not fit the fraction accumulator: Go stops before the last digit.
                Arguments.of("0.9223372036854775809s", 922337203 * NS),
                Arguments.of("9223372036.854775807s", Long.MAX_VALUE),
                Arguments.of("1s1s", 2 * S),
                Arguments.of("24h", 24 * H),
                Arguments.of("1h30m", H + 30 * M),
                Arguments.of("90s", 90 * S),
                Arguments.of("100ms", 100 * MS),
                Arguments.of("2.5h", 2 * H + 30 * M),
                Arguments.of("876000h", 876000 * H));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("parsable")
    void parsesLikeGo(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "3", "-", "+", "s", ".", "-.", ".s", "+.s", "1d", "1H", "1hh", "1 h", " 1h", "1h ",
            "forever", "\u0085\u0085", "\u00ffff", "hello \u00ffff world", "1.5.5s", "5m1", "--5s", "-+5s",
            "9223372036854775808ns", "9223372036854775810ns", "-9223372036854775809ns",
            "9223372036854775.808us", "9223372036.854775808s", "9223372036.854775809s",
            "-9223372036.854775809s", "3000000h", "2562048h", "99999999999999999999ns",
            "9223372036854775808ns9223372036854775808ns", "9223372036854775807ns1ns",
            "1ns2562047h47m16.854775807s", "1e3s", "0x10s"})
    void rejectsWhatGoRejects(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse(text))
                .withMessageStartingWith("invalid duration '" + text + "'");
    }

    static Stream<Arguments> formatted() {
        return Stream.of(
                Arguments.of(0L, "0s"),
                Arguments.of(1 * NS, "1ns"),
                Arguments.of(999 * NS, "999ns"),
                Arguments.of(1 * US, "1\u00b5s"),
                Arguments.of(1100 * NS, "1.1\u00b5s"),
                Arguments.of(1 * MS, "1ms"),
                Arguments.of(2200 * US, "2.2ms"),
                Arguments.of(100 * MS, "100ms"),
                Arguments.of(1 * S, "1s"),
                Arguments.of(3300 * MS, "3.3s"),
                Arguments.of(4 * M + 5 * S, "4m5s"),
                Arguments.of(4 * M + 5001 * MS, "4m5.001s"),
                Arguments.of(5 * H + 6 * M + 7001 * MS, "5h6m7.001s"),
                Arguments.of(8 * M + 1 * NS, "8m0.000000001s"),
                Arguments.of(M, "1m0s"),
                Arguments.of(90 * S, "1m30s"),
                Arguments.of(H, "1h0m0s"),
                Arguments.of(24 * H, "24h0m0s"),
                Arguments.of(2 * H + 30 * M, "2h30m0s"),
                Arguments.of(876000 * H, "876000h0m0s"),
                Arguments.of(Long.MAX_VALUE, "2562047h47m16.854775807s"),
                Arguments.of(Long.MIN_VALUE, "-2562047h47m16.854775808s"),
                Arguments.of(-1 * NS, "-1ns"),
                Arguments.of(-1100 * US, "-1.1ms"),
                Arguments.of(-H, "-1h0m0s"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("formatted")
    void formatsLikeGo(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("formatted")
    void formattedTextParsesBack(long nanos, String text) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    static Stream<Duration> outOfGoRange() {
        return Stream.of(GoDuration.MAX.plusNanos(1), GoDuration.MIN.minusNanos(1), Duration.ofDays(365L * 300),
                Duration.ofDays(-365L * 300));
    }

    @ParameterizedTest
    @MethodSource("outOfGoRange")
    void cannotFormatWhatGoCannotHold(Duration duration) {
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.format(duration))
                .withMessageContaining("out of Go's range");
    }
}
