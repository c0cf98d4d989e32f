package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationStatus;
import java.util.Objects;

/** What cancelling a migration does (Vitess {@code CancelMigration}). */
public sealed interface CancelPlan {

    /**
     * The rows affected Vitess reports.
     *
     * @param foundRunning for {@link TerminateThenFail}: terminating found the migration running
     */
    int rowsAffected(boolean foundRunning);

    /** Already complete, failed or cancelled: nothing changes. */
    record NotCancellable() implements CancelPlan {
        @Override
        public int rowsAffected(boolean foundRunning) {
            return 0;
        }
    }

    /**
     * Queued or ready: nothing runs yet, so it fails at once.
     *
     * @param stampCancelledTimestamp set {@code cancelled_timestamp} first (a user cancel)
     * @param finalStatus the status it ends in
     */
    record FailWithoutRunning(boolean stampCancelledTimestamp, MigrationStatus finalStatus) implements CancelPlan {
        public FailWithoutRunning {
            Objects.requireNonNull(finalStatus, "finalStatus");
        }

        @Override
        public int rowsAffected(boolean foundRunning) {
            return 1;
        }
    }

    /**
     * Running: terminate its engine, then fail it. Counts as affected only if it was found running.
     *
     * @param stampCancelledTimestamp set {@code cancelled_timestamp} first (a user cancel)
     * @param finalStatus the status it ends in
     */
    record TerminateThenFail(boolean stampCancelledTimestamp, MigrationStatus finalStatus) implements CancelPlan {
        public TerminateThenFail {
            Objects.requireNonNull(finalStatus, "finalStatus");
        }

        @Override
        public int rowsAffected(boolean foundRunning) {
            return foundRunning ? 1 : 0;
        }
    }
}
