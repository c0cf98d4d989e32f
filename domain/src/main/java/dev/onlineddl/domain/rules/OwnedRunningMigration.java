package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/**
 * A migration this executor owns and believes running: what the conflict rules need of it.
 *
 * @param uuid the running migration
 * @param table its table or view ({@code mysql_table}); compared case-sensitively, as Vitess does
 * @param allowConcurrent its stored {@code allow_concurrent}
 * @param readyToComplete its {@code ready_to_complete}: done copying rows, only tailing changes
 */
public record OwnedRunningMigration(MigrationUuid uuid, String table, boolean allowConcurrent, boolean readyToComplete) {

    public OwnedRunningMigration {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(table, "table");
    }

    public static OwnedRunningMigration of(Migration migration) {
        return new OwnedRunningMigration(migration.uuid(), migration.mysqlTable(), migration.allowConcurrent(),
                migration.readyToComplete());
    }
}
