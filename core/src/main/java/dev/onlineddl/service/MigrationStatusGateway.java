package dev.onlineddl.service;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.MigrationProgress;
import dev.onlineddl.domain.rules.CancelRules;
import dev.onlineddl.port.in.ReceiveStatusReport;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationTimestamp;
import dev.onlineddl.port.out.SchemaAnalysis;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StatusReporter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a migration's {@code migration_status} changes: no other class calls the store's
 * status-changing methods (an architecture rule says so). Reports are written with the semantics of
 * Vitess's {@code onSchemaMigrationStatus}: engines report through it ({@link StatusReporter}),
 * external tools through the daemon's API ({@link ReceiveStatusReport}), and the core reports its
 * own immediate operations through it. The scheduler's queued-to-ready step and the retries of
 * failed migrations go through it as well, so that every change is logged once and none races
 * another.
 *
 * <p>A report for a migration that already ended is ignored: a cancel may race an engine's last
 * report, and the cancel wins. So is a report that would move the migration backwards (e.g.
 * {@code ready} for a running one).
 */
final class MigrationStatusGateway implements StatusReporter, ReceiveStatusReport {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationStatusGateway.class);

    private final MigrationStore store;
    private final OwnedMigrations owned;
    private final TickTrigger trigger;
    private final ExecutorCounters.Live counters;
    private final Map<MigrationUuid, CompletableFuture<Migration>> endWaiters = new ConcurrentHashMap<>();
    /**
     * Every status change goes through here under this lock, so that "still running? then end it"
     * is one step: an engine's last report and the executor's own decision to fail the migration
     * cannot both win. Held only for store writes, never while calling an engine.
     */
    private final ReentrantLock statusLock = new ReentrantLock();

    MigrationStatusGateway(MigrationStore store, OwnedMigrations owned, TickTrigger trigger, ExecutorCounters.Live counters) {
        this.store = Objects.requireNonNull(store, "store");
        this.owned = Objects.requireNonNull(owned, "owned");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** From an engine: a report for a migration this target does not have is logged and dropped. */
    @Override
    public void report(MigrationUuid uuid, StatusReport report) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(report, "report");
        Optional<Migration> migration = store.findMigration(uuid);
        if (migration.isEmpty()) {
            LOG.warn("status report {} for migration {} ignored: no such migration in {}", report.status().wireName(),
                    uuid, store.target());
            return;
        }
        apply(migration.get(), report);
    }

    /**
     * An engine created a table that belongs to the migration: it becomes one of its artifacts,
     * collected with the others once the retention has passed.
     */
    @Override
    public void artifactTable(MigrationUuid uuid, String table) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(table, "table");
        if (store.findMigration(uuid).isEmpty()) {
            LOG.warn("artifact table {} of unknown migration {} not recorded: no such migration in {}", table, uuid,
                    store.target());
            return;
        }
        store.addArtifact(uuid, table);
    }

    @Override
    public void stage(MigrationUuid uuid, String stage) {
        Objects.requireNonNull(stage, "stage");
        whileRunning(uuid, "stage", () -> store.updateStage(uuid, stage));
    }

    @Override
    public void schemaAnalysis(MigrationUuid uuid, SchemaAnalysis analysis) {
        Objects.requireNonNull(analysis, "analysis");
        whileRunning(uuid, "schema analysis", () -> store.updateSchemaAnalysis(uuid, analysis));
    }

    @Override
    public void cutOverAttempt(MigrationUuid uuid) {
        whileRunning(uuid, "cut-over attempt", () -> store.incrementCutoverAttempts(uuid));
    }

    @Override
    public void streamAlive(MigrationUuid uuid, long livenessIndicator) {
        whileRunning(uuid, "stream liveness", () -> {
            store.updateLivenessIndicator(uuid, livenessIndicator);
            store.markTimestamp(uuid, MigrationTimestamp.LIVENESS);
        });
    }

    @Override
    public void throttled(MigrationUuid uuid, Instant at, String component) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(component, "component");
        whileRunning(uuid, "throttle", () -> store.updateLastThrottled(uuid, at, component));
    }

    /**
     * Kept in memory only, beside the migration's ownership, and only while this executor runs it
     * (see {@link OwnedMigrations#streamLag}): the daemon's metrics read it at each scrape, and a
     * per-probe figure is not worth a write to the control schema.
     */
    @Override
    public void streamLag(MigrationUuid uuid, Duration lag) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(lag, "lag");
        owned.streamLag(uuid, lag);
    }

    /**
     * An engine's informational report is written while the migration runs and dropped after it
     * ended, under the status lock so that it cannot land between a check and an end.
     */
    private void whileRunning(MigrationUuid uuid, String what, Runnable write) {
        Objects.requireNonNull(uuid, "uuid");
        statusLock.lock();
        try {
            Optional<Migration> current = store.findMigration(uuid);
            if (current.isEmpty() || current.get().status() != MigrationStatus.RUNNING) {
                LOG.debug("{} report for migration {} ignored: it is {}", what, uuid,
                        current.map(row -> row.status().wireName()).orElse("unknown"));
                return;
            }
            write.run();
        } finally {
            statusLock.unlock();
        }
    }

    /** From outside the process: an unknown UUID is the caller's mistake. */
    @Override
    public void onStatusReport(MigrationUuid uuid, StatusReport report) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(report, "report");
        Migration migration = store.findMigration(uuid).orElseThrow(() -> new InvalidInputException(
                "status report for unknown migration " + uuid + " in " + store.target()
                        + ": check the UUID the tool was started with"));
        apply(migration, report);
    }

    /** The migration's row once it has ended (complete, failed or cancelled), however it ends. */
    CompletableFuture<Migration> whenEnded(MigrationUuid uuid) {
        CompletableFuture<Migration> future = endWaiters.computeIfAbsent(uuid, key -> new CompletableFuture<>());
        // It may have ended before anyone asked.
        store.findMigration(uuid).filter(row -> row.status().isTerminal()).ifPresent(this::notifyEnded);
        return future;
    }

    void apply(Migration reported, StatusReport report) {
        if (report.dryRun() && report.status() != MigrationStatus.FAILED) {
            return;
        }
        statusLock.lock();
        try {
            // read again under the lock: the row passed in may be stale by now
            store.findMigration(reported.uuid()).ifPresent(current -> applyLocked(current, report));
        } finally {
            statusLock.unlock();
        }
    }

    private void applyLocked(Migration current, StatusReport report) {
        MigrationUuid uuid = current.uuid();
        MigrationStatus status = report.status();
        if (!mayBecome(current, status, "status report")) {
            return;
        }
        double progress = report.progress();
        switch (status) {
            case READY -> store.markTimestamp(uuid, MigrationTimestamp.READY);
            case RUNNING -> {
                store.markStarted(uuid);
                store.markTimestamp(uuid, MigrationTimestamp.LIVENESS);
            }
            case COMPLETE -> {
                progress = MigrationProgress.PROGRESS_FULL;
                store.markStarted(uuid);
                store.markTimestamp(uuid, MigrationTimestamp.COMPLETED);
            }
            case FAILED, CANCELLED -> {
                store.markStarted(uuid);
                store.markTimestamp(uuid, MigrationTimestamp.COMPLETED);
            }
            case QUEUED -> {
                // a retry is a command, not a report; nothing to stamp
            }
        }
        if (status == MigrationStatus.FAILED) {
            MigrationStatusLog.changed(current, current.status(), endFailedOrCancelled(current), report.message());
        } else {
            store.updateStatus(uuid, status);
            MigrationStatusLog.changed(current, current.status(), status, report.message());
        }
        // After the status, as Vitess does, and not with the running-only progress writes: a
        // completion must still end at 100 although the row is complete by now. A tick's late
        // probe cannot overwrite these figures, as its writes skip rows that are not running.
        store.updateReportedProgress(uuid, progress, report.etaSeconds(), report.rowsCopied());
        if (report.readyToComplete()) {
            store.updateReadyToComplete(uuid, true);
            // The tick's review of running migrations is what calls complete(): run it now rather
            // than a check interval later, so an engine ready to cut over is not kept waiting. Only
            // on the news: an engine that repeats its report must not keep the ticks coming.
            if (!current.readyToComplete()) {
                trigger.triggerNow();
            }
        }
        if (!report.message().isEmpty()) {
            store.updateMessage(uuid, report.message());
        }
        if (status.isTerminal()) {
            ended(uuid, status);
        }
    }

    /**
     * Whether the migration, read under {@link #statusLock}, may change to {@code status}: not once
     * it has ended (a cancel may race an engine's last report, or the scheduler's pick), and only
     * forwards. Logs why not.
     */
    private static boolean mayBecome(Migration current, MigrationStatus status, String what) {
        if (current.status().isTerminal()) {
            LOG.info("{} {} for migration {} ignored: it already ended {}", what, status.wireName(), current.uuid(),
                    current.status().wireName());
            return false;
        }
        if (!current.status().canTransitionTo(status)) {
            LOG.warn("{} {} for migration {} ignored: it is {} and cannot become {}", what, status.wireName(),
                    current.uuid(), current.status().wireName(), status.wireName());
            return false;
        }
        return true;
    }

    /**
     * The scheduler picked a queued migration: it becomes ready, as long as it is still queued.
     * The pick was made on an earlier read: meanwhile another executor of the target (a standby
     * takes commands too) may have cancelled it, and a cancelled migration must stay cancelled.
     */
    void markReady(MigrationUuid uuid) {
        statusLock.lock();
        try {
            Optional<Migration> current = store.findMigration(uuid);
            if (current.isEmpty() || !mayBecome(current.get(), MigrationStatus.READY, "scheduling as")) {
                return;
            }
            store.updateStatus(uuid, MigrationStatus.READY);
            MigrationStatusLog.changed(current.get(), current.get().status(), MigrationStatus.READY, "");
        } finally {
            statusLock.unlock();
        }
        trigger.triggerSoon();
    }

    /**
     * Queues a failed or cancelled migration again (Vitess {@code retryMigration}), to run on this
     * executor.
     *
     * @param why for the status log line, e.g. "retried by the user"
     * @return whether it was failed or cancelled and is queued now
     */
    boolean retry(MigrationUuid uuid, String executorId, String why) {
        boolean retried;
        statusLock.lock();
        try {
            Optional<Migration> before = store.findMigration(uuid);
            retried = store.retryMigration(uuid, executorId);
            if (retried) {
                before.ifPresent(row -> MigrationStatusLog.changed(row, row.status(), MigrationStatus.QUEUED, why));
            }
        } finally {
            statusLock.unlock();
        }
        trigger.triggerSoon();
        return retried;
    }

    /**
     * Queues again one migration that failed because its executor went away (Vitess
     * {@code retryTabletFailureMigrations}), if there is one.
     */
    void retryExecutorFailure(String executorId) {
        statusLock.lock();
        try {
            store.retryTabletFailureMigration(executorId).ifPresent(uuid -> {
                store.findMigration(uuid).ifPresent(requeued -> MigrationStatusLog.changed(requeued,
                        MigrationStatus.FAILED, MigrationStatus.QUEUED, "retried: it failed because its executor went away"));
                trigger.triggerSoon();
            });
        } finally {
            statusLock.unlock();
        }
    }

    /**
     * Ends a pending migration as failed, or cancelled if a user cancelled it (Vitess
     * {@code failMigration}); a migration that already ended is left as it is.
     *
     * @return whether it was pending and is failed or cancelled now
     */
    boolean failPending(MigrationUuid uuid, String message) {
        statusLock.lock();
        try {
            Optional<Migration> current = store.findMigration(uuid);
            if (current.isEmpty() || current.get().status().isTerminal()) {
                owned.disown(uuid);
                return false;
            }
            MigrationStatus ended = endFailedOrCancelled(current.get());
            if (message != null && !message.isEmpty()) {
                store.updateMessage(uuid, message);
            }
            MigrationStatusLog.changed(current.get(), current.get().status(), ended, message);
            ended(uuid, MigrationStatus.FAILED);
            return true;
        } finally {
            statusLock.unlock();
        }
    }

    /**
     * Ends a running migration that showed no sign of life (Vitess {@code reviewStaleMigrations}):
     * failed, with its started (if unset) and completed timestamps stamped so that artifact
     * collection sees it.
     */
    void failStale(MigrationUuid uuid, String message) {
        statusLock.lock();
        try {
            Optional<Migration> current = store.findMigration(uuid);
            if (current.isEmpty() || current.get().status().isTerminal()) {
                return;
            }
            store.updateMessage(uuid, message);
            store.updateStatus(uuid, MigrationStatus.FAILED);
            MigrationStatusLog.changed(current.get(), current.get().status(), MigrationStatus.FAILED, message);
            store.markStarted(uuid);
            store.markTimestamp(uuid, MigrationTimestamp.COMPLETED);
            ended(uuid, MigrationStatus.FAILED);
        } finally {
            statusLock.unlock();
        }
    }

    /**
     * Ends the migration as cancelled if a user cancelled it (their cancel stamped
     * cancelled_timestamp before asking for the end), else as failed.
     *
     * @param current the row read under {@link #statusLock}
     * @return the status it ended with
     */
    private MigrationStatus endFailedOrCancelled(Migration current) {
        store.updateStatusFailedOrCancelled(current.uuid());
        return CancelRules.statusAfterFailure(current.cancelledTimestamp() != null);
    }

    /** Bookkeeping once a migration has ended, by a report or by the executor's own decision. */
    private void ended(MigrationUuid uuid, MigrationStatus status) {
        owned.disown(uuid);
        if (status == MigrationStatus.COMPLETE) {
            counters.successful();
        } else {
            counters.failed();
        }
        trigger.triggerSoon();
        if (endWaiters.containsKey(uuid)) {
            store.findMigration(uuid).ifPresent(this::notifyEnded);
        }
    }

    private void notifyEnded(Migration row) {
        CompletableFuture<Migration> waiter = endWaiters.remove(row.uuid());
        if (waiter != null) {
            waiter.complete(row);
        }
    }

    /** Whether a caller in this process waits for the migration to end (a direct migration running now). */
    boolean isAwaited(MigrationUuid uuid) {
        return endWaiters.containsKey(uuid);
    }

    void stopWaiting(MigrationUuid uuid) {
        endWaiters.remove(uuid);
    }
}
