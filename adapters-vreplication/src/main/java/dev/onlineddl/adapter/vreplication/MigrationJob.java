package dev.onlineddl.adapter.vreplication;

import dev.onlineddl.adapter.vreplication.stream.ServerPositions;
import dev.onlineddl.adapter.vreplication.coordination.ThrottleGate;
import dev.onlineddl.adapter.vreplication.coordination.ShadowWriters;
import dev.onlineddl.adapter.vreplication.plan.RowResync;
import dev.onlineddl.adapter.vreplication.apply.ChangeApplier;
import dev.onlineddl.adapter.vreplication.copy.ChunkSizer;
import dev.onlineddl.adapter.vreplication.copy.RowCopier;
import dev.onlineddl.adapter.vreplication.cutover.CutOver;
import dev.onlineddl.adapter.vreplication.cutover.CutOverException;
import dev.onlineddl.adapter.vreplication.cutover.CutOverTimeouts;
import dev.onlineddl.adapter.vreplication.inspect.ColumnInfo;
import dev.onlineddl.adapter.vreplication.inspect.MigrationPlan;
import dev.onlineddl.adapter.vreplication.inspect.MigrationPlanner;
import dev.onlineddl.adapter.vreplication.inspect.TableInspector;
import dev.onlineddl.adapter.vreplication.inspect.TableShape;
import dev.onlineddl.adapter.vreplication.plan.KeyColumn;
import dev.onlineddl.adapter.vreplication.plan.TableCopyPlan;
import dev.onlineddl.adapter.vreplication.state.StreamState;
import dev.onlineddl.adapter.vreplication.state.StreamStateStore;
import dev.onlineddl.adapter.vreplication.stream.BinlogStreamer;
import dev.onlineddl.adapter.vreplication.stream.KeyDecoder;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.AlterColumnChanges;
import dev.onlineddl.domain.ddl.RewrittenCreateTable;
import dev.onlineddl.domain.naming.ArtifactNames;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.domain.server.BinlogPosition;
import dev.onlineddl.domain.throttle.ThrottleCheck;
import dev.onlineddl.port.out.DedicatedSession;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.spi.StrategyContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One migration's life on its own thread: analysis and shadow table, stream and applier started
 * from a position taken before the copy, the copy, then waiting for the core's go-ahead and
 * cutting over (retried with backoff). Reports through the context's reporter; answers probes
 * from any thread.
 */
