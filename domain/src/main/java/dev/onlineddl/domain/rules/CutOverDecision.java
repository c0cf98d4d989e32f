package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/** Whether a running migration cuts over in this review, and if not, why. */
public sealed interface CutOverDecision {

    /** Cut over now. */
    record CutOverNow() implements CutOverDecision {
    }

    /** The engine is not ready (still copying rows, or lagging). */
    record NotReady() implements CutOverDecision {
    }

    /** Ready, but {@code --postpone-completion} holds it until the user says COMPLETE. */
    record CompletionPostponed() implements CutOverDecision {
    }

    /** Ready, but {@code --in-order-completion}: an earlier migration is still pending. */
    record WaitForEarlierMigration(MigrationUuid firstPending) implements CutOverDecision {
        public WaitForEarlierMigration {
            Objects.requireNonNull(firstPending, "firstPending");
        }
    }
}
