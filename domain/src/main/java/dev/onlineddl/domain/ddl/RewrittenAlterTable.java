package dev.onlineddl.domain.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A migration's ALTER TABLE, rewritten to apply to the shadow table (Vitess {@code validateAndEditAlterTableStatement}):
 * the table renamed, constraint names mapped, the user's ALGORITHM replaced by
 * {@code ALGORITHM=COPY}, and every FULLTEXT index after the first moved into a statement of its
 * own (InnoDB adds one FULLTEXT index per ALTER).
 *
 * @param statements        the ALTERs to run on the shadow table, in order
 * @param constraintRenames every constraint rename so far (the copy's and the ALTER's ADDs)
 */
public record RewrittenAlterTable(List<String> statements, Map<String, String> constraintRenames) {
    public RewrittenAlterTable {
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a rewritten ALTER has at least one statement");
        }
        constraintRenames = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(constraintRenames, "constraint renames")));
    }
}
