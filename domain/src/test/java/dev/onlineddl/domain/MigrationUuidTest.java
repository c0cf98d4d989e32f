package dev.onlineddl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationUuidTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a",
            "00000000_0000_0000_0000_000000000000",
            "ffffffff_ffff_ffff_ffff_ffffffffffff",
            // Vitess's class [0-f] is the ASCII range '0'..'f': these odd ones are valid too.
            "A0638F6B_EC7B_11EA_9BF8_000D3A9B8A9A",
            "::::::::_;;;;_<<<<_====_>>>>>>>>????",
            "@@@@@@@@_ZZZZ_[[[[_]]]]_^^^^^^``````",
            "\\\\\\\\\\\\\\\\_0000_0000_0000_000000000000",
            "____________________________________",
            "GHIJKLMN_OPQR_STUV_WXYZ_abcdefABCDEF"})
    void acceptsWhatVitessAccepts(String text) {
        assertThat(MigrationUuid.isValid(text)).isTrue();
        assertThat(MigrationUuid.parse(text).value()).isEqualTo(text);
        assertThat(new MigrationUuid(text)).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "g0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a",
            "a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9g",
            "a0638f6b-ec7b-11ea-9bf8-000d3a9b8a9a",
            "a0638f6bec7b11ea9bf8000d3a9b8a9a",
            "a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9",
            "a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9aa",
            "a0638f6_bec7b_11ea_9bf8_000d3a9b8a9a",
            "a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a\n",
            " a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a",
            "a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a ",
            "/0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a",
            "~0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a",
            "\u00e90638f6b_ec7b_11ea_9bf8_000d3a9b8a9a",
            "a0638f6b ec7b 11ea 9bf8 000d3a9b8a9a"})
    void rejectsEverythingElse(String text) {
        assertThat(MigrationUuid.isValid(text)).isFalse();
        assertThatThrownBy(() -> MigrationUuid.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid migration UUID '" + text
                        + "': expected the online DDL format xxxxxxxx_xxxx_xxxx_xxxx_xxxxxxxxxxxx (hex digits and underscores)");
    }

    @Test
    void nullIsNoUuid() {
        assertThat(MigrationUuid.isValid(null)).isFalse();
        assertThatThrownBy(() -> MigrationUuid.parse(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid migration UUID: none given");
        assertThatNullPointerException().isThrownBy(() -> new MigrationUuid(null));
    }

    @ParameterizedTest
    @CsvSource({
            "1, 2020-09-01T10:15:30.123456700Z",
            "2, 1970-01-01T00:00:00Z",
            "3, 2038-01-19T03:14:08Z",
            "4, 1582-10-15T00:00:00Z",
            "5, 2100-12-31T23:59:59.999999900Z",
            "6, 2024-02-29T12:00:00.000000100Z",
            "7, 2024-06-01T00:00:00Z",
            "8, 2099-01-01T00:00:00Z"})
    void generatesVersionOneUuidsThatEncodeTheTime(long seed, String time) {
        Instant now = Instant.parse(time);
        MigrationUuid uuid = MigrationUuid.generate(now, new SplittableRandom(seed));
        String text = uuid.value();

        assertThat(MigrationUuid.isValid(text)).isTrue();
        assertThat(text).matches("[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}");
        assertThat(text.charAt(14)).as("version nibble").isEqualTo('1');
        assertThat(Integer.parseInt(text.substring(19, 20), 16) >> 2).as("variant bits 10").isEqualTo(0b10);
        assertThat(Integer.parseInt(text.substring(24, 26), 16) & 1).as("multicast bit of a random node").isEqualTo(1);
        assertThat(decodeTime(text)).isEqualTo(now);
    }

    @Test
    void extremesOfTheRandomPartsStayInFormat() {
        RandomGenerator allOnes = () -> -1L;
        RandomGenerator allZeros = () -> 0L;
        Instant now = Instant.parse("2021-01-01T00:00:00Z");

        assertThat(MigrationUuid.generate(now, allOnes).value()).endsWith("_bfff_ffffffffffff");
        assertThat(MigrationUuid.generate(now, allZeros).value()).endsWith("_8000_010000000000");
    }

    @Test
    void differentTimesAndDrawsGiveDifferentUuids() {
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        Set<MigrationUuid> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(MigrationUuid.generate(start.plusNanos(100L * (i / 10)), random));
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void gcFormDropsTheUnderscores() {
        MigrationUuid uuid = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
        assertThat(uuid.gcForm()).isEqualTo("a0638f6bec7b11ea9bf8000d3a9b8a9a").hasSize(32);
    }

    @Test
    void ordersByText() {
        MigrationUuid low = MigrationUuid.parse("00000000_0000_1000_8000_000000000000");
        MigrationUuid high = MigrationUuid.parse("ffffffff_0000_1000_8000_000000000000");
        assertThat(low.compareTo(high)).isNegative();
        assertThat(high.compareTo(low)).isPositive();
        assertThat(low.compareTo(MigrationUuid.parse(low.value()))).isZero();
        assertThat(low).isEqualTo(MigrationUuid.parse("00000000_0000_1000_8000_000000000000"));
    }

    /** Reads the 60-bit count of 100 ns since 1582-10-15 back out of the text (RFC 4122 field layout). */
    private static Instant decodeTime(String text) {
        long timeLow = Long.parseLong(text.substring(0, 8), 16);
        long timeMid = Long.parseLong(text.substring(9, 13), 16);
        long timeHigh = Long.parseLong(text.substring(15, 18), 16);
        long ticks = (timeHigh << 48) | (timeMid << 32) | timeLow;
        Instant gregorianReform = Instant.parse("1582-10-15T00:00:00Z");
        return gregorianReform.plus(Duration.ofNanos(ticks % 10_000_000L * 100)).plusSeconds(ticks / 10_000_000L);
    }
}
