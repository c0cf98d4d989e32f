package dev.onlineddl.adapter.vreplication.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The iteration-key values of one row, ready to bind as statement parameters. Binary values are
 * held as {@link Bytes} so that two keys with the same bytes are equal, as the server sees them.
 */
public record RowKey(List<Object> values) {

    public RowKey {
        values = List.copyOf(values);
    }

    public static RowKey of(Object... values) {
        return new RowKey(Arrays.asList(values));
    }

    /** The values to bind: {@link Bytes} unwrapped to the byte arrays the driver sends as binary. */
    public List<Object> bindValues() {
        List<Object> bound = new ArrayList<>(values.size());
        for (Object value : values) {
            bound.add(value instanceof Bytes bytes ? bytes.copy() : value);
        }
        return bound;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** A binary key value with value equality. */
    public record Bytes(byte[] value) {
        public Bytes {
            value = value.clone();
        }

        byte[] copy() {
            return value.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes bytes && Arrays.equals(value, bytes.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "0x" + HexFormat.of().formatHex(value);
        }
    }
}
