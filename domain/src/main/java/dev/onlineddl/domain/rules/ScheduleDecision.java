package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pass of the queued-to-ready scheduler.
 *
 * @param becomesReady the migration to move from {@code queued} to {@code ready}, if any (at most one per pass)
 * @param markReadyToComplete immediate operations whose {@code ready_to_complete} must be set, in id order
 */
public record ScheduleDecision(Optional<MigrationUuid> becomesReady, List<MigrationUuid> markReadyToComplete) {

    public ScheduleDecision {
        Objects.requireNonNull(becomesReady, "becomesReady");
        markReadyToComplete = List.copyOf(markReadyToComplete);
    }
}
