package dev.onlineddl.domain.rules;

import java.util.Objects;
import java.util.function.Function;

/** What to do with a submitted migration (Vitess {@code SubmitMigration}). */
public sealed interface SubmissionDecision {

    /**
     * The decision, one function per kind: a kind added later does not compile until every
     * caller says what to do with it (Java 17 has no switch over sealed types).
     */
    <R> R match(Function<InsertNew, R> insertNew, Function<RetryExisting, R> retryExisting,
            Function<AlreadySubmitted, R> alreadySubmitted, Function<Rejected, R> rejected);

    /** A new UUID that passed the singleton checks: insert the row as {@code queued}. */
    record InsertNew() implements SubmissionDecision {
        @Override
        public <R> R match(Function<InsertNew, R> insertNew, Function<RetryExisting, R> retryExisting,
                Function<AlreadySubmitted, R> alreadySubmitted, Function<Rejected, R> rejected) {
            return insertNew.apply(this);
        }
    }

    /**
     * The UUID exists with the same context and it failed or was cancelled: the resubmission is a
     * retry (see {@link RetryRules#retry}).
     */
    record RetryExisting() implements SubmissionDecision {
        @Override
        public <R> R match(Function<InsertNew, R> insertNew, Function<RetryExisting, R> retryExisting,
                Function<AlreadySubmitted, R> alreadySubmitted, Function<Rejected, R> rejected) {
            return retryExisting.apply(this);
        }
    }

    /**
     * The UUID exists with the same context and is pending or complete: an idempotent
     * resubmission, nothing changes. (Vitess still issues a retry, which matches no row.)
     */
    record AlreadySubmitted() implements SubmissionDecision {
        @Override
        public <R> R match(Function<InsertNew, R> insertNew, Function<RetryExisting, R> retryExisting,
                Function<AlreadySubmitted, R> alreadySubmitted, Function<Rejected, R> rejected) {
            return alreadySubmitted.apply(this);
        }
    }

    /** Refused; nothing changes. The message is Vitess's. */
    record Rejected(String message) implements SubmissionDecision {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public <R> R match(Function<InsertNew, R> insertNew, Function<RetryExisting, R> retryExisting,
                Function<AlreadySubmitted, R> alreadySubmitted, Function<Rejected, R> rejected) {
            return rejected.apply(this);
        }
    }
}
