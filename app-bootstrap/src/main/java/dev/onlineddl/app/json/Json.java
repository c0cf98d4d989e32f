package dev.onlineddl.app.json;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of the daemon's API, its client and the CLI, with Jackson: read strictly (one value and
 * nothing after it, no duplicate member names, nesting limited so that a hostile request cannot
 * exhaust a thread's stack) and written compactly, objects keeping their members' order. Also the
 * typed reads of an object's members, whose messages tell an API user which member is wrong.
 *
 * <p>The reader and writer are immutable and thread-safe; nothing here is configured after start.
 */
public final class Json {

    /** Deeper than any request or answer of the API; shallow enough for any thread's stack. */
    public static final int MAX_DEPTH = 64;

    /** Keeps a number's scale: 1.0 read stays 1.0 written. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .characterEscapes(new JavaScriptSafeEscapes())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Numbers stay as written: a throttle ratio of 0.1 is 0.1, and 1e999 is no Infinity.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(NODES)
            .build();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private Json() {
    }

    /** @throws JsonException saying what is wrong and at which character offset */
    public static JsonNode parse(String text) {
        JsonNode value;
        try {
            value = READER.readTree(text);
        } catch (JsonProcessingException malformed) {
            long offset = malformed.getLocation() == null ? 0 : Math.max(0, malformed.getLocation().getCharOffset());
            throw new JsonException("invalid JSON at offset " + offset + ": " + malformed.getOriginalMessage());
        }
        if (value == null || value.isMissingNode()) {
            throw new JsonException("invalid JSON at offset " + text.length() + ": no JSON value");
        }
        return value;
    }

    /** @throws JsonException if the text is not JSON or not an object */
    public static ObjectNode parseObject(String text) {
        if (parse(text) instanceof ObjectNode object) {
            return object;
        }
        throw new JsonException("expected a JSON object");
    }

    /** Compact JSON text (no insignificant whitespace). */
    public static String write(JsonNode value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException cannotHappen) { // a tree of nodes always serializes
            throw new IllegalStateException("cannot write JSON: " + cannotHappen.getOriginalMessage(), cannotHappen);
        }
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static ArrayNode strings(List<String> texts) {
        ArrayNode array = array();
        texts.forEach(array::add);
        return array;
    }

    /**
     * The member as text; absent and {@code null} both give empty.
     *
     * @throws JsonException if the member is there but not a string
     */
    public static Optional<String> string(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new JsonException("'" + key + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    /** @throws JsonException if the member is missing or not a string */
    public static String requiredString(JsonNode object, String key) {
        return string(object, key).orElseThrow(() -> new JsonException("'" + key + "' is missing"));
    }

    /** @throws JsonException if the member is there but not a whole number within a long's range */
    public static Optional<Long> number(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new JsonException("'" + key + "' must be a number");
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new JsonException("expected a whole number, got " + value.asText());
        }
        return Optional.of(value.longValue());
    }

    /** The member as a list of strings; absent or {@code null} give an empty list. */
    public static List<String> strings(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new JsonException("'" + key + "' must be an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw new JsonException("'" + key + "' must be an array of strings");
            }
            texts.add(element.textValue());
        }
        return List.copyOf(texts);
    }

    /** The objects of an array member (an API answer's rows); anything else in it is passed over. */
    public static List<ObjectNode> objects(JsonNode object, String key) {
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode element : object.path(key)) {
            if (element instanceof ObjectNode row) {
                objects.add(row);
            }
        }
        return List.copyOf(objects);
    }

    /**
     * JSON allows U+2028 and U+2029 unescaped, but they end a line in JavaScript source: escaped,
     * an answer can be pasted into a script or embedded in a page as is.
     */
    private static final class JavaScriptSafeEscapes extends CharacterEscapes {
        private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
        private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
        private final int[] asciiEscapes = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> LINE_SEPARATOR;
                case 0x2029 -> PARAGRAPH_SEPARATOR;
                default -> null;
            };
        }
    }
}
