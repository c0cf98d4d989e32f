package dev.onlineddl.port.out;

import dev.onlineddl.domain.MigrationUuid;

/**
 * A complete migration found by revert validation or by the duplicate-submission check (Vitess
 * {@code sqlSelectCompleteMigrationsOnTable}, {@code sqlSelectCompleteMigrationsByContextAndSQL}).
 */
public record CompletedMigration(MigrationUuid uuid, String strategy) {
}
