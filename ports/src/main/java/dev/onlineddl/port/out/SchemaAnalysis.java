package dev.onlineddl.port.out;

/**
 * What analysing an ALTER found out about revertibility (Vitess {@code sqlUpdateSchemaAnalysis}).
 *
 * @param addedUniqueKeys number of unique keys the ALTER adds
 * @param removedUniqueKeys number of unique keys it removes
 * @param removedUniqueKeyNames comma-joined backtick-escaped names
 * @param droppedNoDefaultColumnNames comma-joined backtick-escaped names
 * @param expandedColumnNames comma-joined backtick-escaped names
 * @param revertibleNotes newline-joined notes on what a revert cannot restore
 */
public record SchemaAnalysis(
        int addedUniqueKeys,
        int removedUniqueKeys,
        String removedUniqueKeyNames,
        String droppedNoDefaultColumnNames,
        String expandedColumnNames,
        String revertibleNotes) {

    public SchemaAnalysis {
        if (addedUniqueKeys < 0 || removedUniqueKeys < 0) {
            throw new IllegalArgumentException("unique key counts cannot be negative: added "
                    + addedUniqueKeys + ", removed " + removedUniqueKeys);
        }
        removedUniqueKeyNames = removedUniqueKeyNames == null ? "" : removedUniqueKeyNames;
        droppedNoDefaultColumnNames = droppedNoDefaultColumnNames == null ? "" : droppedNoDefaultColumnNames;
        expandedColumnNames = expandedColumnNames == null ? "" : expandedColumnNames;
        revertibleNotes = revertibleNotes == null ? "" : revertibleNotes;
    }
}
