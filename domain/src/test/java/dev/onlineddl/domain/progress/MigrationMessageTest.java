package dev.onlineddl.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.Migration;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationMessageTest {

    private static final int LIMIT = 16383;
    private static final String E_ACUTE = "\u00e9"; // 2 bytes
    private static final String EURO = "\u20ac"; // 3 bytes
    private static final String GRINNING = "\uD83D\uDE00"; // 4 bytes, a surrogate pair
    private static final String REPLACEMENT = "\uFFFD";

    @Test
    void theLimitIsTheColumnsAndTheFallbackIsVitessText() {
        assertThat(MigrationMessage.MAX_BYTES).isEqualTo(LIMIT).isEqualTo(Migration.MAX_MESSAGE_BYTES);
        assertThat(MigrationMessage.UPDATE_FAILED_FALLBACK)
                .isEqualTo("unable to update with original migration error message");
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of(null, ""),
                Arguments.of("", ""),
                Arguments.of("table t not found", "table t not found"),
                Arguments.of("a".repeat(LIMIT), "a".repeat(LIMIT)),
                Arguments.of("a".repeat(LIMIT + 1), "a".repeat(LIMIT)),
                Arguments.of("a".repeat(100_000), "a".repeat(LIMIT)),
                // 8192 two-byte characters are 16384 bytes: the last one does not fit whole.
                Arguments.of(E_ACUTE.repeat(8192), E_ACUTE.repeat(8191)),
                Arguments.of(EURO.repeat(5461), EURO.repeat(5461)),
                Arguments.of(EURO.repeat(5462), EURO.repeat(5461)),
                Arguments.of(GRINNING.repeat(4096), GRINNING.repeat(4095)),
                Arguments.of("a".repeat(LIMIT - 1) + E_ACUTE, "a".repeat(LIMIT - 1)),
                Arguments.of("a".repeat(LIMIT - 2) + E_ACUTE, "a".repeat(LIMIT - 2) + E_ACUTE),
                Arguments.of("a".repeat(LIMIT - 3) + GRINNING, "a".repeat(LIMIT - 3)),
                Arguments.of("a".repeat(LIMIT - 4) + GRINNING + "b", "a".repeat(LIMIT - 4) + GRINNING),
                Arguments.of("a\uD800b", "a" + REPLACEMENT + "b"),
                Arguments.of("a\uDC00b", "a" + REPLACEMENT + "b"),
                Arguments.of("a\uDC00\uD800b", "a" + REPLACEMENT + "b"),
                Arguments.of("\uDE00\uD83D", REPLACEMENT),
                Arguments.of("x\uD83D", "x" + REPLACEMENT),
                Arguments.of(REPLACEMENT + "\uD800", REPLACEMENT + REPLACEMENT),
                Arguments.of("\uD800a\uD800", REPLACEMENT + "a" + REPLACEMENT),
                // U+1D800: its low surrogate's value cast to a char looks like a lone surrogate; it is not one.
                Arguments.of("\uD836\uDC00", "\uD836\uDC00"),
                Arguments.of("caf" + E_ACUTE + " " + GRINNING, "caf" + E_ACUTE + " " + GRINNING),
                Arguments.of("a".repeat(LIMIT - 2) + "\uD800", "a".repeat(LIMIT - 2)));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("strings")
    void keepsWholeValidCharactersUpToTheLimit(String message, String expected) {
        String truncated = MigrationMessage.truncate(message);

        assertThat(truncated).isEqualTo(expected);
        assertFitsTheColumn(truncated);
    }

    static Stream<Arguments> byteInputs() {
        return Stream.of(
                Arguments.of(null, ""),
                Arguments.of(new byte[0], ""),
                Arguments.of("h\u00e9llo".getBytes(StandardCharsets.UTF_8), "h\u00e9llo"),
                Arguments.of(GRINNING.getBytes(StandardCharsets.UTF_8), GRINNING),
                Arguments.of(bytes(0x61, 0xFF, 0x62), "a" + REPLACEMENT + "b"),
                Arguments.of(bytes(0x61, 0xFF, 0xFE, 0x80, 0x62), "a" + REPLACEMENT + "b"),
                Arguments.of(bytes(0xE2, 0x82), REPLACEMENT),
                Arguments.of(bytes(0xE2, 0x82, 0x61), REPLACEMENT + "a"),
                Arguments.of(bytes(0xC0, 0x80), REPLACEMENT),
                Arguments.of(bytes(0xED, 0xA0, 0x80), REPLACEMENT),
                Arguments.of(bytes(0xF4, 0x90, 0x80, 0x80), REPLACEMENT),
                Arguments.of(bytes(0x80, 0x61, 0x80), REPLACEMENT + "a" + REPLACEMENT),
                Arguments.of(bytes(0xEF, 0xBF, 0xBD, 0xFF), REPLACEMENT + REPLACEMENT),
                Arguments.of("a".repeat(20_000).getBytes(StandardCharsets.UTF_8), "a".repeat(LIMIT)));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("byteInputs")
    void decodesBytesWithEachRunOfInvalidUtf8AsOneReplacement(byte[] utf8, String expected) {
        String truncated = MigrationMessage.truncate(utf8);

        assertThat(truncated).isEqualTo(expected);
        assertFitsTheColumn(truncated);
    }

    @Test
    void invalidBytesBeyondTheLimitCannotPushItOver() {
        // Vitess cuts bytes first and then replaces each bad byte run with 3 bytes; we never exceed the limit.
        byte[] input = new byte[LIMIT * 2];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i % 2 == 0 ? 0xFF : 0x61);
        }
        String truncated = MigrationMessage.truncate(input);

        assertThat(truncated).startsWith(REPLACEMENT + "a" + REPLACEMENT + "a");
        assertFitsTheColumn(truncated);
        assertThat(truncated.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(LIMIT - 4);
    }

    private static void assertFitsTheColumn(String text) {
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        assertThat(encoded.length).isLessThanOrEqualTo(LIMIT);
        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
