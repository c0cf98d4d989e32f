package dev.onlineddl.example.plugin;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyException;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs slow-copy migrations, each as a {@link CopyJob} on a thread of its own. Every method
 * returns at once, as the SPI asks.
 */
final class SlowCopyEngine implements StrategyEngine {

    private static final System.Logger LOG = System.getLogger(SlowCopyEngine.class.getName());

    /** A stopped job kills its statement and ends; this bounds close() should a server not answer. */
    private static final Duration JOBS_STOP = Duration.ofSeconds(30);

    private final StrategyContext context;
    private final ConcurrentMap<MigrationUuid, CopyJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService threads;

    SlowCopyEngine(StrategyContext context) {
        this.context = context;
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "slow-copy-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start(MigrationRun run) {
        Objects.requireNonNull(run, "run");
        if (run.setting().isAllowZeroInDate()) {
            throw new StrategyException("--allow-zero-in-date not supported in '" + SlowCopyPlugin.STRATEGY_NAME
                    + "' strategy (migration " + run.migration().uuid() + "): remove the flag");
        }
        launch(run, CopyJob.Mode.FRESH);
    }

    @Override
    public Probe probe(MigrationRun run) {
        CopyJob job = jobs.get(run.migration().uuid());
        return job == null ? new Probe.NotRunning() : job.probe();
    }

    @Override
    public void complete(MigrationRun run) {
        CopyJob job = jobs.get(run.migration().uuid());
        if (job != null) {
            job.allowCutOver();
        }
    }

    @Override
    public boolean terminate(MigrationRun run) {
        CopyJob job = jobs.get(run.migration().uuid());
        return job != null && job.terminate();
    }

    /**
     * Hands every job over: each stops, leaving its shadow table, checkpoint and triggers for the
     * engine of the next executor to adopt, and its thread ends. Waits for that, within bounds,
     * so that no copy thread outlives the executor.
     */
    @Override
    public void close() {
        if (threads.isShutdown()) {
            return;
        }
        threads.shutdown();
        jobs.values().forEach(CopyJob::handOver);
        try {
            if (!threads.awaitTermination(JOBS_STOP.toSeconds(), TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "slow-copy jobs {0} did not stop within {1} of closing", jobs.keySet(), JOBS_STOP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Everything a job needs is in the database (shadow table, checkpoint, triggers), so a job
     * another engine began carries on here. If the tables were swapped already and only the
     * report got lost, the migration is reported complete.
     */
    @Override
    public boolean adopt(MigrationRun run) {
        MigrationUuid uuid = run.migration().uuid();
        if (jobs.containsKey(uuid)) {
            return true;
        }
        CopyTables tables = CopyTables.of(run.migration(), context.connections().schema());
        try {
            boolean original = tableExists(tables.schema(), tables.table());
            boolean shadow = tableExists(tables.schema(), tables.shadow());
            boolean old = tableExists(tables.schema(), tables.old());
            if (original && old && !shadow) {
                context.reporter().report(uuid, StatusReport.complete(0));
                return true;
            }
            if (!original) {
                return false;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "migration {0}: cannot adopt, the tables of {1} cannot be read: {2}", uuid,
                    tables.describe(), e.getMessage());
            return false;
        }
        launch(run, CopyJob.Mode.RESUME);
        return true;
    }

    private void launch(MigrationRun run, CopyJob.Mode mode) {
        MigrationUuid uuid = run.migration().uuid();
        CopyJob job = new CopyJob(run, CopyTables.of(run.migration(), context.connections().schema()), context, mode,
                ended -> jobs.remove(uuid, ended));
        if (jobs.putIfAbsent(uuid, job) != null) {
            throw new StrategyException("migration " + uuid + " is already running on this slow-copy engine");
        }
        try {
            threads.execute(job);
        } catch (RejectedExecutionException e) {
            jobs.remove(uuid, job);
            throw new StrategyException("migration " + uuid + ": no thread could be started for the copy: " + e, e);
        }
    }

    private boolean tableExists(String schema, String table) throws SQLException {
        try (Connection connection = context.connections().open(); PreparedStatement select = connection.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals(table)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
