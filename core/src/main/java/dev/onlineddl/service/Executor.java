package dev.onlineddl.service;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.SpecialAlterPlan;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.domain.rules.CompletionRules;
import dev.onlineddl.domain.rules.CutOverCandidate;
import dev.onlineddl.domain.rules.CutOverDecision;
import dev.onlineddl.domain.rules.Immediacy;
import dev.onlineddl.domain.rules.OwnedRunningMigration;
import dev.onlineddl.domain.rules.PendingMigration;
import dev.onlineddl.domain.rules.ReadyMigration;
import dev.onlineddl.domain.rules.RevertFillIn;
import dev.onlineddl.domain.rules.RevertRules;
import dev.onlineddl.domain.rules.RevertedRow;
import dev.onlineddl.domain.rules.ReviewRules;
import dev.onlineddl.domain.rules.RuleViolation;
import dev.onlineddl.domain.rules.RunDecision;
import dev.onlineddl.domain.rules.ScheduleDecision;
import dev.onlineddl.domain.rules.SchedulingRules;
import dev.onlineddl.domain.rules.StalenessPolicy;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.RunExecutorTick;
import dev.onlineddl.service.gc.ArtifactCollector;
import dev.onlineddl.service.gc.TableGarbageCollector;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ExecutorLock;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationStoreException;
import dev.onlineddl.port.out.MigrationTimestamp;
import dev.onlineddl.port.out.RunningMigration;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.Throttler;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.spi.StrategyEngine;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's lifecycle pass (Vitess {@code onMigrationCheckTick}): retry tablet-failure
 * migrations, review queued, schedule next, run next, review running (and cancel what must be
 * cancelled), review stale, collect artifacts; then table garbage collection, which Vitess runs
 * beside the executor (tablegc) and a standalone executor runs here. Each step logs its failure
 * and lets the next one run, as Vitess does.
 *
 * <p>A tick acts only while this executor holds its target's {@link ExecutorLock} (otherwise it is
 * a standby) and the server is writable. After it becomes the active executor it runs no new
 * migration until it has reviewed the running ones once, so that migrations another executor left
 * running are adopted (or cancelled) before anything new competes with them.
 */
public final class Executor implements RunExecutorTick {

    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final MigrationLifecycle lifecycle;
    private final MigrationRunner runner;
    private final MigrationStore store;
    private final SchemaInspector inspector;
    private final DdlExecutor ddlExecutor;
    private final ExecutorLock executorLock;
    private final Throttler throttler;
    private final ArtifactCollector artifactCollector;
    private final TableGarbageCollector tableGarbageCollector;
    private final Clock clock;
    private final ReentrantLock tickLock = new ReentrantLock();
    /** When each running migration's engine first reported the error it still reports. */
    private final Map<MigrationUuid, Instant> failingSince = new ConcurrentHashMap<>();
    /** Since when the engine of each running migration says that it does not run it. */
    private final Map<MigrationUuid, Instant> notRunningSince = new ConcurrentHashMap<>();
    /** Queued migrations whose last reviews met the same transient server error. */
    private final Map<MigrationUuid, TransientReviewFailure> transientReviewFailures = new ConcurrentHashMap<>();
    private volatile boolean active;
    private volatile boolean reviewedRunningMigrations;

    Executor(MigrationLifecycle lifecycle, MigrationRunner runner, SchemaInspector inspector, DdlExecutor ddlExecutor,
            ExecutorLock executorLock, Throttler throttler, ArtifactCollector artifactCollector,
            TableGarbageCollector tableGarbageCollector, Clock clock) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.store = lifecycle.store();
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.ddlExecutor = Objects.requireNonNull(ddlExecutor, "ddlExecutor");
        this.executorLock = Objects.requireNonNull(executorLock, "executorLock");
        this.throttler = Objects.requireNonNull(throttler, "throttler");
        this.artifactCollector = Objects.requireNonNull(artifactCollector, "artifactCollector");
        this.tableGarbageCollector = Objects.requireNonNull(tableGarbageCollector, "tableGarbageCollector");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public TickOutcome tick() {
        if (!tickLock.tryLock()) {
            return TickOutcome.SKIPPED_BUSY;
        }
        try {
            if (!holdsExecutorLock()) {
                return TickOutcome.SKIPPED_STANDBY;
            }
            if (!serverIsWritable()) {
                return TickOutcome.SKIPPED_NOT_WRITABLE;
            }
            step("retry tablet-failure migrations", this::retryTabletFailureMigrations);
            step("review queued migrations", this::reviewQueuedMigrations);
            step("schedule next migration", this::scheduleNextMigration);
            step("run next migration", this::runNextMigration);
            step("review running migrations", this::reviewRunningMigrationsAndCancel);
            step("review stale migrations", this::reviewStaleMigrations);
            step("collect artifacts", this::collectArtifacts);
            step("collect garbage tables", this::collectGarbageTables);
            return TickOutcome.RAN;
        } finally {
            tickLock.unlock();
        }
    }

