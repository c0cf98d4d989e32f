package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/**
 * A pending (queued, ready or running) migration as the singleton-context check sees it.
 *
 * @param uuid the pending migration
 * @param context its migration context
 * @param revert it is a REVERT
 * @param singletonContext its strategy carries {@code --singleton-context}
 */
public record PendingMigrationContext(MigrationUuid uuid, MigrationContext context, boolean revert, boolean singletonContext) {

    public PendingMigrationContext {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(context, "context");
    }

    /** @param singletonContext whether the row's strategy options carry {@code --singleton-context} */
    public static PendingMigrationContext of(Migration migration, boolean singletonContext) {
        return new PendingMigrationContext(migration.uuid(), migration.context(), migration.isRevert(), singletonContext);
    }
}
