package dev.onlineddl.port.out;

import dev.onlineddl.domain.MigrationUuid;

/**
 * A running migration as the running-migrations review sees it (Vitess
 * {@code sqlSelectRunningMigrations}).
 *
 * @param stowawayTable table stowed away mid cut-over; empty if none
 * @param elapsedSeconds whole seconds since it started, by the server's clock; 0 if it has no start time
 */
public record RunningMigration(
        MigrationUuid uuid,
        boolean postponeCompletion,
        String stowawayTable,
        long elapsedSeconds) {
}