    /** Whether this executor is the active one for its target (it held the lock at its last tick). */
    public boolean isActive() {
        return active;
    }

    /** Lets go of the target's lock so that a standby takes over; the next tick tries to take it again. */
    void stepDown() {
        tickLock.lock();
        try {
            executorLock.release();
            if (active) {
                LOG.info("executor {} let go of lock {}: a standby may take over", lifecycle.config().executorId(),
                        executorLock.lockName());
            }
            active = false;
            reviewedRunningMigrations = false;
        } finally {
            tickLock.unlock();
        }
    }

    private boolean holdsExecutorLock() {
        boolean held;
        try {
            held = executorLock.tryAcquire();
        } catch (RuntimeException e) {
            LOG.warn("cannot check the executor lock {}: {}", executorLock.lockName(), e.getMessage());
            held = false;
        }
        if (!held) {
            if (active) {
                becomeStandby();
            }
            return false;
        }
        if (!active) {
            // As Vitess's Open(): forget what we thought we ran, and learn what runs before
            // starting anything new.
            lifecycle.owned().clear();
            failingSince.clear();
            notRunningSince.clear();
            transientReviewFailures.clear();
            reviewedRunningMigrations = false;
            active = true;
            LOG.info("executor {} holds lock {} and is now the active executor for {}", lifecycle.config().executorId(),
                    executorLock.lockName(), lifecycle.config().target());
        }
        return true;
    }

    private void becomeStandby() {
        if (active) {
            // Engines keep what they run: a short loss of the connection must not kill long migrations.
            // The new active executor adopts them (or cancels what cannot be adopted).
            LOG.warn("executor {} lost lock {} and is a standby now", lifecycle.config().executorId(), executorLock.lockName());
        }
        active = false;
        reviewedRunningMigrations = false;
    }

    private boolean serverIsWritable() {
        try {
            if (inspector.serverVariables().readOnly()) {
                LOG.debug("server is read-only: executor {} does nothing this tick", lifecycle.config().executorId());
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot tell whether the server is writable: {}", e.getMessage());
            return false;
        }
    }

    private void step(String name, Runnable step) {
        ReentrantLock migrationLock = lifecycle.migrationLock();
        migrationLock.lock();
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.error("executor step '{}' failed: {}", name, e.getMessage(), e);
        } finally {
            migrationLock.unlock();
        }
    }

    // ------------------------------------------------------------------ retry, review queued, schedule

    private void retryTabletFailureMigrations() {
        lifecycle.reports().retryExecutorFailure(lifecycle.config().executorId());
    }

    /**
     * Fills in what submission could not know (the table and action of a REVERT), tells immediate
     * operations apart, fails migrations whose strategy cannot honour their flags, and marks each
     * reviewed so that the scheduler sees it.
     */
    private void reviewQueuedMigrations() {
        List<MigrationUuid> unreviewed = store.queuedUnreviewedMigrations();
        transientReviewFailures.keySet().retainAll(unreviewed);
        for (MigrationUuid uuid : unreviewed) {
            Optional<Migration> found = store.findMigration(uuid);
            if (found.isEmpty()) {
                continue;
            }
            try {
                reviewQueued(found.get());
                transientReviewFailures.remove(uuid);
            } catch (MigrationStoreException e) {
                throw e;
            } catch (RuntimeException e) {
                judgeReviewFailure(uuid, e);
            }
        }
    }

    /** The same transient server error on consecutive reviews of one migration, and how many times in a row. */
    private record TransientReviewFailure(String error, int times) {
        TransientReviewFailure again(TransientReviewFailure next) {
            return next.error().equals(error) ? new TransientReviewFailure(error, times + 1) : next;
        }
    }

