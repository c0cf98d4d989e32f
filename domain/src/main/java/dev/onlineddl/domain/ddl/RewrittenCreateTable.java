package dev.onlineddl.domain.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A table's {@code SHOW CREATE TABLE}, rewritten to create a copy under another name (Vitess's
 * {@code createTableLike}): CHECK and FOREIGN KEY constraints renamed, because their names are
 * unique per schema.
 *
 * @param sql                the CREATE TABLE to run
 * @param constraintRenames  old constraint name to new, in statement order; an unnamed
 *                           constraint's old name is empty
 */
public record RewrittenCreateTable(String sql, Map<String, String> constraintRenames) {
    public RewrittenCreateTable {
        Objects.requireNonNull(sql, "sql");
        constraintRenames = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(constraintRenames, "constraint renames")));
    }
}
