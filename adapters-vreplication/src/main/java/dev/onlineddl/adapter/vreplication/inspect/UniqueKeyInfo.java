package dev.onlineddl.adapter.vreplication.inspect;

import java.util.List;
import java.util.Objects;

/**
 * A unique key (or the primary key) of a table.
 *
 * @param name                     the index name, {@code PRIMARY} for the primary key
 * @param columns                  its columns in index order
 * @param hasNullableColumn        one of the columns is NULL-able: rows with NULL there are not
 *                                 unique by the key
 * @param firstColumnFloatingPoint the first column is FLOAT or DOUBLE
 */
public record UniqueKeyInfo(String name, List<String> columns, boolean hasNullableColumn,
        boolean firstColumnFloatingPoint) {

    public UniqueKeyInfo {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns of key " + name));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("unique key " + name + " has no columns");
        }
    }

    /** Whether this is the primary key. */
    public boolean isPrimary() {
        return name.equalsIgnoreCase("PRIMARY");
    }

    /**
     * Vitess's rule for a key the copy may iterate rows by: no NULL-able column (else the key
     * does not identify a row) and no FLOAT/DOUBLE first column (whose ranges cannot be compared
     * exactly).
     */
    public boolean validForIteration() {
        return !hasNullableColumn && !firstColumnFloatingPoint;
    }

    /** Whether the key has this column (compared case-insensitively, as MySQL compares column names). */
    public boolean hasColumn(String column) {
        return columns.stream().anyMatch(each -> each.equalsIgnoreCase(column));
    }
}
