package dev.onlineddl.service.it;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StatusReporter;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs ALTERs asynchronously on a thread of its own: reports running, "copies" (instantly, unless
 * the test holds the copy back), is ready to complete unless throttled, and applies the ALTER only
 * when the core calls {@link #complete}: the cut-over. A REVERT it is handed is recorded and cut
 * over the same way, changing nothing (reversing an ALTER is the vreplication engine's business;
 * what the core must do is hand it over).
 */
final class TestAlterEngine implements StrategyEngine, AutoCloseable {

    private final StrategyContext context;
    private final String strategy;
    private final ExecutorService threads;
    private final Map<MigrationUuid, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong heartbeat = new AtomicLong();
    private volatile CountDownLatch copyGate = new CountDownLatch(0);
    private volatile boolean adoptable = true;
    private volatile boolean heartbeatFrozen;
    private volatile boolean reportsReadiness;
    private final Map<MigrationUuid, Probe.Failing> failures = new ConcurrentHashMap<>();
    final List<MigrationUuid> started = new CopyOnWriteArrayList<>();
    final List<MigrationUuid> terminated = new CopyOnWriteArrayList<>();
    final List<MigrationUuid> adopted = new CopyOnWriteArrayList<>();
    final List<MigrationUuid> completeCalls = new CopyOnWriteArrayList<>();
    private volatile Duration streamLag;
    final Map<MigrationUuid, MigrationUuid> revertsStarted = new ConcurrentHashMap<>();
    final List<MigrationUuid> artifactsCollected = new CopyOnWriteArrayList<>();

    private final class Job {
        final MigrationRun run;
        final boolean revert;
        final CountDownLatch cutOver = new CountDownLatch(1);
        volatile boolean copied;
        volatile boolean stopped;

        Job(MigrationRun run, boolean revert) {
            this.run = run;
            this.revert = revert;
        }

        MigrationUuid uuid() {
            return run.migration().uuid();
        }
    }

    TestAlterEngine(StrategyContext context, String strategy) {
        this.context = context;
        this.strategy = strategy;
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-engine-" + strategy);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Until {@link #releaseCopies()}, started migrations stay in their copy phase (not ready to complete). */
    void holdCopies() {
        copyGate = new CountDownLatch(1);
    }

    void releaseCopies() {
        copyGate.countDown();
    }

    /** Whether {@link #adopt} takes over migrations of another executor (true) or refuses (false). */
    void adoptable(boolean canAdopt) {
        this.adoptable = canAdopt;
    }

    /** From now on the migration's probes report this error (the engine keeps the migration). */
    void failProbes(MigrationUuid uuid, String message, boolean terminal) {
        failures.put(uuid, new Probe.Failing(message, terminal));
    }

    /** Whether the engine stops showing signs of life (its heartbeat no longer advances). */
    void freezeHeartbeat(boolean frozen) {
        heartbeatFrozen = frozen;
    }

    boolean runs(MigrationUuid uuid) {
        return jobs.containsKey(uuid);
    }

    @Override
    public void start(MigrationRun run) {
        launch(new Job(run, false), false);
        started.add(run.migration().uuid());
    }

    @Override
    public void startRevert(MigrationRun revert, Migration reverted) {
        launch(new Job(revert, true), false);
        revertsStarted.put(revert.migration().uuid(), reverted.uuid());
    }

    private void launch(Job job, boolean alreadyCopied) {
        job.copied = alreadyCopied;
        jobs.put(job.uuid(), job);
        threads.submit(() -> runJob(job));
    }

    private void runJob(Job job) {
        MigrationUuid uuid = job.uuid();
        try {
            context.reporter().report(uuid, StatusReport.running(0, StatusReport.ETA_UNKNOWN, 0));
            if (!job.copied) {
                copyGate.await();
                job.copied = true;
            }
            if (reportsReadiness && !job.revert) {
                // as an engine that learns it is ready on its own thread tells the core at once
                context.reporter().report(uuid, StatusReport.readyToComplete(100, 0));
            }
            job.cutOver.await();
            if (job.stopped) {
                return;
            }
            if (!job.revert) {
                context.ddlExecutor().execute(DdlExecution.of(context.connections().schema(),
                        job.run.migration().mysqlTable(), job.run.statement()));
            }
            jobs.remove(uuid);
            context.reporter().report(uuid, StatusReport.complete(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            jobs.remove(uuid);
            context.reporter().report(uuid, StatusReport.failed("engine " + strategy + " failed: " + e.getMessage()));
        }
    }

    /** The reporter the core handed this engine, for tests that report as an engine would. */
    StatusReporter reporter() {
        return context.reporter();
    }

    /** From now on the engine also reports ready-to-complete once copied, instead of only answering probes with it. */
    void reportReadiness() {
        reportsReadiness = true;
    }

    /** From now on every probe of a running migration also reports this stream lag, as the native engine does. */
    void reportStreamLag(Duration lag) {
        streamLag = lag;
    }

    @Override
    public Probe probe(MigrationRun run) {
        Job job = jobs.get(run.migration().uuid());
        if (job == null || job.stopped) {
            return new Probe.NotRunning();
        }
        Duration lag = streamLag;
        if (lag != null) {
            context.reporter().streamLag(job.uuid(), lag);
        }
        Probe.Failing failing = failures.get(job.uuid());
        if (failing != null) {
            return failing;
        }
        boolean throttled = context.throttler().shouldThrottle(job.uuid().value());
        boolean ready = job.copied && !throttled;
        return new Probe.Running(job.copied ? 100 : 0, 0, 0, job.copied ? 0 : StatusReport.ETA_UNKNOWN, ready,
                heartbeatFrozen ? heartbeat.get() : heartbeat.incrementAndGet(), Optional.empty(), "");
    }

    @Override
    public void complete(MigrationRun run) {
        completeCalls.add(run.migration().uuid());
        Job job = jobs.get(run.migration().uuid());
        if (job != null) {
            job.cutOver.countDown();
        }
    }

    @Override
    public boolean terminate(MigrationRun run) {
        terminated.add(run.migration().uuid());
        Job job = jobs.remove(run.migration().uuid());
        if (job == null) {
            return false;
        }
        job.stopped = true;
        job.cutOver.countDown();
        return true;
    }

    /** A restarted executor finds the migration running: resume it as if its copy had survived. */
    @Override
    public boolean adopt(MigrationRun run) {
        if (!adoptable) {
            return false;
        }
        adopted.add(run.migration().uuid());
        Job job = new Job(run, run.migration().isRevert());
        job.copied = true;
        jobs.put(job.uuid(), job);
        threads.submit(() -> runJob(job));
        return true;
    }

    @Override
    public void collectArtifacts(Migration migration) {
        artifactsCollected.add(migration.uuid());
    }

    @Override
    public void close() {
        copyGate.countDown();
        jobs.values().forEach(job -> {
            job.stopped = true;
            job.cutOver.countDown();
        });
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
