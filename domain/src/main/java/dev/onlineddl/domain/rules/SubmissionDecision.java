package dev.onlineddl.domain.rules;

import java.util.Objects;

/** What to do with a submitted migration (Vitess {@code SubmitMigration}). */
public sealed interface SubmissionDecision {

    /** A new UUID that passed the singleton checks: insert the row as {@code queued}. */
    record InsertNew() implements SubmissionDecision {
    }

    /**
     * The UUID exists with the same context and it failed or was cancelled: the resubmission is a
     * retry (see {@link RetryRules#retry}).
     */
    record RetryExisting() implements SubmissionDecision {
    }

    /**
     * The UUID exists with the same context and is pending or complete: an idempotent
     * resubmission, nothing changes. (Vitess still issues a retry, which matches no row.)
     */
    record AlreadySubmitted() implements SubmissionDecision {
    }

    /** Refused; nothing changes. The message is Vitess's. */
    record Rejected(String message) implements SubmissionDecision {
        public Rejected {
            Objects.requireNonNull(message, "message");
        }
    }
}
