package dev.onlineddl.app.json;

import dev.onlineddl.app.json.JsonValue.JsonArray;
import dev.onlineddl.app.json.JsonValue.JsonBoolean;
import dev.onlineddl.app.json.JsonValue.JsonNull;
import dev.onlineddl.app.json.JsonValue.JsonNumber;
import dev.onlineddl.app.json.JsonValue.JsonObject;
import dev.onlineddl.app.json.JsonValue.JsonString;
import java.util.Map;

/** Writes JSON text (RFC 8259). */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonString text) {
            writeString(text.value(), out);
        } else if (value instanceof JsonNumber number) {
            out.append(number.value().toString());
        } else if (value instanceof JsonBoolean bool) {
            out.append(bool.value());
        } else if (value instanceof JsonNull) {
            out.append("null");
        } else if (value instanceof JsonArray array) {
            out.append('[');
            boolean first = true;
            for (JsonValue element : array.elements()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(element, out);
            }
            out.append(']');
        } else if (value instanceof JsonObject object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        }
    }

    /**
     * Escapes what JSON requires (quote, backslash, control characters) plus U+2028/U+2029 (which
     * break JavaScript consumers) and unpaired surrogates (which would make the UTF-8 encoding of
     * the answer invalid); everything else is written as is.
     */
    static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(i + 1));
                            i++;
                        } else {
                            unicodeEscape(c, out);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