    /**
     * A transient server error (the connection, a lock, a read-only server) leaves the migration
     * queued for the next review, unless the same one has now come back on
     * {@link ReviewRules#TRANSIENT_REVIEW_ATTEMPTS} reviews in a row; any other error fails the
     * migration at once.
     */
    private void judgeReviewFailure(MigrationUuid uuid, RuntimeException e) {
        Optional<SQLException> serverError = serverErrorOf(e);
        if (serverError.isEmpty()
                || !ReviewRules.isTransientReviewError(serverError.get().getSQLState(), serverError.get().getErrorCode())) {
            transientReviewFailures.remove(uuid);
            lifecycle.fail(uuid, MigrationRunner.messageOf(e));
            return;
        }
        String error = serverError.get().getSQLState() + "/" + serverError.get().getErrorCode();
        TransientReviewFailure failure = transientReviewFailures.merge(uuid, new TransientReviewFailure(error, 1),
                TransientReviewFailure::again);
        if (failure.times() < ReviewRules.TRANSIENT_REVIEW_ATTEMPTS) {
            LOG.warn("review of migration {} met a transient error ({} of {} in a row), it stays queued for the next"
                    + " review: {}", uuid, failure.times(), ReviewRules.TRANSIENT_REVIEW_ATTEMPTS, MigrationRunner.messageOf(e));
            return;
        }
        transientReviewFailures.remove(uuid);
        lifecycle.fail(uuid, "review of migration " + uuid + " failed: " + MigrationRunner.messageOf(e) + "; retried "
                + ReviewRules.TRANSIENT_REVIEW_ATTEMPTS + " times, with the same error each time. Fix its cause,"
                + " then RETRY the migration");
    }

    private static Optional<SQLException> serverErrorOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    private void reviewQueued(Migration queued) {
        MigrationUuid uuid = queued.uuid();
        Migration migration = queued;
        boolean revert = migration.isRevert();
        if (revert && migration.mysqlTable().isEmpty()) {
            Optional<Migration> filled = fillInRevert(migration);
            if (filled.isEmpty()) {
                return;
            }
            migration = filled.get();
        }
        Optional<StrategySetting> setting = lifecycle.strategies().settingOf(migration);
        if (setting.isEmpty()) {
            lifecycle.fail(uuid, MigrationRunner.notInstalledMessage(migration.strategy(), migration));
            return;
        }
        Immediacy immediacy = ReviewRules.immediacyAtReview(migration.ddlAction(), revert, migration.view());
        boolean specialPlan = false;
        if (immediacy == Immediacy.IMMEDIATE_IF_SPECIAL_PLAN) {
            Optional<SpecialAlterPlan> plan = runner.specialPlanOf(migration, setting.get());
            specialPlan = plan.isPresent();
        }
        boolean immediate = immediacy.isImmediate(specialPlan);
        if (immediate) {
            store.markImmediateOperation(uuid);
        }
        List<RuleViolation> incompatibilities = ReviewRules.strategyIncompatibilities(setting.get().strategy(),
                setting.get().capabilities(), setting.get().isPostponeCompletion(), setting.get().isAllowZeroInDate(),
                immediate);
        if (!incompatibilities.isEmpty()) {
            // Vitess fails the migration once per incompatibility, so the last message is the one that stays
            lifecycle.fail(uuid, incompatibilities.get(incompatibilities.size() - 1).message());
        }
        store.markTimestamp(uuid, MigrationTimestamp.REVIEWED);
    }

    /** A fresh REVERT names only the UUID it reverts: take table, action and view-ness from that migration. */
    private Optional<Migration> fillInRevert(Migration revert) {
        MigrationUuid uuid = revert.uuid();
        Optional<Migration> reverted = lifecycle.revertedMigration(revert);
        if (reverted.isEmpty()) {
            lifecycle.fail(uuid, "cannot read migration " + revert.revertedUuid() + " reverted by migration " + uuid
                    + ": migration not found");
            return Optional.empty();
        }
        RevertFillIn fillIn = RevertRules.fillIn(uuid, RevertedRow.of(reverted.get()));
        return fillIn.match(
                filled -> {
                    store.updateDdlAction(uuid, filled.action());
                    store.updateIsView(uuid, filled.view());
                    store.updateMysqlTable(uuid, filled.table());
                    return store.findMigration(uuid);
                },
                failed -> {
                    lifecycle.fail(uuid, failed.message());
                    return Optional.empty();
                });
    }

