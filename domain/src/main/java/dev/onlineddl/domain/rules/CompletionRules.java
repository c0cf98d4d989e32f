package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Objects;

/** When a migration may complete (Vitess {@code reviewRunningMigrations}: readiness, postponed and in-order completion). */
public final class CompletionRules {

    /**
     * A {@code --vreplication-test-suite} migration is not cut over before this many seconds have
     * passed since it started, so that the suite's events write to the table during the copy.
     */
    public static final long VREPLICATION_TEST_SUITE_WAIT_SECONDS = 5;

    private CompletionRules() {
    }

    /**
     * {@code --in-order-completion}'s test: the migration is the first (lowest id) of the pending
     * list. An empty list does not hold it back, as in Vitess.
     */
    public static boolean isFirstPending(MigrationUuid uuid, List<MigrationUuid> pendingInIdOrder) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(pendingInIdOrder, "pendingInIdOrder");
        return pendingInIdOrder.isEmpty() || pendingInIdOrder.get(0).equals(uuid);
    }

    /** Completion order is free unless {@code --in-order-completion} asks for submission order. */
    public static boolean inOrderCompletionAllows(boolean inOrderCompletion, MigrationUuid uuid, List<MigrationUuid> pendingInIdOrder) {
        return !inOrderCompletion || isFirstPending(uuid, pendingInIdOrder);
    }

    /**
     * What is stored as {@code ready_to_complete} for a running vreplication migration: the engine
     * is ready, except that a test-suite migration does not count as ready during its first
     * {@value #VREPLICATION_TEST_SUITE_WAIT_SECONDS} seconds. Postponement does not lower it: users
     * watch this flag to learn whether "now is a good time" to say COMPLETE.
     */
    public static boolean readinessToReport(boolean engineReady, boolean vreplicationTestSuite, long elapsedSecondsSinceStart) {
        if (!engineReady) {
            return false;
        }
        return !vreplicationTestSuite || elapsedSecondsSinceStart >= VREPLICATION_TEST_SUITE_WAIT_SECONDS;
    }

    /**
     * Whether a running migration cuts over in this review: it is ready to complete, the user is
     * not postponing completion, and {@code --in-order-completion} (if given) finds it first in
     * the pending list.
     */
    public static CutOverDecision decideCutOver(CutOverCandidate candidate, List<MigrationUuid> pendingInIdOrder) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(pendingInIdOrder, "pendingInIdOrder");
        if (!candidate.readyToComplete()) {
            return new CutOverDecision.NotReady();
        }
        if (candidate.postponeCompletion()) {
            return new CutOverDecision.CompletionPostponed();
        }
        if (!inOrderCompletionAllows(candidate.inOrderCompletion(), candidate.uuid(), pendingInIdOrder)) {
            return new CutOverDecision.WaitForEarlierMigration(pendingInIdOrder.get(0));
        }
        return new CutOverDecision.CutOverNow();
    }
}
