package dev.onlineddl.app.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON value, small enough for the daemon's API: what {@link #toJson()} writes and
 * {@link JsonParser#parse} reads. Objects keep their members in insertion order so that API
 * answers list columns in the order of {@code schema_migrations}.
 */
public sealed interface JsonValue {

    /** Compact JSON text (no insignificant whitespace). */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonText.write(this, out);
        return out.toString();
    }

    static JsonValue of(String text) {
        return text == null ? JsonNull.INSTANCE : new JsonString(text);
    }

    static JsonValue of(long number) {
        return new JsonNumber(BigDecimal.valueOf(number));
    }

    /** @throws IllegalArgumentException for NaN and infinities, which JSON cannot represent */
    static JsonValue of(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new IllegalArgumentException("JSON has no representation for " + number);
        }
        return new JsonNumber(BigDecimal.valueOf(number));
    }

    static JsonValue of(boolean value) {
        return value ? JsonBoolean.TRUE : JsonBoolean.FALSE;
    }

    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    record JsonNumber(BigDecimal value) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(value, "value");
        }

        /** @throws JsonException if the number is not an integer within the range of a long */
        public long longValue() {
            try {
                return value.longValueExact();
            } catch (ArithmeticException notAnInteger) {
                throw new JsonException("expected a whole number, got " + value);
            }
        }
    }

    record JsonBoolean(boolean value) implements JsonValue {
        public static final JsonBoolean TRUE = new JsonBoolean(true);
        public static final JsonBoolean FALSE = new JsonBoolean(false);
    }

    enum JsonNull implements JsonValue {
        INSTANCE
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }

        public static JsonArray ofStrings(List<String> texts) {
            List<JsonValue> values = new ArrayList<>(texts.size());
            texts.forEach(text -> values.add(JsonValue.of(text)));
            return new JsonArray(values);
        }
    }

    /** Members in insertion order; keys are unique (a parsed duplicate key is an error). */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public static Builder builder() {
            return new Builder();
        }

        public Optional<JsonValue> get(String key) {
            return Optional.ofNullable(members.get(key));
        }

        /**
         * The member as text; absent and {@code null} both give empty.
         *
         * @throws JsonException if the member is there but not a string
         */
        public Optional<String> string(String key) {
            JsonValue value = members.get(key);
            if (value == null || value == JsonNull.INSTANCE) {
                return Optional.empty();
            }
            if (value instanceof JsonString text) {
                return Optional.of(text.value());
            }
            throw new JsonException("'" + key + "' must be a string");
        }

        /** @throws JsonException if the member is missing or not a string */
        public String requiredString(String key) {
            return string(key).orElseThrow(() -> new JsonException("'" + key + "' is missing"));
        }

        /** @throws JsonException if the member is there but not a whole number */
        public Optional<Long> number(String key) {
            JsonValue value = members.get(key);
            if (value == null || value == JsonNull.INSTANCE) {
                return Optional.empty();
            }
            if (value instanceof JsonNumber number) {
                return Optional.of(number.longValue());
            }
            throw new JsonException("'" + key + "' must be a number");
        }

        /** The member as a list of strings; absent or {@code null} give an empty list. */
        public List<String> strings(String key) {
            JsonValue value = members.get(key);
            if (value == null || value == JsonNull.INSTANCE) {
                return List.of();
            }
            if (!(value instanceof JsonArray array)) {
                throw new JsonException("'" + key + "' must be an array of strings");
            }
            List<String> texts = new ArrayList<>();
            for (JsonValue element : array.elements()) {
                if (!(element instanceof JsonString text)) {
                    throw new JsonException("'" + key + "' must be an array of strings");
                }
                texts.add(text.value());
            }
            return List.copyOf(texts);
        }

        public static final class Builder {
            private final Map<String, JsonValue> members = new LinkedHashMap<>();

            private Builder() {
            }

            public Builder put(String key, JsonValue value) {
                members.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
                return this;
            }

            public Builder put(String key, String value) {
                return put(key, JsonValue.of(value));
            }

            public Builder put(String key, long value) {
                return put(key, JsonValue.of(value));
            }

            public Builder put(String key, double value) {
                return put(key, JsonValue.of(value));
            }

            public Builder put(String key, boolean value) {
                return put(key, JsonValue.of(value));
            }

            public JsonObject build() {
                return new JsonObject(members);
            }
        }
    }
}
