package dev.onlineddl.adapter.mysql.strategy;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.MigrationProgress;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.port.out.DdlExecutionException;
import dev.onlineddl.port.out.SchemaInspectionException;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code mysql} strategy: the migration's ALTER as it was written, run by the server itself
 * on a session of its own (Vitess's {@code executeDirectly} in a goroutine). Progress is what
 * the server says about that session: MariaDB's process list ({@code STAGE}, {@code MAX_STAGE},
 * {@code PROGRESS}), MySQL's performance schema stages when they are instrumented. Terminating
 * kills the session, which rolls the ALTER back. Nothing survives a restart: the ALTER dies with
 * the executor's connection, so {@link #adopt} is never possible.
 *
 * <p>After {@link #terminate} the engine reports nothing more for that migration: the core
 * decides whether it ends cancelled or failed.
 */
public final class MysqlStrategyEngine implements StrategyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MysqlStrategyEngine.class);

    private static final String SELECT_MARIADB_PROGRESS =
            "SELECT STAGE, MAX_STAGE, PROGRESS FROM information_schema.PROCESSLIST WHERE ID = ?";
    private static final String SELECT_SESSION_EXISTS = "SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ?";
    private static final String SELECT_MYSQL_STAGE_WORK = """
            SELECT stage.WORK_COMPLETED, stage.WORK_ESTIMATED
            FROM performance_schema.events_stages_current AS stage
            JOIN performance_schema.threads AS thread ON thread.THREAD_ID = stage.THREAD_ID
            WHERE thread.PROCESSLIST_ID = ?""";
    /** Bounds close(): idle threads end at once, so only a broken JVM would make this matter. */
    private static final Duration IDLE_THREADS_END = Duration.ofSeconds(10);

    private final StrategyContext context;
    private final ExecutorService sessions;
    private final ConcurrentMap<MigrationUuid, AlterSession> running = new ConcurrentHashMap<>();
    /** Learned on the first probe, not at construction: the server may be away when the executor starts. */
    private volatile Boolean mariaDb;

    public MysqlStrategyEngine(StrategyContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.sessions = Executors.newCachedThreadPool(daemonThreads("onlineddl-mysql-alter-"));
    }

    @Override
    public void start(MigrationRun run) {
        Objects.requireNonNull(run, "run");
        DdlExecution statement = StrategyRuns.ddlExecution(run, context.connections().schema());
        MigrationUuid uuid = run.migration().uuid();
        AlterSession session = new AlterSession(run, context.clock().instant());
        if (running.putIfAbsent(uuid, session) != null) {
            throw new StrategyException(StrategyRuns.failureOf(run, "it is already running on this executor"));
        }
        try {
            sessions.execute(() -> runAlter(session, statement));
        } catch (RejectedExecutionException e) {
            running.remove(uuid, session);
            String why = sessions.isShutdown() ? "the executor is closing" : e.toString();
            throw new StrategyException(StrategyRuns.failureOf(run, "no thread could be started to run the ALTER: " + why), e);
        }
    }

    @Override
    public Probe probe(MigrationRun run) {
        AlterSession session = running.get(run.migration().uuid());
        if (session == null) {
            return new Probe.NotRunning();
        }
        OptionalLong sessionId = session.runningSessionId();
        Instant now = context.clock().instant();
        if (sessionId.isPresent()) {
            try {
                readServerProgress(sessionId.getAsLong()).ifPresent(progress -> session.seenAlive(progress, now));
            } catch (SQLException | SchemaInspectionException e) {
                return new Probe.Failing(StrategyRuns.failureOf(run, "cannot read the progress of the ALTER on "
                        + tableOf(run) + " (session " + sessionId.getAsLong() + "): " + e.getMessage()), false);
            }
        }
        double progress = session.lastProgress();
        long elapsed = MigrationProgress.elapsedSeconds(session.startedAt(), now);
        // The server counts no rows for a plain ALTER, so rows copied and table rows stay unknown
        // (0): reported, a row estimate would have the core derive progress from 0 rows copied.
        // For the same reason the ETA is the time so far stretched over what is left, whatever
        // the table's size (any non-zero row count gives that).
        long eta = MigrationProgress.etaSecondsByProgress(progress, 1, elapsed);
        return new Probe.Running(progress, MigrationProgress.ROWS_COPIED_UNKNOWN, 0, eta,
                false, session.lastSeenAliveEpochSecond(), Optional.empty(), "");
    }

    /** A plain ALTER cuts over by itself when it ends: there is nothing to release. */
    @Override
    public void complete(MigrationRun run) {
        // Intentionally empty: mysql does not support --postpone-completion.
    }

    @Override
    public boolean terminate(MigrationRun run) {
        AlterSession session = running.get(run.migration().uuid());
        if (session == null) {
            return false;
        }
        boolean wasRunning = session.terminate(sessionId -> kill(run, sessionId));
        LOG.info("migration {}: terminated the ALTER on {}{}", run.migration().uuid(), tableOf(run),
                wasRunning ? "" : " (it had just ended)");
        return wasRunning;
    }

    /**
     * Takes no new ALTERs and lets the idle threads end now. An ALTER in flight is neither killed
     * nor waited for: as in Vitess, whose {@code executeDirectly} goroutine outlives
     * {@code Executor.Close()} on a connection of its own, it runs to its end and reports its
     * outcome, and its thread ends with it. Were the executor to kill it instead, the work done so
     * far would be lost although the migration may well complete. Should the process exit first,
     * the ALTER dies with its session (its threads are daemons and never keep the JVM alive) and
     * the next executor, which cannot adopt a {@code mysql} migration, judges it as Vitess does.
     */
    @Override
    public void close() {
        if (sessions.isShutdown()) {
            return;
        }
        sessions.shutdown();
        if (!running.isEmpty()) {
            LOG.info("strategy engine closed while ALTERs run for migrations {}: each runs to its end on its own session",
                    running.keySet());
            return;
        }
        // Idle threads end as soon as they notice the shutdown; waiting for that lets a caller
        // rely on none being left once close returns.
        try {
            if (!sessions.awaitTermination(IDLE_THREADS_END.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the mysql strategy's threads did not end within {} of closing", IDLE_THREADS_END);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runAlter(AlterSession session, DdlExecution statement) {
        MigrationRun run = session.run();
        try {
            outcomeOf(session, statement).ifPresent(outcome -> report(session, outcome));
        } catch (RuntimeException e) {
            LOG.error("migration {}: the ALTER on {} ended unexpectedly", run.migration().uuid(), tableOf(run), e);
            report(session, StatusReport.failed(StrategyRuns.failureOf(run, "the ALTER on " + tableOf(run)
                    + " ended unexpectedly: " + e + ". What to do: check the executor's log, then retry the migration")));
        } finally {
            // After the outcome was reported: a probe in between would find nothing and no outcome.
            running.remove(run.migration().uuid(), session);
        }
    }

    /** Runs the ALTER on a session of its own; the report it ends with, or none when it was terminated. */
    private Optional<StatusReport> outcomeOf(AlterSession session, DdlExecution statement) {
        MigrationRun run = session.run();
        Connection connection;
        try {
            connection = context.connections().open();
        } catch (SQLException e) {
            session.finish();
            return Optional.of(StatusReport.failed(StrategyRuns.failureOf(run, "could not connect to run the ALTER on "
                    + tableOf(run) + ": " + e.getMessage() + ". What to do: check that the server is reachable and"
                    + " the executor's account may log in, then retry the migration")));
        }
        try {
            return runOn(session, connection, statement);
        } finally {
            // Before the session goes back to the pool: from here on no KILL can target its id.
            session.finish();
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("migration {}: closing the ALTER's session failed: {}", run.migration().uuid(), e.getMessage());
            }
        }
    }

    private Optional<StatusReport> runOn(AlterSession session, Connection connection, DdlExecution statement) {
        MigrationRun run = session.run();
        MigrationUuid uuid = run.migration().uuid();
        long sessionId;
        try {
            sessionId = connectionId(connection);
        } catch (SQLException e) {
            return Optional.of(StatusReport.failed(StrategyRuns.failureOf(run, "the session for the ALTER on " + tableOf(run)
                    + " failed before the ALTER was sent: " + e.getMessage() + ". What to do: retry the migration")));
        }
        if (!session.attach(sessionId)) {
            LOG.info("migration {}: terminated before its ALTER was sent", uuid);
            return Optional.empty();
        }
        report(session, StatusReport.running(MigrationProgress.PROGRESS_STARTED, StatusReport.ETA_UNKNOWN,
                MigrationProgress.ROWS_COPIED_UNKNOWN));
        try {
            // The ordinary DDL executor, for the same session preparation and failure messages as
            // every other DDL, but on the session whose id a terminate may kill.
            new JdbcDdlExecutor(new LentSessionDataSource(connection)).execute(statement);
        } catch (DdlExecutionException e) {
            if (session.isTerminated()) {
                LOG.info("migration {}: the ALTER on {} ended as it was killed: {}", uuid, tableOf(run), e.getMessage());
                return Optional.empty();
            }
            return Optional.of(StatusReport.failed(StrategyRuns.failureOf(run, e.getMessage())));
        }
        if (session.isTerminated()) {
            // The KILL came too late: the table is changed, and that is what the report must say.
            LOG.warn("migration {}: the ALTER on {} completed although it was terminated", uuid, tableOf(run));
        }
        return Optional.of(StatusReport.complete(MigrationProgress.ROWS_COPIED_UNKNOWN));
    }

    private Optional<Double> readServerProgress(long sessionId) throws SQLException {
        try (Connection connection = context.connections().open()) {
            return isMariaDb() ? readMariaDbProgress(connection, sessionId) : readMySqlProgress(connection, sessionId);
        }
    }

    private static Optional<Double> readMariaDbProgress(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_MARIADB_PROGRESS)) {
            select.setLong(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(ServerAlterProgress.ofMariaDbStage(rows.getInt(1), rows.getInt(2), rows.getDouble(3)));
            }
        }
    }

    private static Optional<Double> readMySqlProgress(Connection connection, long sessionId) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(SELECT_SESSION_EXISTS)) {
            exists.setLong(1, sessionId);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT_MYSQL_STAGE_WORK)) {
            select.setLong(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    // Stage instrumentation is off (or between stages): the session lives, progress unknown.
                    return Optional.of(MigrationProgress.PROGRESS_STARTED);
                }
                return Optional.of(ServerAlterProgress.ofMySqlWork(rows.getLong(1), rows.getLong(2)));
            }
        } catch (SQLException e) {
            // performance_schema off or not readable by this account: progress stays unknown.
            LOG.debug("no ALTER progress from performance_schema for session {}: {}", sessionId, e.getMessage());
            return Optional.of(MigrationProgress.PROGRESS_STARTED);
        }
    }

    private boolean isMariaDb() {
        Boolean known = mariaDb;
        if (known == null) {
            known = context.schemaInspector().serverVariables().serverVersion().isMariaDb();
            mariaDb = known;
        }
        return known;
    }

    private void kill(MigrationRun run, long sessionId) {
        try (Connection connection = context.connections().open(); Statement kill = connection.createStatement()) {
            // KILL takes no placeholder; the id is a number we read from the server, not user input.
            // The whole session is killed rather than its query: a KILL QUERY that arrives before the
            // ALTER was sent would be lost, and the ALTER would then run.
            kill.execute("KILL CONNECTION " + sessionId);
        } catch (SQLException e) {
            if (e.getErrorCode() == MysqlErrorNumbers.ER_NO_SUCH_THREAD) { // the session to kill is already gone
                return;
            }
            throw new StrategyException(StrategyRuns.failureOf(run, "could not kill session " + sessionId
                    + " running the ALTER on " + tableOf(run) + ": " + e.getMessage() + ". What to do: run KILL "
                    + sessionId + " on the server as an account allowed to, or cancel the migration again"), e);
        }
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery("SELECT CONNECTION_ID()")) {
            if (!rows.next()) {
                throw new SQLException("the server did not say which session this is (SELECT CONNECTION_ID() returned no row)");
            }
            return rows.getLong(1);
        }
    }

    private void report(AlterSession session, StatusReport report) {
        MigrationUuid uuid = session.run().migration().uuid();
        try {
            context.reporter().report(uuid, report);
        } catch (RuntimeException e) {
            // The core will see the outcome on its next probe; the ALTER's own thread must not die of it.
            LOG.error("migration {}: could not report {}: {}", uuid, report.status(), e.getMessage(), e);
        }
    }

    private static String tableOf(MigrationRun run) {
        return "`" + run.migration().mysqlSchema() + "`.`" + run.migration().mysqlTable() + "`";
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            // An ALTER in flight must not keep the JVM alive: it dies with the session anyway.
            thread.setDaemon(true);
            return thread;
        };
    }
}
