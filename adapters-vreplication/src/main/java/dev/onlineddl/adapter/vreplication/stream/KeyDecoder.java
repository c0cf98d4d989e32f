package dev.onlineddl.adapter.vreplication.stream;

import dev.onlineddl.adapter.vreplication.plan.RowKey;
import dev.onlineddl.adapter.vreplication.plan.KeyColumn;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the iteration key out of a binlog row image (deserialized with strings as byte arrays),
 * as values the server compares equal to the stored key: unsigned integers widened from the
 * signed bits Java reads, strings decoded with the column's character set, ENUM indexes turned
 * back into their values (the shadow's ENUM may order them differently).
 */
public final class KeyDecoder {

    private static final Map<String, Charset> CHARSETS = Map.of(
            "utf8mb4", StandardCharsets.UTF_8,
            "utf8mb3", StandardCharsets.UTF_8,
            "utf8", StandardCharsets.UTF_8,
            "latin1", Charset.forName("windows-1252"),
            "ascii", StandardCharsets.US_ASCII,
            "ucs2", StandardCharsets.UTF_16BE,
            "utf16", StandardCharsets.UTF_16BE);

    private final List<KeyColumn> key;

    public KeyDecoder(List<KeyColumn> key) {
        this.key = List.copyOf(key);
        for (KeyColumn column : key) {
            if (!column.isSupportedKeyType()) {
                throw new IllegalArgumentException("key column " + column.name() + " of type " + column.dataType()
                        + " cannot be decoded from the binlog");
            }
            if (!column.characterSet().isEmpty() && !column.characterSet().equals("binary")
                    && charset(column.characterSet()) == null) {
                throw new IllegalArgumentException("key column " + column.name() + " uses character set "
                        + column.characterSet() + ", which the engine cannot decode yet");
            }
        }
    }

    /** Whether {@link #KeyDecoder} accepts a key column with this character set. */
    public static boolean decodesCharacterSet(String characterSet) {
        return characterSet.isEmpty() || characterSet.equals("binary") || charset(characterSet) != null;
    }

    private static Charset charset(String name) {
        return CHARSETS.get(name.toLowerCase(Locale.ROOT));
    }

    /** @param row the full row image, one cell per table column in table order */
    public RowKey decode(Serializable[] row) {
        List<Object> values = new ArrayList<>(key.size());
        for (KeyColumn column : key) {
            if (column.ordinal() > row.length) {
                throw new IllegalStateException("the binlog row image has " + row.length
                        + " columns, but the key column " + column.name() + " is column " + column.ordinal());
            }
            values.add(decode(column, row[column.ordinal() - 1]));
        }
        return new RowKey(values);
    }

    private static Object decode(KeyColumn column, Serializable cell) {
        if (cell == null) {
            throw new IllegalStateException("key column " + column.name() + " is NULL in a binlog row image");
        }
        if (column.isIntegral()) {
            long signed = ((Number) cell).longValue();
            return column.unsigned() ? unsigned(column.dataType(), signed) : (Object) signed;
        }
        if (column.dataType().equals("enum")) {
            int index = ((Number) cell).intValue();
            if (index < 1 || index > column.enumValues().size()) {
                // index 0 is the empty string MySQL stores for an invalid value
                return "";
            }
            return column.enumValues().get(index - 1);
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal;
        }
        if (cell instanceof byte[] bytes) {
            String characterSet = column.characterSet();
            if (characterSet.isEmpty() || characterSet.equals("binary")) {
                return new RowKey.Bytes(bytes);
            }
            return new String(bytes, charset(characterSet));
        }
        if (cell instanceof String text) {
            return text;
        }
        throw new IllegalStateException("key column " + column.name() + " of type " + column.dataType()
                + " arrived from the binlog as " + cell.getClass().getSimpleName());
    }

    private static Object unsigned(String dataType, long signed) {
        return switch (dataType) {
            case "tinyint" -> signed & 0xFFL;
            case "smallint" -> signed & 0xFFFFL;
            case "mediumint" -> signed & 0xFFFFFFL;
            case "int", "integer" -> signed & 0xFFFFFFFFL;
            default -> signed >= 0 ? (Object) signed : new BigInteger(Long.toUnsignedString(signed));
        };
    }
}
