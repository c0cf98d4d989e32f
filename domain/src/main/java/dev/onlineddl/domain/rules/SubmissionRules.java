package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a submission is accepted (Vitess {@code SubmitMigration}, {@code submitCallbackIfNonConflicting},
 * {@code submittedMigrationConflictsWithPendingMigrationInSingletonContext}).
 */
public final class SubmissionRules {

    private SubmissionRules() {
    }

    /**
     * The whole submission decision.
     *
     * <p>A UUID that already exists makes the submission idempotent: with a different context it
     * is refused (someone else's migration, most likely a reused UUID); with the same context it is
     * a retry when the stored one failed or was cancelled, and nothing otherwise. Both the retry
     * and a new insert first pass the singleton checks, as in Vitess. A rejection of a new
     * submission carries Vitess's {@code submitting migration <uuid>: } prefix; a rejected
     * resubmission does not (Vitess wraps only the insert path).
     *
     * @param existing the stored migration with the submitted UUID, if any
     * @param pendingInIdOrder all queued, ready and running migrations, lowest id first
     */
    public static SubmissionDecision decide(
            SubmittedMigration submitted,
            Optional<ExistingMigration> existing,
            List<PendingMigrationContext> pendingInIdOrder) {
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(existing, "existing");
        if (existing.isPresent()) {
            ExistingMigration stored = existing.get();
            if (!stored.context().equals(submitted.context())) {
                return new SubmissionDecision.Rejected("migration rejected: found migration " + submitted.uuid()
                        + " with different context: " + stored.context()
                        + " than submmitted migration's context: " + submitted.context());
            }
            Optional<RuleViolation> singleton = singletonViolation(submitted, pendingInIdOrder);
            if (singleton.isPresent()) {
                return new SubmissionDecision.Rejected(singleton.get().message());
            }
            return stored.status().isRetryable()
                    ? new SubmissionDecision.RetryExisting()
                    : new SubmissionDecision.AlreadySubmitted();
        }
        Optional<RuleViolation> singleton = singletonViolation(submitted, pendingInIdOrder);
        if (singleton.isPresent()) {
            return new SubmissionDecision.Rejected(
                    "submitting migration " + submitted.uuid() + ": " + singleton.get().message());
        }
        return new SubmissionDecision.InsertNew();
    }

    /**
     * The singleton checks alone. {@code --singleton} wins over {@code --singleton-context} when
     * both are given: any pending migration refuses it. {@code --singleton-context} refuses it when
     * a pending migration of another context conflicts (see {@link #conflictsInSingletonContext});
     * the first such migration in id order is named.
     */
    public static Optional<RuleViolation> singletonViolation(
            SubmittedMigration submitted, List<PendingMigrationContext> pendingInIdOrder) {
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(pendingInIdOrder, "pendingInIdOrder");
        if (submitted.singleton()) {
            if (pendingInIdOrder.isEmpty()) {
                return Optional.empty();
            }
            String uuids = pendingInIdOrder.stream()
                    .map(PendingMigrationContext::uuid)
                    .map(MigrationUuid::value)
                    .collect(Collectors.joining(", "));
            return Optional.of(new RuleViolation("singleton migration rejected: found pending migrations [" + uuids + "]"));
        }
        if (submitted.singletonContext()) {
            for (PendingMigrationContext pending : pendingInIdOrder) {
                if (conflictsInSingletonContext(submitted, pending)) {
                    return Optional.of(new RuleViolation("singleton-context migration rejected: found pending migration: "
                            + pending.uuid() + " in different context: " + pending.context()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A pending migration of the same context never conflicts. One of another context does,
     * unless it is a REVERT submitted without {@code --singleton-context}: reverts are meant to
     * get through as soon as possible, so only a revert that itself asked for exclusivity blocks.
     */
    public static boolean conflictsInSingletonContext(SubmittedMigration submitted, PendingMigrationContext pending) {
        if (pending.context().equals(submitted.context())) {
            return false;
        }
        if (!pending.revert()) {
            return true;
        }
        return pending.singletonContext();
    }
}
