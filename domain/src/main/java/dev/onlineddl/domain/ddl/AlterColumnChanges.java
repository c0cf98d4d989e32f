package dev.onlineddl.domain.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an ALTER TABLE does to the columns and identity of its table, as far as copying rows from
 * the old table into the altered one must know (as Vitess v16's vrepl analysis reads an ALTER):
 * which columns go, which are renamed, whether the table itself is renamed and whether the ALTER
 * sets the next AUTO_INCREMENT value itself.
 *
 * <p>Names are kept as written (unquoted), in the order of the ALTER; MySQL compares column names
 * case-insensitively, so callers match them that way.
 *
 * @param droppedColumns    the columns of {@code DROP [COLUMN] x}
 * @param renamedColumns    old name to new name, from {@code CHANGE [COLUMN] old new ...} (also
 *                          when the name stays the same) and {@code RENAME COLUMN old TO new}
 * @param renamesTable      the ALTER has {@code RENAME [TO|AS] ...}, which online DDL cannot do
 *                          while it copies the table
 * @param setsAutoIncrement the ALTER has the table option {@code AUTO_INCREMENT=n}, so the
 *                          migration must not carry the old table's counter over
 */
public record AlterColumnChanges(Set<String> droppedColumns, Map<String, String> renamedColumns,
        boolean renamesTable, boolean setsAutoIncrement) {

    /** An ALTER that changes none of this, e.g. the empty ALTER of a revert. */
    public static final AlterColumnChanges NONE = new AlterColumnChanges(Set.of(), Map.of(), false, false);

    public AlterColumnChanges {
        // insertion-ordered copies: the order of the ALTER shows in messages and tests
        droppedColumns = Collections.unmodifiableSet(new LinkedHashSet<>(
                Objects.requireNonNull(droppedColumns, "dropped columns")));
        renamedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(renamedColumns, "renamed columns")));
        droppedColumns.forEach(name -> Objects.requireNonNull(name, "dropped column"));
        renamedColumns.forEach((from, to) -> {
            Objects.requireNonNull(from, "renamed column");
            Objects.requireNonNull(to, "new name of column " + from);
        });
    }
}
