package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/** Why a ready migration was passed over in one run-selection pass; it stays {@code ready} and is looked at again next tick. */
public sealed interface SkipReason {

    /** One line for logs and status pages. */
    String describe();

    /** It conflicts with a running migration. */
    record Conflicting(ConflictReason conflict) implements SkipReason {
        public Conflicting {
            Objects.requireNonNull(conflict, "conflict");
        }

        @Override
        public String describe() {
            return conflict.describe();
        }
    }

    /** The executor already runs as many migrations as it may. */
    record ConcurrencyLimitReached(int running, int max) implements SkipReason {
        @Override
        public String describe() {
            return running + " migrations are running; at most " + max + " may run at once";
        }
    }

    /**
     * An immediate operation with {@code --in-order-completion} would complete at once, so it
     * waits until every earlier migration has finished.
     */
    record WaitingForEarlierMigration(MigrationUuid firstPending) implements SkipReason {
        public WaitingForEarlierMigration {
            Objects.requireNonNull(firstPending, "firstPending");
        }

        @Override
        public String describe() {
            return "--in-order-completion: waiting for earlier migration " + firstPending + " to complete";
        }
    }
}
