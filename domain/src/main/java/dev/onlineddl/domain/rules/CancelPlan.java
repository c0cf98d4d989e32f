package dev.onlineddl.domain.rules;

import java.util.function.Function;

/**
 * What cancelling a migration does (Vitess {@code CancelMigration}). Whether it then ends
 * {@code cancelled} or {@code failed} is decided where every failure ends, by
 * {@link CancelRules#statusAfterFailure} on the row's {@code cancelled_timestamp}, which a user's
 * cancel stamps first.
 */
public sealed interface CancelPlan {

    /**
     * The decision, one function per kind: a kind added later does not compile until every
     * caller says what to do with it (Java 17 has no switch over sealed types).
     */
    <R> R match(Function<NotCancellable, R> notCancellable, Function<FailWithoutRunning, R> failWithoutRunning,
            Function<TerminateThenFail, R> terminateThenFail);

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

        @Override
        public <R> R match(Function<NotCancellable, R> notCancellable, Function<FailWithoutRunning, R> failWithoutRunning,
                Function<TerminateThenFail, R> terminateThenFail) {
            return notCancellable.apply(this);
        }
    }

    /**
     * Queued or ready: nothing runs yet, so it fails at once.
     *
     * @param stampCancelledTimestamp set {@code cancelled_timestamp} first (a user cancel)
     */
    record FailWithoutRunning(boolean stampCancelledTimestamp) implements CancelPlan {
        @Override
        public int rowsAffected(boolean foundRunning) {
            return 1;
        }

        @Override
        public <R> R match(Function<NotCancellable, R> notCancellable, Function<FailWithoutRunning, R> failWithoutRunning,
                Function<TerminateThenFail, R> terminateThenFail) {
            return failWithoutRunning.apply(this);
        }
    }

    /**
     * Running: terminate its engine, then fail it. Counts as affected only if it was found running.
     *
     * @param stampCancelledTimestamp set {@code cancelled_timestamp} first (a user cancel)
     */
    record TerminateThenFail(boolean stampCancelledTimestamp) implements CancelPlan {
        @Override
        public int rowsAffected(boolean foundRunning) {
            return foundRunning ? 1 : 0;
        }

        @Override
        public <R> R match(Function<NotCancellable, R> notCancellable, Function<FailWithoutRunning, R> failWithoutRunning,
                Function<TerminateThenFail, R> terminateThenFail) {
            return terminateThenFail.apply(this);
        }
    }
}
