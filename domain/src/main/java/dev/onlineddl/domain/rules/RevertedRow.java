package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Objects;

/**
 * What a REVERT reads of the migration it undoes, to fill itself in at review and to decide how
 * to run.
 *
 * @param uuid the reverted migration
 * @param storedAction its stored {@code ddl_action} (a revert's is the action it mimicked); null if empty
 * @param table its table or view
 * @param view {@code is_view}
 * @param artifacts its artifact tables, newest first
 */
public record RevertedRow(MigrationUuid uuid, DdlAction storedAction, String table, boolean view, List<String> artifacts) {

    public RevertedRow {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(table, "table");
        artifacts = List.copyOf(artifacts);
    }

    public static RevertedRow of(Migration migration) {
        return new RevertedRow(migration.uuid(), migration.ddlAction(), migration.mysqlTable(), migration.view(),
                migration.artifactList());
    }
}