    private void scheduleNextMigration() {
        ScheduleDecision decision = SchedulingRules.scheduleNext(store.queuedReviewedMigrations());
        for (MigrationUuid uuid : decision.markReadyToComplete()) {
            store.updateReadyToComplete(uuid, true);
        }
        decision.becomesReady().ifPresent(uuid -> lifecycle.reports().markReady(uuid));
    }

    // ------------------------------------------------------------------ run next

    private void runNextMigration() {
        if (!reviewedRunningMigrations) {
            // Not yet known what runs (another executor's migrations may still be running): wait.
            return;
        }
        List<MigrationUuid> pending = pendingUuids();
        List<ReadyMigration> ready = new ArrayList<>();
        Map<MigrationUuid, Migration> readyRows = new java.util.HashMap<>();
        for (MigrationUuid uuid : store.readyMigrations()) {
            Optional<Migration> migration = store.findMigration(uuid);
            if (migration.isEmpty()) {
                continue;
            }
            readyRows.put(uuid, migration.get());
            boolean inOrderCompletion = lifecycle.strategies().settingOf(migration.get())
                    .map(StrategySetting::isInOrderCompletion).orElse(false);
            ready.add(ReadyMigration.of(migration.get(), inOrderCompletion));
        }
        if (ready.isEmpty()) {
            return;
        }
        List<OwnedRunningMigration> ownedRunning = new ArrayList<>();
        for (MigrationUuid uuid : lifecycle.owned().snapshot()) {
            store.findMigration(uuid).ifPresent(row -> ownedRunning.add(OwnedRunningMigration.of(row)));
        }
        RunDecision decision = SchedulingRules.selectNextToRun(ready, ownedRunning, pending, lifecycle.config().maxConcurrent());
        for (RunDecision.Skipped skipped : decision.skipped()) {
            LOG.debug("ready migration {} waits: {}", skipped.uuid(), skipped.reason().describe());
        }
        decision.next().ifPresent(uuid -> runner.execute(readyRows.get(uuid)));
    }

    private List<MigrationUuid> pendingUuids() {
        return store.pendingMigrations().stream().map(PendingMigration::uuid).toList();
    }

    // ------------------------------------------------------------------ review running

    /** A running migration the executor decided to cancel, and why. */
    private record Cancellable(MigrationUuid uuid, String message) {
    }

    private void reviewRunningMigrationsAndCancel() {
        List<Cancellable> cancellable = reviewRunningMigrations();
        for (Cancellable cancel : cancellable) {
            // the status line of the migration's end says why
            LOG.debug("cancelling migration {}: {}", cancel.uuid(), cancel.message());
            lifecycle.cancel(cancel.uuid(), cancel.message(), false);
        }
    }

    private List<Cancellable> reviewRunningMigrations() {
        List<Cancellable> cancellable = new ArrayList<>();
        double userThrottleRatio = throttler.throttledApp(ThrottleTarget.ONLINE_DDL_APP)
                .map(Throttler.ThrottledApp::ratio).orElse(0.0);
        List<RunningMigration> running = store.runningMigrations();
        List<MigrationUuid> pending = pendingUuids();
        Set<MigrationUuid> foundRunning = new HashSet<>();
        for (RunningMigration row : running) {
            Optional<Migration> found = store.findMigration(row.uuid());
            if (found.isEmpty()) {
                continue;
            }
            Migration migration = found.get();
            if (!row.stowawayTable().isEmpty()) {
                restoreStowawayTable(migration, row.stowawayTable());
            }
            foundRunning.add(row.uuid());
            store.updateUserThrottleRatio(row.uuid(), userThrottleRatio);
            reviewRunning(migration, row, pending).ifPresent(cancellable::add);
        }
        Set<MigrationUuid> stillPending = new HashSet<>(pending);
        for (MigrationUuid uuid : lifecycle.owned().snapshot()) {
            if (!foundRunning.contains(uuid) && !stillPending.contains(uuid)) {
                LOG.info("forgetting migration {}: it is neither running nor pending", uuid);
                lifecycle.owned().disown(uuid);
            }
        }
        failingSince.keySet().retainAll(foundRunning);
        notRunningSince.keySet().retainAll(foundRunning);
        reviewedRunningMigrations = true;
        return cancellable;
    }

