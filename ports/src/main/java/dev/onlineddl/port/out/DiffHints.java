package dev.onlineddl.port.out;

import java.util.Objects;

/**
 * How {@link SchemaDiffer} resolves the differences a CREATE statement cannot state unambiguously.
 *
 * @param autoIncrement what to do with the desired table's {@code AUTO_INCREMENT} option
 * @param columnRenames whether a dropped and an added column may be recognised as one renamed column
 */
public record DiffHints(AutoIncrementStrategy autoIncrement, ColumnRenameStrategy columnRenames) {

    public DiffHints {
        Objects.requireNonNull(autoIncrement, "auto-increment strategy");
        Objects.requireNonNull(columnRenames, "column rename strategy");
    }

    /**
     * The hints of a declarative migration: Vitess's {@code AutoIncrementApplyHigher}, and column
     * renames detected by {@link ColumnRenameStrategy#HEURISTIC} so that a renamed column keeps its
     * rows (Vitess's default would drop and re-add it).
     */
    public static DiffHints declarative() {
        return new DiffHints(AutoIncrementStrategy.APPLY_HIGHER, ColumnRenameStrategy.HEURISTIC);
    }

    /** The table's next auto-increment value is state as much as schema, so it is applied by choice. */
    public enum AutoIncrementStrategy {
        /** Never change the live table's {@code AUTO_INCREMENT}. */
        IGNORE,
        /**
         * Apply the desired {@code AUTO_INCREMENT} only when it is higher than the live one: moving
         * it down could hand out values the table already holds (Vitess {@code AutoIncrementApplyHigher}).
         */
        APPLY_HIGHER,
        /** Apply the desired {@code AUTO_INCREMENT} whenever it is stated and differs. */
        APPLY_ALWAYS
    }

    /** A CREATE statement cannot say "rename": these decide what a vanished plus a new column mean. */
    public enum ColumnRenameStrategy {
        /** A column missing from the desired table is dropped, a new one added (its rows are lost). */
        ASSUME_DIFFERENT,
        /**
         * Dropped and added columns that sit between the same surviving neighbours, in the same
         * number and with identical definitions apart from their names, are renamed in place
         * ({@code CHANGE COLUMN}), so their rows survive. Anything else is dropped and added.
         */
        HEURISTIC
    }
}
