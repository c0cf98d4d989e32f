package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/**
 * A reviewed, queued migration as the scheduler sees it (Vitess {@code sqlSelectQueuedMigrations}).
 *
 * @param uuid the queued migration
 * @param postponeLaunch waits for LAUNCH ({@code postpone_launch})
 * @param postponeCompletion waits for COMPLETE ({@code postpone_completion})
 * @param immediateOperation {@code is_immediate_operation}
 * @param readyToComplete {@code ready_to_complete}
 */
public record QueuedMigration(
        MigrationUuid uuid,
        boolean postponeLaunch,
        boolean postponeCompletion,
        boolean immediateOperation,
        boolean readyToComplete) {

    public QueuedMigration {
        Objects.requireNonNull(uuid, "uuid");
    }

    public static QueuedMigration of(Migration migration) {
        return new QueuedMigration(migration.uuid(), migration.postponeLaunch(), migration.postponeCompletion(),
                migration.immediateOperation(), migration.readyToComplete());
    }
}
