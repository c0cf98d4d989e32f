package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/** Why a proposed migration may not start beside a running one (Vitess {@code proposedMigrationConflictsWithRunningMigration}). */
public sealed interface ConflictReason {

    /** The running migration that is in the way. */
    MigrationUuid runningUuid();

    /** One line for logs and status pages. */
    String describe();

    /** Two migrations never work on the same table at once, whatever their flags. */
    record SameTable(MigrationUuid runningUuid, String table) implements ConflictReason {
        public SameTable {
            Objects.requireNonNull(runningUuid, "runningUuid");
            Objects.requireNonNull(table, "table");
        }

        @Override
        public String describe() {
            return "migration " + runningUuid + " is running on the same table " + table;
        }
    }

    /** Neither migration was submitted with an eligible {@code --allow-concurrent}. */
    record NeitherAllowsConcurrency(MigrationUuid runningUuid) implements ConflictReason {
        public NeitherAllowsConcurrency {
            Objects.requireNonNull(runningUuid, "runningUuid");
        }

        @Override
        public String describe() {
            return "migration " + runningUuid
                    + " is running and neither it nor this migration may run concurrently (--allow-concurrent)";
        }
    }

    /**
     * The proposed migration is an ALTER and the running one is still copying rows. Two row copies
     * at once would compete for I/O; once the running one only tails the binary log, a second
     * ALTER may start.
     */
    record RunningNotReadyToComplete(MigrationUuid runningUuid) implements ConflictReason {
        public RunningNotReadyToComplete {
            Objects.requireNonNull(runningUuid, "runningUuid");
        }

        @Override
        public String describe() {
            return "migration " + runningUuid
                    + " is running and not yet ready to complete; a concurrent ALTER waits until it is";
        }
    }
}