    /** One running migration: adopt it if needed, probe its engine, record progress, cut over when it may. */
    private Optional<Cancellable> reviewRunning(Migration migration, RunningMigration row, List<MigrationUuid> pending) {
        MigrationUuid uuid = migration.uuid();
        Optional<StrategySetting> setting = lifecycle.strategies().settingOf(migration);
        if (setting.isEmpty()) {
            return Optional.of(new Cancellable(uuid, MigrationRunner.notInstalledMessage(migration.strategy(), migration)));
        }
        if (!setting.get().capabilities().queued()) {
            // runs while its submitter waits; if that process died, staleness ends it
            return Optional.empty();
        }
        if (MigrationRunner.runsInCore(migration)) {
            // no engine runs it: its tick ended without ending it, so the executor stopped meanwhile
            runner.settleInterrupted(migration, setting.get());
            return Optional.empty();
        }
        String engineStrategy = lifecycle.engineStrategyOf(migration);
        Optional<StrategyEngine> engine = lifecycle.strategies().engine(engineStrategy);
        if (engine.isEmpty()) {
            return Optional.of(new Cancellable(uuid, MigrationRunner.notInstalledMessage(engineStrategy, migration)));
        }
        MigrationRun run = lifecycle.runOf(migration);
        if (!lifecycle.owned().owns(uuid)) {
            if (!adopt(engine.get(), run)) {
                return Optional.of(new Cancellable(uuid, "cancelling a " + engineStrategy + " running migration " + uuid
                        + " which is not owned (not started, or is assumed to be terminated) by this executor"));
            }
            lifecycle.owned().own(uuid);
            LOG.info("migration {} adopted by executor {}", uuid, lifecycle.config().executorId());
            if (!migration.tablet().equals(lifecycle.config().executorId())) {
                store.updateExecutor(uuid, lifecycle.config().executorId());
            }
        }
        Probe probe;
        try {
            probe = engine.get().probe(run);
        } catch (RuntimeException e) {
            probe = new Probe.Failing("strategy " + engineStrategy + " failed to report on migration " + uuid + ": "
                    + MigrationRunner.messageOf(e), false);
        }
        return probe.match(
                notRunning -> judgeNotRunning(uuid, engineStrategy),
                running -> {
                    notRunningSince.remove(uuid);
                    failingSince.remove(uuid);
                    recordProgress(migration, row, running, setting.get(), engine.get(), pending);
                    return Optional.empty();
                },
                failing -> {
                    notRunningSince.remove(uuid);
                    return judgeFailure(uuid, failing);
                });
    }

    /**
     * An engine that has just finished a migration may answer "not running" before its last report
     * has reached the store. Only a migration the engine keeps disowning for a whole check interval,
     * and that is still running then, has died with its engine.
     */
    private Optional<Cancellable> judgeNotRunning(MigrationUuid uuid, String engineStrategy) {
        Instant now = clock.instant();
        Instant since = notRunningSince.computeIfAbsent(uuid, key -> now);
        if (Duration.between(since, now).compareTo(lifecycle.config().checkInterval()) < 0) {
            return Optional.empty();
        }
        boolean stillRunning = store.findMigration(uuid).map(current -> current.status() == MigrationStatus.RUNNING)
                .orElse(false);
        return stillRunning
                ? Optional.of(new Cancellable(uuid, "strategy " + engineStrategy + " no longer runs migration " + uuid
                        + " and reported no outcome: it stopped unexpectedly. RETRY the migration to run it again"))
                : Optional.empty();
    }

    private boolean adopt(StrategyEngine engine, MigrationRun run) {
        try {
            return engine.adopt(run);
        } catch (RuntimeException e) {
            LOG.warn("engine failed to adopt migration {}: {}", run.migration().uuid(), e.getMessage());
            return false;
        }
    }

    /**
     * A terminal error cancels at once; a transient one is recorded and cancels only once it has
     * persisted for the stale threshold (Vitess's LastError window).
     */
    private Optional<Cancellable> judgeFailure(MigrationUuid uuid, Probe.Failing failing) {
        Instant now = clock.instant();
        Instant since = failingSince.computeIfAbsent(uuid, key -> now);
        boolean persisted = Duration.between(since, now).compareTo(lifecycle.config().staleThreshold()) >= 0;
        if (failing.terminal() || persisted) {
            return Optional.of(new Cancellable(uuid, failing.message()));
        }
        store.updateMessage(uuid, failing.message());
        return Optional.empty();
    }

