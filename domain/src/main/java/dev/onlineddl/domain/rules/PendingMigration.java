package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/**
 * A queued, ready or running migration: one row of Vitess's {@code sqlSelectPendingMigrations}.
 *
 * @param uuid the pending migration
 * @param keyspace its keyspace
 * @param table its table or view ({@code mysql_table}); empty for a REVERT not yet reviewed
 * @param status queued, ready or running
 */
public record PendingMigration(MigrationUuid uuid, String keyspace, String table, MigrationStatus status) {

    public PendingMigration {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(status, "status");
    }

    public static PendingMigration of(Migration migration) {
        return new PendingMigration(migration.uuid(), migration.keyspace(), migration.mysqlTable(), migration.status());
    }
}
