package dev.onlineddl.adapter.vreplication.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the analysis needs of one table: its columns and its unique keys.
 *
 * @param table      the table's name
 * @param columns    the columns in ordinal order
 * @param uniqueKeys the primary and unique keys in the order Vitess prefers them for iterating
 *                   rows: PRIMARY first, then keys without NULL-able columns, then those whose first
 *                   column has no character set, then by the first column's integer type
 *                   (tinyint, smallint, int, bigint, anything else), then fewer columns first
 */
public record TableShape(String table, List<ColumnInfo> columns, List<UniqueKeyInfo> uniqueKeys) {

    public TableShape {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns of " + table));
        uniqueKeys = List.copyOf(Objects.requireNonNull(uniqueKeys, "unique keys of " + table));
    }

    /** The integer types Vitess prefers as a key's first column, smallest first; any other type comes after them. */
    private static final Map<String, Integer> FIRST_COLUMN_TYPE_RANK = Map.of("tinyint", 0, "smallint", 1, "int", 2,
            "bigint", 3);

    /**
     * The shape with its unique keys sorted into the order Vitess prefers them (see
     * {@link TableShape}); keys that tie keep their order in {@code uniqueKeys}.
     */
    public static TableShape withKeysInVitessOrder(String table, List<ColumnInfo> columns, List<UniqueKeyInfo> uniqueKeys) {
        TableShape unordered = new TableShape(table, columns, uniqueKeys);
        Comparator<UniqueKeyInfo> order = Comparator
                .comparing((UniqueKeyInfo key) -> !key.isPrimary())
                .thenComparing(UniqueKeyInfo::hasNullableColumn)
                .thenComparing(key -> unordered.firstColumn(key).map(column -> !column.characterSet().isEmpty()).orElse(true))
                .thenComparing(key -> unordered.firstColumn(key)
                        .map(column -> FIRST_COLUMN_TYPE_RANK.getOrDefault(column.dataType(), 100)).orElse(100))
                .thenComparing(key -> key.columns().size());
        List<UniqueKeyInfo> sorted = new ArrayList<>(uniqueKeys);
        sorted.sort(order); // stable: ties stay as given
        return new TableShape(table, columns, sorted);
    }

    private Optional<ColumnInfo> firstColumn(UniqueKeyInfo key) {
        return column(key.columns().get(0));
    }

    /** The column of this name, compared case-insensitively as MySQL compares column names. */
    public Optional<ColumnInfo> column(String name) {
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The column names in ordinal order. */
    public List<String> columnNames() {
        return columns.stream().map(ColumnInfo::name).toList();
    }
}