    private void recordProgress(Migration migration, RunningMigration row, Probe.Running probe, StrategySetting setting,
            StrategyEngine engine, List<MigrationUuid> pending) {
        MigrationUuid uuid = migration.uuid();
        if (migration.livenessIndicator() < probe.livenessIndicator()) {
            store.markTimestamp(uuid, MigrationTimestamp.LIVENESS);
            store.updateLivenessIndicator(uuid, probe.livenessIndicator());
        }
        if (probe.tableRows() > 0) {
            store.updateTableRows(uuid, probe.tableRows());
        }
        // The engine may have reported the end since this probe was taken: these writes apply only
        // to a row that is still running, so a complete migration keeps its 100%.
        store.updateRowsCopied(uuid, probe.rowsCopied());
        if (probe.progress() > 0) {
            store.updateProgress(uuid, probe.progress());
        } else if (probe.tableRows() > 0) {
            store.updateProgressByRowsCopied(uuid, probe.rowsCopied());
        }
        if (probe.etaSeconds() >= 0) {
            store.updateEtaSeconds(uuid, probe.etaSeconds());
        } else {
            store.updateEtaSecondsByProgress(uuid);
        }
        probe.lastThrottled().ifPresent(when -> store.updateLastThrottled(uuid, when,
                probe.componentThrottled() == null ? "" : probe.componentThrottled()));
        if (setting.isVreplicationTestSuite()) {
            lifecycle.trigger().triggerSoon();
        }
        boolean ready = CompletionRules.readinessToReport(probe.readyToComplete(), setting.isVreplicationTestSuite(),
                row.elapsedSeconds());
        // Stored even while completion is postponed: users watch it to learn whether now is a good time.
        store.updateReadyToComplete(uuid, ready);
        CutOverDecision decision = CompletionRules.decideCutOver(
                new CutOverCandidate(uuid, ready, row.postponeCompletion(), setting.isInOrderCompletion()), pending);
        if (decision instanceof CutOverDecision.CutOverNow) {
            try {
                Migration current = store.findMigration(uuid).orElse(migration);
                engine.complete(lifecycle.runOf(current));
            } catch (MigrationStoreException e) {
                throw e;
            } catch (RuntimeException e) {
                store.updateMessage(uuid, "cut-over of migration " + uuid + " failed; it is tried again on the next review: "
                        + MigrationRunner.messageOf(e));
            }
        }
    }

    /**
     * An executor died in the middle of a cut-over and left the table stowed away under another
     * name: put it back before anything else (Vitess {@code renameTableIfApplicable}).
     */
    private void restoreStowawayTable(Migration migration, String stowawayTable) {
        String schema = lifecycle.targetSchema();
        String table = migration.mysqlTable();
        if (inspector.tableOrViewExists(schema, stowawayTable) && !inspector.tableOrViewExists(schema, table)) {
            ddlExecutor.execute(dev.onlineddl.port.out.DdlExecution.of(schema, table,
                    "RENAME TABLE " + Identifiers.quote(stowawayTable) + " TO " + Identifiers.quote(table)));
            LOG.info("stowaway table {} restored back into {}", stowawayTable, table);
        }
        store.updateStowawayTable(migration.uuid(), "");
    }

    // ------------------------------------------------------------------ stale, artifacts

    private void reviewStaleMigrations() {
        StalenessPolicy policy = lifecycle.config().stalenessPolicy();
        for (MigrationUuid uuid : store.staleMigrations(lifecycle.config().staleThreshold())) {
            Optional<Migration> found = store.findMigration(uuid);
            if (found.isEmpty()) {
                continue;
            }
            Migration migration = found.get();
            if (lifecycle.reports().isAwaited(uuid)) {
                // a direct statement this process runs while its submitter waits: long, not dead
                continue;
            }
            StalenessPolicy.StaleFinding finding = policy.judge(uuid, migration.tablet(), lifecycle.config().executorId());
            LOG.info("{}", finding.message());
            if (finding.markTabletFailure()) {
                store.markTabletFailure(uuid);
            }
            try {
                lifecycle.terminate(migration);
            } catch (MigrationStoreException e) {
                throw e;
            } catch (RuntimeException e) {
                store.updateMessage(uuid, StalenessPolicy.terminationFailedMessage(finding.message(), MigrationRunner.messageOf(e)));
                continue;
            }
            lifecycle.reports().failStale(uuid, finding.message());
        }
    }

    private void collectArtifacts() {
        artifactCollector.collect();
    }

    private void collectGarbageTables() {
        tableGarbageCollector.collect();
    }
}
