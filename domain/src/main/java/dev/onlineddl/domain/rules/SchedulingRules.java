package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Which queued migration becomes ready, and which ready migration runs next (Vitess {@code scheduleNextMigration}, {@code runNextMigration}). */
public final class SchedulingRules {

    private SchedulingRules() {
    }

    /**
     * Queued to ready, over the reviewed queued migrations in id order. A migration postponed at
     * launch is not looked at. An immediate operation is ready to complete by nature (it takes a
     * second), so it is marked so whether postponed or not. The first migration that is not an
     * immediate operation postponed at completion becomes ready; a postponed ALTER may become
     * ready because its engine, not the queue, holds the cut-over back. At most one per pass, so
     * that submission order is kept; later immediate operations are still marked.
     */
    public static ScheduleDecision scheduleNext(List<QueuedMigration> reviewedQueuedInIdOrder) {
        Objects.requireNonNull(reviewedQueuedInIdOrder, "reviewedQueuedInIdOrder");
        MigrationUuid becomesReady = null;
        List<MigrationUuid> markReadyToComplete = new ArrayList<>();
        for (QueuedMigration queued : reviewedQueuedInIdOrder) {
            if (queued.postponeLaunch()) {
                continue;
            }
            if (queued.immediateOperation() && !queued.readyToComplete()) {
                markReadyToComplete.add(queued.uuid());
            }
            boolean heldBackUntilComplete = queued.immediateOperation() && queued.postponeCompletion();
            if (!heldBackUntilComplete && becomesReady == null) {
                becomesReady = queued.uuid();
            }
        }
        return new ScheduleDecision(Optional.ofNullable(becomesReady), markReadyToComplete);
    }

    /**
     * Ready to running: the first ready migration (in id order) that conflicts with no owned
     * running migration, fits under the concurrency cap, and, if it is an immediate operation with
     * {@code --in-order-completion}, is the first pending migration. A migration that must wait is
     * skipped, never blocking the ones behind it (a ready DROP of a table whose REVERT runs must
     * not hold up a DROP of another table).
     *
     * <p>Vitess runs this only after it has reviewed the running migrations once since it
     * started, so that migrations adopted after a failover count as running; callers keep that
     * gate.
     *
     * @param readyInIdOrder migrations in status {@code ready}, lowest id first
     * @param ownedRunning the running migrations this executor owns
     * @param pendingInIdOrder UUIDs of all queued, ready and running migrations, lowest id first
     */
    public static RunDecision selectNextToRun(
            List<ReadyMigration> readyInIdOrder,
            Collection<OwnedRunningMigration> ownedRunning,
            List<MigrationUuid> pendingInIdOrder,
            MaxConcurrentMigrations maxConcurrent) {
        Objects.requireNonNull(readyInIdOrder, "readyInIdOrder");
        Objects.requireNonNull(ownedRunning, "ownedRunning");
        Objects.requireNonNull(pendingInIdOrder, "pendingInIdOrder");
        Objects.requireNonNull(maxConcurrent, "maxConcurrent");
        List<RunDecision.Skipped> skipped = new ArrayList<>();
        for (ReadyMigration ready : readyInIdOrder) {
            Optional<SkipReason> reason = reasonToWait(ready, ownedRunning, pendingInIdOrder, maxConcurrent);
            if (reason.isEmpty()) {
                return new RunDecision(Optional.of(ready.uuid()), skipped);
            }
            skipped.add(new RunDecision.Skipped(ready.uuid(), reason.get()));
        }
        return new RunDecision(Optional.empty(), skipped);
    }

    private static Optional<SkipReason> reasonToWait(
            ReadyMigration ready,
            Collection<OwnedRunningMigration> ownedRunning,
            List<MigrationUuid> pendingInIdOrder,
            MaxConcurrentMigrations maxConcurrent) {
        Optional<ConflictReason> conflict = ConcurrencyRules.findConflict(ready, ownedRunning);
        if (conflict.isPresent()) {
            return Optional.of(new SkipReason.Conflicting(conflict.get()));
        }
        if (ownedRunning.size() >= maxConcurrent.value()) {
            return Optional.of(new SkipReason.ConcurrencyLimitReached(ownedRunning.size(), maxConcurrent.value()));
        }
        if (ready.immediateOperation() && ready.inOrderCompletion()
                && !CompletionRules.isFirstPending(ready.uuid(), pendingInIdOrder)) {
            return Optional.of(new SkipReason.WaitingForEarlierMigration(pendingInIdOrder.get(0)));
        }
        return Optional.empty();
    }
}
