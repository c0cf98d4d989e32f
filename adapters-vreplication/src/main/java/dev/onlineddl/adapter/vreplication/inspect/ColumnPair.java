package dev.onlineddl.adapter.vreplication.inspect;

import java.util.Objects;

/**
 * A column the copy carries over: where it comes from, where it goes, and how the copy's SELECT
 * reads it so that the value fits the target column.
 *
 * @param source           the column of the original table
 * @param target           the column of the altered (shadow) table, maybe renamed
 * @param selectExpression what the copy selects from the source, e.g. {@code `c`} or
 *                         {@code CONVERT(`c` USING utf8mb4)}
 */
public record ColumnPair(ColumnInfo source, ColumnInfo target, String selectExpression) {

    public ColumnPair {
        Objects.requireNonNull(source, "source column");
        Objects.requireNonNull(target, "target column of " + source.name());
        Objects.requireNonNull(selectExpression, "select expression of " + source.name());
    }

    /** Whether the column changes its name. */
    public boolean renamed() {
        return !source.name().equals(target.name());
    }

    /**
     * An ENUM read as its text: into a textual target column, or an ENUM of both keys the copy
     * iterates by (so that a row whose key value changes can still be found by its old text).
     * The binlog has ENUM values as their index, which the applier maps to
     * {@code source().enumValues()}.
     */
    public boolean convertsEnumToText() {
        return source.isEnum() && isConcat();
    }

    /** An integer copied into an ENUM: MySQL takes the number for the value's index, the text for the value. */
    public boolean convertsIntegerToEnum() {
        return source.isIntegral() && isConcat();
    }

    /**
     * The value is read as utf8mb4 text: JSON, any JSON target, and text between character sets
     * other than the trivial ones (ascii, utf8mb3 and utf8mb4, binary) that need re-encoding.
     */
    public boolean convertsToUtf8mb4() {
        return selectExpression.startsWith("CONVERT(");
    }

    private boolean isConcat() {
        return selectExpression.startsWith("CONCAT(");
    }
}
