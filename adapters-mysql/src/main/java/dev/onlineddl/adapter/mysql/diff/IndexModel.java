package dev.onlineddl.adapter.mysql.diff;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One index as the server prints it: {@code UNIQUE KEY `uk` (`a`,`b`(10)) COMMENT 'x'}.
 *
 * @param kind                 what sort of index
 * @param name                 its name; {@code PRIMARY} for the primary key
 * @param text                 the whole element, verbatim: what an ADD clause needs
 * @param body                 from the column list on (columns and options), without MariaDB's
 *                             IGNORED: what two indexes of the same name compare
 * @param ignored              MariaDB's IGNORED: the optimizer does not use the index
 * @param columns              lower-case names of the columns it covers
 * @param statesKeyBlockSize   the server printed a KEY_BLOCK_SIZE for the index (it does so only
 *                             when the index's differs from the table's)
 */
record IndexModel(Kind kind, String name, String text, String body, boolean ignored, Set<String> columns,
                  boolean statesKeyBlockSize) {

    IndexModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(body, "body");
        columns = Set.copyOf(columns);
    }

    /**
     * The server prints indexes sorted: primary key, unique keys, the others, fulltext last, each
     * group in creation order (finer rules inside the unique group do not matter to the differ).
     * An index added by ALTER joins the end of its group.
     */
    enum Kind {
        PRIMARY(0), UNIQUE(1), PLAIN(2), SPATIAL(2), FULLTEXT(3), OTHER(2);

        private final int printGroup;

        Kind(int printGroup) {
            this.printGroup = printGroup;
        }

        int printGroup() {
            return printGroup;
        }
    }

    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
