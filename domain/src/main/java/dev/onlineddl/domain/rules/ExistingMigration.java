package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import java.util.Objects;

/**
 * The stored migration that already has the UUID being submitted.
 *
 * @param status its status
 * @param context its migration context
 */
public record ExistingMigration(MigrationStatus status, MigrationContext context) {

    public ExistingMigration {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(context, "context");
    }

    public static ExistingMigration of(Migration migration) {
        return new ExistingMigration(migration.status(), migration.context());
    }
}
