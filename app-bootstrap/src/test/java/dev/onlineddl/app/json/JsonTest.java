package dev.onlineddl.app.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strictness the API's JSON keeps with Jackson, and how it writes what users read. */
class JsonTest {

    static Stream<Arguments> escapedStrings() {
        return Stream.of(
                Arguments.of("plain", "\"plain\""),
                Arguments.of("say \"hi\"", "\"say \\\"hi\\\"\""),
                Arguments.of("back\\slash", "\"back\\\\slash\""),
                Arguments.of("line\nfeed\r\ttab", "\"line\\nfeed\\r\\ttab\""),
                Arguments.of("nul\u0000 unit\u001f", "\"nul\\u0000 unit\\u001F\""),
                Arguments.of("ls\u2028ps\u2029", "\"ls\\u2028ps\\u2029\""),
                Arguments.of("caf\u00e9 \u6f22 \ud83d\ude00", "\"caf\u00e9 \u6f22 \ud83d\ude00\""),
                Arguments.of("ALTER TABLE `t` ADD c INT COMMENT 'x'", "\"ALTER TABLE `t` ADD c INT COMMENT 'x'\""));
    }

    @ParameterizedTest
    @MethodSource("escapedStrings")
    void writesStringsEscapedAndReadsThemBack(String text, String json) {
        assertThat(Json.write(Json.object().put("s", text))).isEqualTo("{\"s\":" + json + "}");
        assertThat(Json.parse(json).textValue()).isEqualTo(text);
    }

    @Test
    void writesObjectsCompactlyInInsertionOrder() {
        ObjectNode object = Json.object().put("z", "last letter").put("a", 1).put("progress", 12.5).put("done", false)
                .putNull("none");
        object.set("list", Json.strings(List.of("x", "y")));
        object.set("empty", Json.object());

        assertThat(Json.write(object)).isEqualTo(
                "{\"z\":\"last letter\",\"a\":1,\"progress\":12.5,\"done\":false,\"none\":null,"
                        + "\"list\":[\"x\",\"y\"],\"empty\":{}}");
        assertThat(Json.parse(Json.write(object))).isEqualTo(Json.parse(Json.write(object)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "'single'", "\"unterminated",
            "\"bad escape \\x\"", "01", "-", "1.", ".5", "+1", "tru", "True", "NaN", "[1 2]", "// comment\n1",
            "{\"a\":1,\"a\":2}", "{\"a\":1}{", "{\"a\":1} trailing", "[1] 2"})
    void rejectsMalformedDuplicateAndTrailingText(String text) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(JsonException.class)
                .hasMessageStartingWith("invalid JSON at offset ");
    }

    @Test
    void namesTheOffsetAndTheDuplicate() {
        assertThatThrownBy(() -> Json.parse("not json")).hasMessageStartingWith("invalid JSON at offset 0: ");
        assertThatThrownBy(() -> Json.parse("{\"sql\":\"a\",\"sql\":\"b\"}")).hasMessageContaining("Duplicate field 'sql'");
        assertThatThrownBy(() -> Json.parse("")).hasMessage("invalid JSON at offset 0: no JSON value");
    }

    @Test
    void limitsNesting() {
        String deepButAllowed = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(deepButAllowed)).isInstanceOf(ArrayNode.class);

        String tooDeep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(tooDeep)).isInstanceOf(JsonException.class).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> Json.parse("[".repeat(100_000))).isInstanceOf(JsonException.class);
    }

    @Test
    void keepsNumbersAsWritten() {
        JsonNode ratio = Json.parse("0.1");
        assertThat(ratio.decimalValue().toPlainString()).isEqualTo("0.1");
        assertThat(Json.parse("1e99999").isNumber()).isTrue();
        assertThat(Json.write(Json.object().put("ratio", 1.0).put("rows", Long.MIN_VALUE)))
                .isEqualTo("{\"ratio\":1.0,\"rows\":-9223372036854775808}");
    }

    @Test
    void memberReadsCheckTypes() {
        ObjectNode object = Json.parseObject("{\"s\":\"text\",\"n\":5,\"f\":1.5,\"nul\":null,\"list\":[1],\"flag\":true}");

        assertThat(Json.string(object, "s")).contains("text");
        assertThat(Json.string(object, "nul")).isEmpty();
        assertThat(Json.string(object, "missing")).isEmpty();
        assertThat(Json.number(object, "n")).contains(5L);
        assertThat(Json.strings(object, "missing")).isEmpty();
        assertThatThrownBy(() -> Json.string(object, "n")).isInstanceOf(JsonException.class).hasMessage("'n' must be a string");
        assertThatThrownBy(() -> Json.number(object, "f")).isInstanceOf(JsonException.class).hasMessage("expected a whole number, got 1.5");
        assertThatThrownBy(() -> Json.number(object, "s")).isInstanceOf(JsonException.class).hasMessage("'s' must be a number");
        assertThatThrownBy(() -> Json.strings(object, "list")).isInstanceOf(JsonException.class).hasMessage("'list' must be an array of strings");
        assertThatThrownBy(() -> Json.requiredString(object, "missing")).isInstanceOf(JsonException.class).hasMessage("'missing' is missing");
        assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(JsonException.class).hasMessage("expected a JSON object");
    }
}
