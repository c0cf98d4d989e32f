package dev.onlineddl.app.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.app.json.JsonValue.JsonArray;
import dev.onlineddl.app.json.JsonValue.JsonNull;
import dev.onlineddl.app.json.JsonValue.JsonNumber;
import dev.onlineddl.app.json.JsonValue.JsonObject;
import dev.onlineddl.app.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    static Stream<Arguments> escapedStrings() {
        return Stream.of(
                Arguments.of("plain", "\"plain\""),
                Arguments.of("", "\"\""),
                Arguments.of("say \"hi\"", "\"say \\\"hi\\\"\""),
                Arguments.of("back\\slash", "\"back\\\\slash\""),
                Arguments.of("line\nfeed\r\ttab", "\"line\\nfeed\\r\\ttab\""),
                Arguments.of("\b\f", "\"\\b\\f\""),
                Arguments.of("nul\u0000 unit\u001f", "\"nul\\u0000 unit\\u001f\""),
                Arguments.of("del\u007f stays", "\"del\u007f stays\""),
                Arguments.of("ls\u2028ps\u2029", "\"ls\\u2028ps\\u2029\""),
                Arguments.of("caf\u00e9 \u6f22", "\"caf\u00e9 \u6f22\""),
                Arguments.of("emoji \ud83d\ude00", "\"emoji \ud83d\ude00\""),
                Arguments.of("lone high \ud83d!", "\"lone high \\ud83d!\""),
                Arguments.of("lone low \ude00", "\"lone low \\ude00\""),
                Arguments.of("slash / is fine", "\"slash / is fine\""),
                Arguments.of("ALTER TABLE `t` ADD c INT COMMENT 'x'", "\"ALTER TABLE `t` ADD c INT COMMENT 'x'\""));
    }

    @ParameterizedTest
    @MethodSource("escapedStrings")
    void writesStringsEscapedAndReadsThemBack(String text, String json) {
        assertThat(JsonValue.of(text).toJson()).isEqualTo(json);
        assertThat(JsonParser.parse(json)).isEqualTo(new JsonString(text));
    }

    @Test
    void everyCharacterOfTheBasicPlaneRoundTrips() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
        }
        String text = all.toString();
        assertThat(((JsonString) JsonParser.parse(JsonValue.of(text).toJson())).value()).isEqualTo(text);
    }

    @Test
    void writesObjectsInInsertionOrderWithNestedValues() {
        JsonObject object = JsonObject.builder()
                .put("z", "last letter")
                .put("a", 1)
                .put("progress", 12.5)
                .put("done", false)
                .put("none", JsonNull.INSTANCE)
                .put("list", JsonArray.ofStrings(List.of("x", "y")))
                .put("empty", JsonObject.builder().build())
                .build();

        assertThat(object.toJson()).isEqualTo(
                "{\"z\":\"last letter\",\"a\":1,\"progress\":12.5,\"done\":false,\"none\":null,"
                        + "\"list\":[\"x\",\"y\"],\"empty\":{}}");
        assertThat(JsonParser.parse(object.toJson())).isEqualTo(object);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0",
            "-0|0",
            "42|42",
            "-17|-17",
            "12.50|12.50",
            "1e3|1E+3",
            "2.5E-2|0.025",
            "9223372036854775807|9223372036854775807",
            "123456789012345678901234567890|123456789012345678901234567890"})
    void readsNumbers(String json, String expected) {
        assertThat(JsonParser.parse(json)).isEqualTo(new JsonNumber(new BigDecimal(expected)));
    }

    @Test
    void writesDoublesAndLongs() {
        assertThat(JsonValue.of(100.0).toJson()).isEqualTo("100.0");
        assertThat(JsonValue.of(0.1).toJson()).isEqualTo("0.1");
        assertThat(JsonValue.of(Long.MIN_VALUE).toJson()).isEqualTo("-9223372036854775808");
        assertThatThrownBy(() -> JsonValue.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.of(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsWhitespaceAroundEverything() {
        JsonObject object = JsonParser.parseObject(" {\n\t\"sql\" : \"ALTER\" ,\r\n \"shards\" : [ \"a\" , \"b\" ] } ");
        assertThat(object.requiredString("sql")).isEqualTo("ALTER");
        assertThat(object.strings("shards")).containsExactly("a", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":1}{",
            "'single'",
            "\"unterminated",
            "\"bad escape \\x\"",
            "\"short \\u12\"",
            "\"bad hex \\u12g4\"",
            "\"raw\nnewline\"",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "+1",
            "1e99999999999",
            "tru",
            "nul",
            "True",
            "NaN",
            "[1 2]",
            "{\"a\":1,\"a\":2}",
            "// comment\n1"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> JsonParser.parse(text))
                .isInstanceOf(JsonException.class)
                .hasMessageStartingWith("invalid JSON at offset ");
    }

    @Test
    void limitsNesting() {
        String deepButAllowed = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertThat(JsonParser.parse(deepButAllowed)).isInstanceOf(JsonArray.class);

        String tooDeep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonParser.parse(tooDeep)).hasMessageContaining("nested deeper than 64");
        String hostile = "[".repeat(100_000);
        assertThatThrownBy(() -> JsonParser.parse(hostile)).isInstanceOf(JsonException.class);
    }

    @Test
    void objectAccessorsCheckTypes() {
        JsonObject object = JsonParser.parseObject(
                "{\"s\":\"text\",\"n\":5,\"f\":1.5,\"nul\":null,\"list\":[1],\"flag\":true}");

        assertThat(object.string("s")).contains("text");
        assertThat(object.string("nul")).isEmpty();
        assertThat(object.string("missing")).isEmpty();
        assertThat(object.number("n")).contains(5L);
        assertThat(object.strings("missing")).isEmpty();
        assertThatThrownBy(() -> object.string("n")).isInstanceOf(JsonException.class).hasMessage("'n' must be a string");
        assertThatThrownBy(() -> object.number("f")).isInstanceOf(JsonException.class).hasMessage("expected a whole number, got 1.5");
        assertThatThrownBy(() -> object.number("s")).isInstanceOf(JsonException.class).hasMessage("'s' must be a number");
        assertThatThrownBy(() -> object.strings("list")).isInstanceOf(JsonException.class).hasMessage("'list' must be an array of strings");
        assertThatThrownBy(() -> object.requiredString("missing")).isInstanceOf(JsonException.class).hasMessage("'missing' is missing");
        assertThatThrownBy(() -> JsonParser.parseObject("[1]")).isInstanceOf(JsonException.class).hasMessage("expected a JSON object");
    }
}
