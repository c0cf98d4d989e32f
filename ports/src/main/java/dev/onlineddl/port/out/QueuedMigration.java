package dev.onlineddl.port.out;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.MigrationUuid;

/**
 * A reviewed, queued migration with what scheduling decides on (seed
 * {@code sqlSelectQueuedMigrations}).
 *
 * @param ddlAction the action; null if the row has none (a fresh REVERT before review)
 */
public record QueuedMigration(
        MigrationUuid uuid,
        DdlAction ddlAction,
        boolean view,
        boolean immediateOperation,
        boolean postponeLaunch,
        boolean postponeCompletion,
        boolean readyToComplete) {
}
