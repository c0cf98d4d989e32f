package dev.onlineddl.adapter.mysql.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Recognises renamed columns between two tables, since a CREATE statement cannot say "rename".
 *
 * <p>The rule: take the columns both tables have by name as anchors. A run of columns that
 * vanished between two anchors (or the table's start or end) in the live table, and a run of new
 * columns between the same two anchors in the desired table, are renames of each other, pair by
 * pair in order, when both runs have the same length and each pair's definitions are identical
 * apart from the name. In every other case the vanished columns are dropped and the new ones
 * added: a column both renamed and changed, or renamed and moved, is not recognised.
 */
final class ColumnRenames {

    private static final String TABLE_START = "\u0000start";
    private static final String TABLE_END = "\u0000end";

    private ColumnRenames() {
    }

    /**
     * @param sameDefinitionIgnoringName whether a live and a desired column are alike but for their names
     * @return lower-case live column name to the desired column it becomes, in live order
     */
    static Map<String, ColumnModel> detect(List<ColumnModel> live, List<ColumnModel> desired,
                                           BiPredicate<ColumnModel, ColumnModel> sameDefinitionIgnoringName) {
        Set<String> liveNames = live.stream().map(ColumnModel::lowerName).collect(Collectors.toSet());
        Set<String> desiredNames = desired.stream().map(ColumnModel::lowerName).collect(Collectors.toSet());
        Map<List<String>, List<ColumnModel>> vanished = runsBetweenAnchors(live, desiredNames);
        Map<List<String>, List<ColumnModel>> appeared = runsBetweenAnchors(desired, liveNames);

        Map<String, ColumnModel> renames = new LinkedHashMap<>();
        vanished.forEach((anchors, oldColumns) -> {
            List<ColumnModel> newColumns = appeared.get(anchors);
            if (newColumns == null || newColumns.size() != oldColumns.size()) {
                return;
            }
            for (int index = 0; index < oldColumns.size(); index++) {
                if (!sameDefinitionIgnoringName.test(oldColumns.get(index), newColumns.get(index))) {
                    return;
                }
            }
            for (int index = 0; index < oldColumns.size(); index++) {
                renames.put(oldColumns.get(index).lowerName(), newColumns.get(index));
            }
        });
        return renames;
    }

    /**
     * The columns of {@code columns} missing from {@code otherTableNames}, grouped by the anchors
     * around them: [previous shared column, next shared column].
     */
    private static Map<List<String>, List<ColumnModel>> runsBetweenAnchors(List<ColumnModel> columns,
                                                                          Set<String> otherTableNames) {
        Map<List<String>, List<ColumnModel>> runs = new LinkedHashMap<>();
        String previousAnchor = TABLE_START;
        List<ColumnModel> run = new ArrayList<>();
        for (ColumnModel column : columns) {
            String name = column.name().toLowerCase(Locale.ROOT);
            if (otherTableNames.contains(name)) {
                if (!run.isEmpty()) {
                    runs.put(List.of(previousAnchor, name), run);
                    run = new ArrayList<>();
                }
                previousAnchor = name;
            } else {
                run.add(column);
            }
        }
        if (!run.isEmpty()) {
            runs.put(List.of(previousAnchor, TABLE_END), run);
        }
        return runs;
    }
}
