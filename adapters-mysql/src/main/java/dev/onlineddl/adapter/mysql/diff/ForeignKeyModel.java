package dev.onlineddl.adapter.mysql.diff;

import java.util.Map;
import java.util.Objects;

/**
 * One FOREIGN KEY constraint as the server prints it:
 * {@code CONSTRAINT `fk` FOREIGN KEY (`a`) REFERENCES `p` (`id`) ON DELETE CASCADE}, kept in
 * pieces so that column renames can be applied to the right lists.
 *
 * @param name              constraint name
 * @param text              the whole element, verbatim
 * @param beforeColumns     {@code FOREIGN KEY }
 * @param columns           the constraint's own column list, e.g. {@code (`a`)}
 * @param beforeReferenced  {@code  REFERENCES `p` }
 * @param referencedTable   the referenced table's name (without schema)
 * @param referencedColumns the referenced column list
 * @param tail              the ON DELETE / ON UPDATE rules, possibly empty
 */
record ForeignKeyModel(String name, String text, String beforeColumns, String columns, String beforeReferenced,
                       String referencedTable, String referencedColumns, String tail) {

    ForeignKeyModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(beforeColumns, "text before the columns");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(beforeReferenced, "text before the referenced columns");
        Objects.requireNonNull(referencedTable, "referenced table");
        Objects.requireNonNull(referencedColumns, "referenced columns");
        Objects.requireNonNull(tail, "tail");
    }

    /** Everything after the name. */
    String body() {
        return beforeColumns + columns + beforeReferenced + referencedColumns + tail;
    }

    /**
     * The body as it reads once the table's columns are renamed: the server renames a renamed
     * column in the constraint's own list, and in the referenced list when the key refers to its
     * own table.
     */
    String bodyAfterRenames(Map<String, String> renamedColumns, String tableName) {
        String ownColumns = IdentifierRenamer.rename(columns, renamedColumns);
        String targetColumns = referencedTable.equalsIgnoreCase(tableName)
                ? IdentifierRenamer.rename(referencedColumns, renamedColumns)
                : referencedColumns;
        return beforeColumns + ownColumns + beforeReferenced + targetColumns + tail;
    }
}
