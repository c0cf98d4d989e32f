package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pass of the ready-to-running selection.
 *
 * @param next the ready migration to run now, if any
 * @param skipped the ready migrations looked at before it (or all of them, when none runs) and why each waits
 */
public record RunDecision(Optional<MigrationUuid> next, List<Skipped> skipped) {

    public RunDecision {
        Objects.requireNonNull(next, "next");
        skipped = List.copyOf(skipped);
    }

    /** A ready migration that waits, and why. */
    public record Skipped(MigrationUuid uuid, SkipReason reason) {
        public Skipped {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