final class MigrationJob {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationJob.class);
    private static final Duration THROTTLE_RECHECK = Duration.ofMillis(250);

    private final MigrationRun run;
    private final MigrationUuid uuid;
    private final StrategyContext context;
    private final EngineSettings settings;
    private final StreamStateStore state;
    private final Runnable onEnd;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean cutOverRequested;
    private volatile boolean stopping;
    private volatile boolean reportOnStop = true;
    private volatile String failure;
    private volatile boolean finished;

    private volatile long tableRows;
    private volatile long rowsCopied;
    private volatile boolean copyDone;
    private volatile boolean readyReported;
    private volatile Instant copyStarted;
    private volatile Instant lastThrottled;
    private volatile String componentThrottled = "";
    private volatile long streamId = -1;

    private volatile BinlogStreamer streamer;
    private volatile ChangeApplier applier;
    private long serverId;
    private boolean mariaDb;
    private TableCopyPlan plan;
    private int sourceColumnCount;
    private final ShadowWriters shadowWriters;

    MigrationJob(MigrationRun run, StrategyContext context, EngineSettings settings, StreamStateStore state, Runnable onEnd) {
        this.run = run;
        this.uuid = run.migration().uuid();
        this.context = context;
        this.settings = settings;
        this.state = state;
        this.onEnd = onEnd;
        this.shadowWriters = settings.copyApplyProtection() ? ShadowWriters.inTurns() : ShadowWriters.sideBySide();
        this.thread = new Thread(this::live, "vrepl-" + uuid.value());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    // ------------------------------------------------------------------ the core's calls

    Probe probe() {
        String failed = failure;
        if (failed != null) {
            return new Probe.Failing(failed, true);
        }
        if (finished) {
            return new Probe.NotRunning();
        }
        ChangeApplier currentApplier = applier;
        if (currentApplier != null) {
            context.reporter().streamLag(uuid, currentApplier.lag(context.clock().instant()));
        }
        long rows = rowsCopied;
        long total = tableRows;
        double progress = copyDone ? 100 : total > 0 ? Math.min(99.9, 100.0 * rows / total) : 0;
        return new Probe.Running(progress, rows, total, etaSeconds(rows, total), isReady(), livenessIndicator(),
                Optional.ofNullable(lastThrottled), componentThrottled);
    }

    /** The core lets the migration cut over now (it is ready, not postponed, and its turn). */
    void requestCutOver() {
        lock.lock();
        try {
            cutOverRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Cancel: stop everything and remove the stream's state; the source is untouched. */
    void terminate() {
        reportOnStop = false;
        stop();
        awaitEnd();
        try (Connection connection = context.connections().open()) {
            state.delete(connection, uuid.value());
        } catch (SQLException e) {
            LOG.warn("could not remove the stream state of cancelled migration {}: {}", uuid, e.getMessage());
        }
    }

    /** The executor closes: stop working, report nothing, keep what was built. */
    void close() {
        reportOnStop = false;
        stop();
        awaitEnd();
    }

    private void stop() {
        lock.lock();
        try {
            stopping = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitEnd() {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ the job's thread

    private void live() {
        try {
            context.reporter().report(uuid, StatusReport.running(0, StatusReport.ETA_UNKNOWN, 0));
            prepare();
            startStream();
            copy();
            awaitAndCutOver();
        } catch (StoppedException e) {
            LOG.info("migration {} stopped", uuid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | SQLException e) {
            fail(messageOf(e));
        } finally {
            closeStream();
            finished = true;
            onEnd.run();
        }
    }

    private void prepare() throws SQLException {
        String schema = context.connections().schema();
        String table = run.migration().mysqlTable();
        TableInspector inspector = new TableInspector();
        context.reporter().stage(uuid, "analyzing");
        AlterColumnChanges changes = context.ddlAnalyzer().alterColumnChanges(run.statement());
        if (changes.renamesTable()) {
            throw new RefusalException("Renaming the table is not supported in ALTER TABLE: " + run.statement()
                    + ". Rename it with RENAME TABLE, or submit a migration that does not rename it");
        }
        TableShape source;
        long autoIncrement;
        try (Connection connection = context.connections().open()) {
            mariaDb = ServerPositions.isMariaDb(connection);
            List<String> problems = inspector.binlogSettingProblems(connection);
            if (!problems.isEmpty()) {
                throw new RefusalException("the server is not set up for the " + run.setting().strategy()
                        + " strategy: " + String.join("; ", problems));
            }
            if (!context.schemaInspector().tableExists(schema, table)) {
                throw new RefusalException("table `" + table + "` does not exist in `" + schema + "`");
            }
            int triggers = inspector.triggerCount(connection, schema, table);
            if (triggers > 0) {
                throw new RefusalException("table `" + table + "` has " + triggers + (triggers == 1 ? " trigger" : " triggers")
                        + ": the " + run.setting().strategy() + " strategy cannot migrate a table with triggers. Drop"
                        + " them, or use another strategy");
            }
            if (!run.setting().isUnsafeAllowForeignKeys()) {
                Optional<String> foreignKeys = inspector.foreignKeyProblem(connection, schema, table);
                if (foreignKeys.isPresent()) {
                    throw new RefusalException(foreignKeys.get() + ": foreign keys are not supported by online migrations;"
                            + " use --unsafe-allow-foreign-keys to migrate it anyway");
                }
            }
            source = inspector.shape(connection, schema, table);
            autoIncrement = inspector.autoIncrement(connection, schema, table);
            tableRows = inspector.estimatedRows(connection, schema, table);
        }
        String shadow = freeShadowName(schema);
        ShadowTableBuilder builder = new ShadowTableBuilder(context);
        RewrittenCreateTable created = builder.create(uuid, schema, table, shadow, run.setting().isUnsafeAllowForeignKeys());
        context.reporter().artifactTable(uuid, shadow);
        builder.alter(uuid, run.statement(), table, shadow, created);
        TableShape target;
        try (Connection connection = context.connections().open()) {
            target = inspector.shape(connection, schema, shadow);
        }
        MigrationPlan analysis = new MigrationPlanner().plan(source, target, changes);
        context.reporter().schemaAnalysis(uuid, analysis.analysis());
        if (autoIncrement > 0 && !changes.setsAutoIncrement()) {
            builder.carryAutoIncrement(schema, shadow, autoIncrement);
        }
        List<KeyColumn> key = analysis.sourceKeyColumns().stream().map(MigrationJob::keyColumn).toList();
        for (KeyColumn column : key) {
            if (!column.isSupportedKeyType() || !KeyDecoder.decodesCharacterSet(column.characterSet())) {
                throw new RefusalException("the unique key `" + analysis.sourceKey().name() + "` of `" + table
                        + "` that the migration would iterate has column `" + column.name() + "` of type "
                        + column.dataType() + (column.characterSet().isEmpty() ? "" : " " + column.characterSet())
                        + ", which this version of the engine cannot follow in the binlog yet");
            }
        }
        plan = new TableCopyPlan(schema, table, shadow, analysis.selectList(), analysis.targetColumnList(),
                analysis.sourceKey().name(), key, analysis.sourceKeyTargetColumns(), analysis.targetKey().name());
        sourceColumnCount = source.columns().size();
        try (Connection connection = context.connections().open()) {
            streamId = state.create(connection, uuid.value(), schema, describeSource(analysis), table);
        }
    }

    /**
     * The shadow's name, {@code _<uuid>_<timestamp>_vrepl}: a retried migration's earlier shadow is
     * kept as an artifact, and a retry within the same second would take its name, so the first
     * free second from now is used.
     */
    private String freeShadowName(String schema) {
        Instant at = context.clock().instant();
        String name = ArtifactNames.vreplicationShadowTable(uuid, at, ZoneId.systemDefault());
        for (int tries = 0; context.schemaInspector().tableOrViewExists(schema, name); tries++) {
            if (tries > 3600) {
                throw new IllegalStateException("no free shadow table name for migration " + uuid
                        + ": an hour's worth of _vrepl names is taken; drop the old artifacts");
            }
            at = at.plusSeconds(1);
            name = ArtifactNames.vreplicationShadowTable(uuid, at, ZoneId.systemDefault());
        }
        return name;
    }

    private static KeyColumn keyColumn(ColumnInfo column) {
        return new KeyColumn(column.name(), column.ordinal(), column.dataType(), column.unsigned(), column.characterSet(),
                column.enumValues());
    }

    /** The stream's {@code source} column: what is streamed into what, by which key. */
    private String describeSource(MigrationPlan analysis) {
        return "table " + plan.sourceTable() + " into " + plan.shadowTable() + " by key " + analysis.sourceKey().name()
                + " " + analysis.sourceKey().columns() + ", " + analysis.sharedColumns().size() + " shared columns";
    }

    private void startStream() throws SQLException {
        checkStopped();
        serverId = context.allocateServerId();
        BinlogPosition start;
        try (Connection connection = context.connections().open()) {
            start = ServerPositions.current(connection, mariaDb);
        }
        DedicatedSession applierSession = context.openDedicatedSession();
        applier = new ChangeApplier(uuid.value(), new RowResync(plan), applierSession.connection(), state, streamId, start,
                throttleGate(), settings.copyApplyProtection(), shadowWriters, context.clock(), this::fail);
        applier.start();
        openStreamer(start);
    }

    private void openStreamer(BinlogPosition from) {
        BinlogStreamer opened = new BinlogStreamer(context.endpoint(), serverId, plan.schema(), plan.sourceTable(),
                new KeyDecoder(plan.sourceKey()), sourceColumnCount, from, context.clock(), applier);
        try {
            opened.start(Duration.ofSeconds(10));
        } catch (java.io.IOException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the binlog stream of migration " + uuid + " could not connect to "
                    + context.endpoint().host() + ":" + context.endpoint().port() + ": " + e.getMessage()
                    + ". The account needs the REPLICATION SLAVE and REPLICATION CLIENT privileges", e);
        }
        streamer = opened;
    }

    private void copy() throws SQLException, InterruptedException {
        checkStopped();
        try (Connection connection = context.connections().open()) {
            state.updateState(connection, streamId, StreamState.COPYING, "");
        }
        context.reporter().stage(uuid, "copying rows");
        copyStarted = context.clock().instant();
        try (DedicatedSession session = context.openDedicatedSession()) {
            RowCopier copier = new RowCopier(uuid.value(), plan, session.connection(), state, streamId,
                    new ChunkSizer(settings.chunkTime(), 1000), throttleGate(), settings.copyApplyProtection(),
                    settings.chunkObserver(), shadowWriters, (copied, lastKey) -> rowsCopied = copied);
            if (!copier.copyAll(() -> stopping || failure != null)) {
                checkStopped();
            }
            rowsCopied = copier.rowsCopied();
        }
        LOG.info("migration {}: copied {} rows of `{}` in {} ms", uuid, rowsCopied, plan.sourceTable(),
                Duration.between(copyStarted, context.clock().instant()).toMillis());
        checkStopped();
        try (Connection connection = context.connections().open()) {
            state.finishCopy(connection, streamId);
        }
        copyDone = true;
        context.reporter().stage(uuid, "copy done; streaming changes");
    }

    private void awaitAndCutOver() throws InterruptedException, SQLException {
        int failedAttempts = 0;
        Instant nextAttempt = Instant.MIN;
        while (true) {
            lock.lock();
            try {
                while (!stopping && failure == null && !(cutOverRequested && !context.clock().instant().isBefore(nextAttempt))) {
                    if (!readyReported && isReady()) {
                        break; // report readiness outside the lock
                    }
                    wake.await(100, TimeUnit.MILLISECONDS);
                }
            } finally {
                lock.unlock();
            }
            checkStopped();
            if (!readyReported && isReady()) {
                readyReported = true;
                LOG.info("migration {} is ready to complete", uuid);
                context.reporter().stage(uuid, "ready to complete");
                context.reporter().report(uuid, StatusReport.readyToComplete(100, rowsCopied));
                continue;
            }
            if (!cutOverRequested || context.clock().instant().isBefore(nextAttempt)) {
                continue;
            }
            context.reporter().cutOverAttempt(uuid);
            CutOver cutOver = new CutOver(uuid, plan, context, applier, this::closeStreamerOnly,
                    new CutOverTimeouts(settings.positionWait(), settings.cutOverLockTimeout()), new CutOver.Stages() {
                @Override
                public void stage(String text) {
                    context.reporter().stage(uuid, text);
                }

                @Override
                public void sentryCreated(String sentryTable) {
                    context.reporter().artifactTable(uuid, sentryTable);
                }
            }, mariaDb);
            try {
                BinlogPosition applied = cutOver.attempt();
                try (Connection connection = context.connections().open()) {
                    state.recordApplied(connection, streamId, applied.encoded(), context.clock().instant(),
                            context.clock().instant());
                    state.updateState(connection, streamId, StreamState.STOPPED, "");
                }
                context.reporter().stage(uuid, "re-enabling writes");
                finished = true;
                context.reporter().report(uuid, StatusReport.complete(rowsCopied));
                return;
            } catch (CutOverException e) {
                failedAttempts++;
                Duration backoff = settings.backoffAfter(failedAttempts);
                nextAttempt = context.clock().instant().plus(backoff);
                LOG.info("{}; next attempt in {} ms", e.getMessage(), backoff.toMillis());
                context.reporter().stage(uuid, "cut-over failed, retrying in " + backoff.toMillis() + " ms: " + e.getMessage());
                if (e.streamStopped()) {
                    openStreamer(applier.appliedPosition());
                    applier.resume();
                }
                lock.lock();
                try {
                    cutOverRequested = false; // the core asks again on its next review
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private boolean isReady() {
        BinlogStreamer current = streamer;
        ChangeApplier currentApplier = applier;
        if (!copyDone || current == null || currentApplier == null || failure != null) {
            return false;
        }
        Instant now = context.clock().instant();
        Duration streamSilence = Duration.between(current.lastActivity(), now);
        return streamSilence.compareTo(settings.readyLag()) <= 0
                && currentApplier.lag(now).compareTo(settings.readyLag()) <= 0;
    }

    private long livenessIndicator() {
        BinlogStreamer current = streamer;
        return current == null ? context.clock().instant().getEpochSecond() : current.lastActivity().getEpochSecond();
    }

    private long etaSeconds(long rows, long total) {
        Instant started = copyStarted;
        if (copyDone) {
            return 0;
        }
        if (started == null || rows <= 0 || total <= rows) {
            return StatusReport.ETA_UNKNOWN;
        }
        double seconds = Duration.between(started, context.clock().instant()).toMillis() / 1000.0;
        return Math.round(seconds / rows * (total - rows));
    }

    private ThrottleGate throttleGate() {
        return component -> {
            while (true) {
                checkStopped();
                ThrottleCheck check = context.throttleCheck(uuid);
                if (!(check instanceof ThrottleCheck.Throttled throttled)) {
                    return;
                }
                Instant now = context.clock().instant();
                lastThrottled = now;
                componentThrottled = component;
                context.reporter().throttled(uuid, now, component);
                context.reporter().stage(uuid, "throttled (" + component + "): " + throttled.describe());
                try (Connection connection = context.connections().open()) {
                    state.recordThrottled(connection, streamId, now, component);
                } catch (SQLException e) {
                    LOG.debug("recording throttling of {}: {}", uuid, e.getMessage());
                }
                lock.lock();
                try {
                    if (!stopping) {
                        wake.await(THROTTLE_RECHECK.toMillis(), TimeUnit.MILLISECONDS);
                    }
                } finally {
                    lock.unlock();
                }
            }
        };
    }

    private void checkStopped() {
        if (stopping) {
            throw new StoppedException();
        }
        String failed = failure;
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    /** The stream, the applier or the job failed: the migration fails with the first message. */
    private void fail(String message) {
        lock.lock();
        try {
            if (failure != null || stopping || finished) {
                return;
            }
            failure = message;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (reportOnStop) {
            context.reporter().report(uuid, StatusReport.failed(message));
        }
        if (streamId >= 0) {
            try (Connection connection = context.connections().open()) {
                state.updateState(connection, streamId, StreamState.ERROR, message);
            } catch (SQLException e) {
                LOG.debug("recording the failure of {}: {}", uuid, e.getMessage());
            }
        }
    }

    private void closeStreamerOnly() {
        BinlogStreamer current = streamer;
        if (current != null) {
            current.close();
        }
    }

    private void closeStream() {
        closeStreamerOnly();
        ChangeApplier currentApplier = applier;
        if (currentApplier != null) {
            currentApplier.close();
        }
    }

    private static String messageOf(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The job was told to stop (cancel or close): not a failure. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("stopped", null, false, false);
        }
    }
}
