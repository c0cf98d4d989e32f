package dev.onlineddl.adapter.vreplication;

import dev.onlineddl.adapter.vreplication.state.StateTables;
import dev.onlineddl.adapter.vreplication.state.StreamStateStore;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of the {@code vitess} and {@code online} strategies: one {@link MigrationJob} per
 * running ALTER. The core decides when a migration may start (one copy phase at a time) and when
 * it may cut over (postponed, in order); the engine does the rest.
 */
public final class VReplicationEngine implements StrategyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(VReplicationEngine.class);

    private final StrategyContext context;
    private final EngineSettings settings;
    private final Map<MigrationUuid, MigrationJob> jobs = new ConcurrentHashMap<>();
    private volatile StreamStateStore state;

    public VReplicationEngine(StrategyContext context, EngineSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** The state tables, created on first use: the control schema need not exist when the engine is made. */
    private StreamStateStore state() {
        StreamStateStore current = state;
        if (current == null) {
            synchronized (this) {
                if (state == null) {
                    StateTables.migrate(context);
                    state = new StreamStateStore(context.controlSchema());
                }
                current = state;
            }
        }
        return current;
    }

    @Override
    public void start(MigrationRun run) {
        MigrationUuid uuid = run.migration().uuid();
        StreamStateStore store;
        try {
            store = state();
        } catch (RuntimeException e) {
            throw new StrategyException("the " + run.setting().strategy() + " engine could not create its state tables in "
                    + "the control schema: " + e.getMessage());
        }
        MigrationJob job = new MigrationJob(run, context, settings, store, () -> jobs.remove(uuid));
        if (jobs.putIfAbsent(uuid, job) != null) {
            throw new StrategyException("migration " + uuid + " is already running on this executor");
        }
        job.start();
    }

    @Override
    public Probe probe(MigrationRun run) {
        MigrationJob job = jobs.get(run.migration().uuid());
        return job == null ? new Probe.NotRunning() : job.probe();
    }

    @Override
    public void complete(MigrationRun run) {
        MigrationJob job = jobs.get(run.migration().uuid());
        if (job != null) {
            job.requestCutOver();
        }
    }

    @Override
    public boolean terminate(MigrationRun run) {
        MigrationUuid uuid = run.migration().uuid();
        MigrationJob job = jobs.remove(uuid);
        if (job != null) {
            job.terminate();
            return true;
        }
        removeState(uuid);
        return false;
    }

    /** Declared as Vitess declares it, for the core's revert rules; the revert stream itself is not built yet. */
    @Override
    public void startRevert(MigrationRun revert, Migration reverted) {
        throw new StrategyException("reverting the " + reverted.strategy() + " ALTER " + reverted.uuid()
                + " is not supported by this version of the engine yet: its old table is kept as artifact "
                + reverted.artifacts() + "; restore from it by hand if you must, or wait for revert support");
    }

    @Override
    public void collectArtifacts(Migration migration) {
        removeState(migration.uuid());
    }

    private void removeState(MigrationUuid uuid) {
        try (Connection connection = context.connections().open()) {
            state().delete(connection, uuid.value());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not remove the stream state of migration {}: {}", uuid, e.getMessage());
        }
    }

    @Override
    public void close() {
        List<MigrationJob> running = List.copyOf(jobs.values());
        jobs.clear();
        running.forEach(MigrationJob::close);
    }
}
