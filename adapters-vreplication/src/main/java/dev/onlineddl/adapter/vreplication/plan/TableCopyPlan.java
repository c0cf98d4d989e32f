package dev.onlineddl.adapter.vreplication.plan;

import dev.onlineddl.domain.naming.Identifiers;
import java.util.List;
import java.util.Objects;

/**
 * How rows travel from the source table into the shadow table: the SELECT list (with the
 * analysis' conversions) that copier and applier share, the shadow's columns in the same order,
 * and the unique key both tables are iterated and matched by.
 *
 * @param schema            the migrated database
 * @param sourceTable       the table being altered
 * @param shadowTable       the table being built
 * @param selectList        {@code expr AS `target`, …} over the source's shared columns
 * @param targetColumnList  the shadow's columns, quoted, comma-joined, in the select list's order
 * @param sourceKeyName     the source index iterated ({@code PRIMARY} or a unique key's name)
 * @param sourceKey         the source key's columns, in key order
 * @param targetKeyColumns  the shadow's columns of the matching key, in the same order
 * @param targetKeyName     the shadow's unique key over those columns: a duplicate on it is a row
 *                          copier and applier both wrote, a duplicate on any other key a real clash
 */
public record TableCopyPlan(
        String schema,
        String sourceTable,
        String shadowTable,
        String selectList,
        String targetColumnList,
        String sourceKeyName,
        List<KeyColumn> sourceKey,
        List<String> targetKeyColumns,
        String targetKeyName) {

    public TableCopyPlan {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(sourceTable, "sourceTable");
        Objects.requireNonNull(shadowTable, "shadowTable");
        Objects.requireNonNull(selectList, "selectList");
        Objects.requireNonNull(targetColumnList, "targetColumnList");
        Objects.requireNonNull(sourceKeyName, "sourceKeyName");
        Objects.requireNonNull(targetKeyName, "targetKeyName");
        sourceKey = List.copyOf(sourceKey);
        targetKeyColumns = List.copyOf(targetKeyColumns);
        if (sourceKey.isEmpty() || sourceKey.size() != targetKeyColumns.size()) {
            throw new IllegalArgumentException("the source key " + sourceKey + " and the shadow's key "
                    + targetKeyColumns + " must have the same, non-zero number of columns");
        }
    }

    public String quotedSource() {
        return Identifiers.quoteQualified(schema, sourceTable);
    }

    public String quotedShadow() {
        return Identifiers.quoteQualified(schema, shadowTable);
    }

    public List<String> sourceKeyColumnNames() {
        return sourceKey.stream().map(KeyColumn::name).toList();
    }

    /** The same plan writing into a shadow table of another name (the cut-over stages the shadow). */
    public TableCopyPlan withShadowTable(String otherShadow) {
        return new TableCopyPlan(schema, sourceTable, otherShadow, selectList, targetColumnList, sourceKeyName, sourceKey,
                targetKeyColumns, targetKeyName);
    }

    public int keyWidth() {
        return sourceKey.size();
    }
}
