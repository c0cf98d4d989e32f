package dev.onlineddl.adapter.vreplication.plan;

import dev.onlineddl.domain.naming.Identifiers;
import java.util.List;
import java.util.StringJoiner;

/**
 * SQL predicates over a (possibly compound) unique key, with {@code ?} placeholders: range bounds
 * spelled out column by column ({@code a > ? OR (a = ? AND b > ?)}), which every optimizer turns
 * into an index range, unlike row-constructor comparisons on some versions; and key lists as ORs
 * of equalities.
 */
public final class KeyPredicates {

    private KeyPredicates() {
    }

    /** {@code `a`, `b`} */
    public static String columnList(List<String> columns) {
        StringJoiner joined = new StringJoiner(", ");
        columns.forEach(column -> joined.add(Identifiers.quote(column)));
        return joined.toString();
    }

    /**
     * Rows whose key is after the bound: for columns a, b, {@code ((a > ?) OR (a = ? AND b > ?))}.
     * Binds: see {@link #rangeBindOrder(int)}.
     */
    public static String after(List<String> columns) {
        return bound(columns, ">", ">");
    }

    /** Rows whose key is at or before the bound: {@code (a < ? OR (a = ? AND b <= ?))}. */
    public static String atMost(List<String> columns) {
        return bound(columns, "<", "<=");
    }

    private static String bound(List<String> columns, String strict, String last) {
        StringJoiner alternatives = new StringJoiner(" OR ", "(", ")");
        for (int length = 1; length <= columns.size(); length++) {
            StringJoiner conjunction = new StringJoiner(" AND ", "(", ")");
            for (int i = 0; i < length - 1; i++) {
                conjunction.add(Identifiers.quote(columns.get(i)) + " = ?");
            }
            boolean isLast = length == columns.size();
            conjunction.add(Identifiers.quote(columns.get(length - 1)) + (isLast ? " " + last + " ?" : " " + strict + " ?"));
            alternatives.add(conjunction.toString());
        }
        return alternatives.toString();
    }

    /**
     * Which key value each placeholder of {@link #after}/{@link #atMost} binds, in order: for a
     * key of width 2, [0, 0, 1].
     */
    public static int[] rangeBindOrder(int width) {
        int[] order = new int[width * (width + 1) / 2];
        int next = 0;
        for (int length = 1; length <= width; length++) {
            for (int i = 0; i < length; i++) {
                order[next++] = i;
            }
        }
        return order;
    }

    /** {@code ((a = ? AND b = ?) OR (a = ? AND b = ?))} for {@code keys} keys. */
    public static String anyOf(List<String> columns, int keys) {
        if (keys < 1) {
            throw new IllegalArgumentException("a key list needs at least one key");
        }
        StringJoiner conjunction = new StringJoiner(" AND ", "(", ")");
        columns.forEach(column -> conjunction.add(Identifiers.quote(column) + " = ?"));
        String one = conjunction.toString();
        StringJoiner alternatives = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < keys; i++) {
            alternatives.add(one);
        }
        return alternatives.toString();
    }
}
