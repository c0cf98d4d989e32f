package dev.onlineddl.adapter.vreplication.inspect;

import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.port.out.SchemaAnalysis;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How to move a table's rows into its altered copy (as Vitess v16's vrepl analysis plans it):
 * the columns to copy, the unique key to iterate by on each side, and what the migration changes
 * that a revert could not undo.
 *
 * @param sharedColumns                    the copied columns, in the source's column order
 * @param sourceKey                        the source's key the copy iterates by
 * @param targetKey                        the target's key identifying the copied rows
 * @param sourceKeyTargetColumns           the source key's columns, named as in the target
 * @param droppedSourceNonGeneratedColumns source columns with data the target does not keep
 * @param addedUniqueKeys                  names of the target's unique keys that constrain more than any of the source's
 * @param removedUniqueKeys                names of the source's unique keys that the target relaxes
 * @param analysis                         what is stored for the migration's revertibility
 */
public record MigrationPlan(List<ColumnPair> sharedColumns, UniqueKeyInfo sourceKey, UniqueKeyInfo targetKey,
        List<String> sourceKeyTargetColumns, List<String> droppedSourceNonGeneratedColumns,
        List<String> addedUniqueKeys, List<String> removedUniqueKeys, SchemaAnalysis analysis) {

    public MigrationPlan {
        sharedColumns = List.copyOf(Objects.requireNonNull(sharedColumns, "shared columns"));
        if (sharedColumns.isEmpty()) {
            throw new IllegalArgumentException("a migration plan copies at least one column");
        }
        Objects.requireNonNull(sourceKey, "source key");
        Objects.requireNonNull(targetKey, "target key");
        sourceKeyTargetColumns = List.copyOf(Objects.requireNonNull(sourceKeyTargetColumns, "source key target columns"));
        droppedSourceNonGeneratedColumns = List.copyOf(Objects.requireNonNull(droppedSourceNonGeneratedColumns,
                "dropped columns"));
        addedUniqueKeys = List.copyOf(Objects.requireNonNull(addedUniqueKeys, "added unique keys"));
        removedUniqueKeys = List.copyOf(Objects.requireNonNull(removedUniqueKeys, "removed unique keys"));
        Objects.requireNonNull(analysis, "analysis");
        if (sourceKeyTargetColumns.size() != sourceKey.columns().size()) {
            throw new IllegalArgumentException("source key " + sourceKey.name() + " has " + sourceKey.columns().size()
                    + " columns, but " + sourceKeyTargetColumns.size() + " target columns are given for them");
        }
    }

    /** What the copy selects from the source: {@code expr AS `target`, ...}, in {@link #sharedColumns()} order. */
    public String selectList() {
        return sharedColumns.stream()
                .map(pair -> pair.selectExpression() + " AS " + Identifiers.quote(pair.target().name()))
                .collect(Collectors.joining(", "));
    }

    /** The target columns the copy inserts into, quoted, in the order of {@link #selectList()}. */
    public String targetColumnList() {
        return sharedColumns.stream()
                .map(pair -> Identifiers.quote(pair.target().name()))
                .collect(Collectors.joining(", "));
    }

    /** The source key's columns, in key order. */
    public List<ColumnInfo> sourceKeyColumns() {
        return sourceKey.columns().stream().map(name -> pairOfSource(name).source()).toList();
    }

    /** The target key's columns, in key order. */
    public List<ColumnInfo> targetKeyColumns() {
        return targetKey.columns().stream().map(name -> sharedColumns.stream()
                .filter(pair -> pair.target().name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("target key " + targetKey.name() + " has column " + name
                        + ", which the plan does not copy"))
                .target()).toList();
    }

    /** The pair of the source column of this name (case-insensitive). */
    public ColumnPair pairOfSource(String sourceColumn) {
        return sharedColumns.stream()
                .filter(pair -> pair.source().name().equalsIgnoreCase(sourceColumn))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("column " + sourceColumn + " is not copied by the plan"));
    }
}
