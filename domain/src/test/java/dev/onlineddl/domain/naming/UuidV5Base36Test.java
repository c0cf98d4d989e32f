package dev.onlineddl.domain.naming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class UuidV5Base36Test {

    @Test
    void matchesTheUpstreamTestVector() {
        assertThat(UuidV5Base36.of("abc", "def")).isEqualTo("53qgoh2c0taw2uj43j5a0f0ul");
    }

    /**
     * The SHA-256 digests were computed once with Python's hashlib over 16 zero bytes followed by
     * the UTF-8 of the joined arguments; the expected text is derived from them here, step by step
     * as the javadoc of UuidV5Base36 describes, so the test does not reuse the production code path.
     */
    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(new String[] {"abc", "def"}, "5635610eda9f85bc13afede08b522a0d6a93f2a37b75173d97a7d6c465c30ba1"),
                Arguments.of(new String[] {}, "374708fff7719dd5979ec875d56cd2286f6d3cf7ec317a3b25632aab28ec37bb"),
                Arguments.of(new String[] {"x"}, "e333416381d46a5a03dd56f28c2bc537787fb707b7b818450b9fe022ad03a683"),
                Arguments.of(new String[] {"naïve", "日本"}, "20e66b27e62bf5866264b7af373b2607a6d495c7e43fb28db01f5a42a49668cc"),
                // its base-36 form has 24 digits, so it needs padding
                Arguments.of(new String[] {"pad-11"}, "0218faceb44e580a742637dba779e0939a768513c9964311c98d129faa684eac"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void derivesFromTheSha256OfTheNilNamespaceAndTheJoinedArguments(String[] args, String sha256Hex) {
        assertThat(UuidV5Base36.of(args)).isEqualTo(expectedFromDigest(sha256Hex)).hasSize(25);
    }

    @Test
    void padsShortValuesWithLeadingZeros() {
        assertThat(UuidV5Base36.of("pad-11")).isEqualTo("04gxtgnu1v6wtlvkxxy9gc6mr");
    }

    @Test
    void argumentBoundariesMatter() {
        assertThat(UuidV5Base36.of("ab", "c")).isNotEqualTo(UuidV5Base36.of("a", "bc"));
        assertThat(UuidV5Base36.of("a\nb")).isEqualTo(UuidV5Base36.of("a", "b"));
    }

    private static String expectedFromDigest(String sha256Hex) {
        byte[] first16 = HexFormat.of().parseHex(sha256Hex.substring(0, 32));
        first16[6] = (byte) ((first16[6] & 0x0F) | 0x50);
        first16[8] = (byte) ((first16[8] & 0x3F) | 0x80);
        StringBuilder text = new StringBuilder(new BigInteger(1, first16).toString(36));
        while (text.length() < 25) {
            text.insert(0, '0');
        }
        return text.toString();
    }
}
