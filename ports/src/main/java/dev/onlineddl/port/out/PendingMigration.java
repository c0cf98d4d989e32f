package dev.onlineddl.port.out;

import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;

/** A queued, ready or running migration (seed {@code sqlSelectPendingMigrations}). */
public record PendingMigration(MigrationUuid uuid, String keyspace, String mysqlTable, MigrationStatus status) {
}
