package dev.onlineddl.example.plugin;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.RewrittenCreateTable;
import dev.onlineddl.domain.progress.MigrationProgress;
import dev.onlineddl.port.out.TableColumn;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyContext;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One slow-copy migration, on its own thread: prepare the shadow table, copy in chunks, wait for
 * the go-ahead, swap the tables. Every statement runs on a session from
 * {@link StrategyContext#connections()}; while a step runs, its session may be killed by
 * {@link #terminate()}, and it is only handed back after any such KILL is done, so a KILL never
 * reaches a session someone else borrowed meanwhile.
 */
final class CopyJob implements Runnable {

    /** Start from scratch, or carry on with what an earlier engine left (after a restart). */
    enum Mode { FRESH, RESUME }

    private static final System.Logger LOG = System.getLogger(CopyJob.class.getName());
    private static final int CHUNK_ROWS = 100;
    private static final Duration THROTTLED_PAUSE = Duration.ofMillis(200);
    private static final String COPY_COMPONENT = "row-copy";
    private static final Set<String> INTEGER_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");

    private final MigrationRun run;
    private final MigrationUuid uuid;
    private final CopyTables tables;
    private final StrategyContext context;
    private final Mode mode;
    private final Consumer<CopyJob> onExit;
    private final Instant startedAt;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean cutOverAllowed;
    private boolean terminated;
    /** Stopped because the engine closes: what the migration built stays for an adopting engine. */
    private boolean handedOver;
    private boolean finished;
    private Long killableSession;

    private volatile long rowsCopied;
    private volatile long tableRows;
    private volatile boolean readyToComplete;
    private volatile Instant lastThrottled;
    private volatile long lastActive;

    CopyJob(MigrationRun run, CopyTables tables, StrategyContext context, Mode mode, Consumer<CopyJob> onExit) {
        this.run = Objects.requireNonNull(run, "run");
        this.uuid = run.migration().uuid();
        this.tables = Objects.requireNonNull(tables, "tables");
        this.context = Objects.requireNonNull(context, "context");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.onExit = Objects.requireNonNull(onExit, "onExit");
        this.startedAt = context.clock().instant();
        this.lastActive = startedAt.getEpochSecond();
    }

    @Override
    public void run() {
        try {
            context.reporter().report(uuid, StatusReport.running(MigrationProgress.PROGRESS_STARTED, StatusReport.ETA_UNKNOWN,
                    MigrationProgress.ROWS_COPIED_UNKNOWN));
            List<String> columns = prepare();
            copyRows(columns);
            readyToComplete = true;
            context.reporter().report(uuid, StatusReport.readyToComplete(progress(), rowsCopied));
            awaitCutOverAllowed();
            cutOver();
            context.reporter().report(uuid, StatusReport.complete(rowsCopied));
        } catch (Stopped stopped) {
            LOG.log(Level.INFO, "migration {0}: stopped while copying {1}", uuid, tables.describe());
            removeTriggersUnlessHandedOver();
        } catch (SQLException | RuntimeException e) {
            boolean wasTerminated = isTerminated();
            removeTriggersUnlessHandedOver();
            if (wasTerminated) {
                LOG.log(Level.INFO, "migration {0}: terminated while copying {1}: {2}", uuid, tables.describe(), e.getMessage());
            } else {
                context.reporter().report(uuid, StatusReport.failed("migration " + uuid + " (" + SlowCopyPlugin.STRATEGY_NAME
                        + " strategy): copying " + tables.describe() + " failed: " + e.getMessage()
                        + ". What to do: fix the cause and RETRY the migration; its shadow table is left as an artifact"));
            }
        } finally {
            lock.lock();
            try {
                finished = true;
            } finally {
                lock.unlock();
            }
            onExit.accept(this);
        }
    }

    /** What the core's review of running migrations sees. */
    Probe probe() {
        Instant now = context.clock().instant();
        double progress = progress();
        long eta = MigrationProgress.etaSecondsByProgress(progress, tableRows,
                MigrationProgress.elapsedSeconds(startedAt, now));
        // Waiting for the go-ahead is a healthy state: the job is alive although nothing moves.
        long liveness = readyToComplete ? now.getEpochSecond() : lastActive;
        Instant throttled = lastThrottled;
        return new Probe.Running(progress, rowsCopied, tableRows, readyToComplete ? MigrationProgress.ETA_NOW : eta,
                readyToComplete, liveness, Optional.ofNullable(throttled), throttled == null ? "" : COPY_COMPONENT);
    }

    /** The core's go-ahead: swap the tables once the copy is done. */
    void allowCutOver() {
        lock.lock();
        try {
            cutOverAllowed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the job: kills the statement it runs, if any, and wakes it if it waits. The job then
     * removes its triggers and ends without reporting; the core decides the outcome.
     *
     * @return whether it had not ended yet
     */
    boolean terminate() {
        return stop(false);
    }

    /**
     * Stops the job because its engine closes, as {@link #terminate()} does but leaving the
     * triggers in place: they keep the shadow table current until an engine of the next executor
     * adopts the migration and resumes from the checkpoint. Reports nothing: the migration is
     * still running as far as anyone can tell.
     */
    void handOver() {
        stop(true);
    }

    private boolean stop(boolean forHandOver) {
        lock.lock();
        try {
            if (!terminated) {
                // a job terminated (cancelled) before the engine closed still cleans up after itself
                handedOver = forHandOver;
            }
            terminated = true;
            changed.signalAll();
            if (killableSession != null) {
                kill(killableSession);
            }
            return !finished;
        } finally {
            lock.unlock();
        }
    }

    // ---- the steps

    private List<String> prepare() throws SQLException {
        try (Session session = openSession(true)) {
            boolean shadowExists = tableExists(session.connection(), tables.shadow());
            if (mode == Mode.FRESH || !shadowExists) {
                if (shadowExists) {
                    throw new SQLException("the shadow table " + tables.shadow() + " exists already");
                }
                // Not CREATE TABLE ... LIKE: constraint names are unique per schema, so the copy
                // needs its CHECK and FOREIGN KEY constraints renamed, and deterministically (the
                // same on every shard), as the core's analyzer does; LIKE would also drop the
                // foreign keys.
                String showCreate = context.schemaInspector().showCreateTable(tables.schema(), tables.table())
                        .orElseThrow(() -> new SQLException("the table " + tables.describe() + " does not exist"));
                RewrittenCreateTable shadowCreate = context.ddlAnalyzer().rewriteCreateTableForCopy(showCreate,
                        tables.table(), tables.shadow(), uuid, run.setting().isUnsafeAllowForeignKeys());
                execute(session.connection(), shadowCreate.sql());
                context.reporter().artifactTable(uuid, tables.shadow());
                for (String alter : context.ddlAnalyzer().rewriteAlterTableForShadow(run.statement(), tables.table(),
                        tables.shadow(), uuid, shadowCreate.constraintRenames()).statements()) {
                    execute(session.connection(), alter);
                }
            }
            List<String> columns = copiedColumns();
            String primaryKey = columns.get(0);
            boolean checkpointExists = tableExists(session.connection(), tables.checkpoint());
            if (shadowExists && !checkpointExists) {
                // The earlier engine stopped between creating the shadow table and recording that
                // the ALTER was applied to it: whether it was is unknown.
                throw new SQLException("cannot resume: the shadow table " + tables.shadow() + " exists but its checkpoint "
                        + tables.checkpoint() + " does not, so it is unknown whether the ALTER was applied to it");
            }
            if (!checkpointExists) {
                execute(session.connection(), "CREATE TABLE " + quote(tables.checkpoint()) + " (id TINYINT NOT NULL PRIMARY KEY,"
                        + " copied_through BIGINT NOT NULL, rows_copied BIGINT NOT NULL, table_rows BIGINT NOT NULL)");
                context.reporter().artifactTable(uuid, tables.checkpoint());
                long rows = queryLong(session.connection(), "SELECT COUNT(*) FROM " + quote(tables.table()));
                try (PreparedStatement insert = session.connection().prepareStatement("INSERT INTO " + quote(tables.checkpoint())
                        + " (id, copied_through, rows_copied, table_rows) VALUES (1, ?, 0, ?)")) {
                    insert.setLong(1, Long.MIN_VALUE);
                    insert.setLong(2, rows);
                    insert.executeUpdate();
                }
            }
            try (Statement select = session.connection().createStatement(); ResultSet row = select.executeQuery(
                    "SELECT rows_copied, table_rows FROM " + quote(tables.checkpoint()) + " WHERE id = 1")) {
                if (!row.next()) {
                    throw new SQLException("the checkpoint table " + tables.checkpoint() + " has no row");
                }
                rowsCopied = row.getLong(1);
                tableRows = row.getLong(2);
            }
            createTriggers(session.connection(), columns, primaryKey);
            if (mode == Mode.RESUME) {
                context.reporter().report(uuid, StatusReport.running(progress(), StatusReport.ETA_UNKNOWN, rowsCopied));
            }
            return columns;
        }
    }

    /** The primary key column first, then every other stored column both tables have. */
    private List<String> copiedColumns() throws SQLException {
        List<TableColumn> original = context.schemaInspector().columns(tables.schema(), tables.table());
        List<TableColumn> shadow = context.schemaInspector().columns(tables.schema(), tables.shadow());
        List<TableColumn> primaryKey = original.stream().filter(column -> column.columnKey().equals("PRI")).toList();
        if (primaryKey.size() != 1 || !INTEGER_TYPES.contains(primaryKey.get(0).dataType().toLowerCase(Locale.ROOT))) {
            throw new SQLException("slow-copy copies tables with a single-column integer primary key only, and "
                    + tables.describe() + " has none");
        }
        String key = primaryKey.get(0).name();
        Set<String> shadowStored = shadow.stream().filter(column -> !column.isGenerated()).map(TableColumn::name)
                .collect(Collectors.toSet());
        if (!shadowStored.contains(key)) {
            throw new SQLException("the ALTER removes the primary key column " + key + ", which slow-copy copies by");
        }
        List<String> columns = new ArrayList<>(List.of(key));
        original.stream().filter(column -> !column.isGenerated() && !column.name().equals(key))
                .map(TableColumn::name).filter(shadowStored::contains).forEach(columns::add);
        return columns;
    }

    private void createTriggers(Connection connection, List<String> columns, String primaryKey) throws SQLException {
        String columnList = columns.stream().map(CopyJob::quote).collect(Collectors.joining(", "));
        String newValues = columns.stream().map(column -> "NEW." + quote(column)).collect(Collectors.joining(", "));
        String replaceNew = "REPLACE INTO " + quote(tables.shadow()) + " (" + columnList + ") VALUES (" + newValues + ")";
        String deleteOld = "DELETE FROM " + quote(tables.shadow()) + " WHERE " + quote(primaryKey) + " = OLD." + quote(primaryKey);
        createTrigger(connection, tables.insertTrigger(), "AFTER INSERT", replaceNew);
        createTrigger(connection, tables.updateTrigger(), "AFTER UPDATE", "BEGIN " + deleteOld + "; " + replaceNew + "; END");
        createTrigger(connection, tables.deleteTrigger(), "AFTER DELETE", deleteOld);
    }

    private void createTrigger(Connection connection, String name, String event, String body) throws SQLException {
        if (!triggerExists(connection, name)) {
            execute(connection, "CREATE TRIGGER " + quote(name) + " " + event + " ON " + quote(tables.table())
                    + " FOR EACH ROW " + body);
        }
    }

    private void copyRows(List<String> columns) throws SQLException {
        String key = quote(columns.get(0));
        String columnList = columns.stream().map(CopyJob::quote).collect(Collectors.joining(", "));
        String chunkBounds = "SELECT COUNT(*), MAX(" + key + ") FROM (SELECT " + key + " FROM " + quote(tables.table())
                + " WHERE " + key + " > ? ORDER BY " + key + " LIMIT " + CHUNK_ROWS + ") AS chunk";
        // A row already in the shadow table came through a trigger and is newer than the copy: keep
        // it. (Not INSERT IGNORE, which would also turn a value the new definition rejects into a
        // silently truncated one.)
        String copyChunk = "INSERT INTO " + quote(tables.shadow()) + " (" + columnList + ") SELECT " + columnList
                + " FROM " + quote(tables.table()) + " WHERE " + key + " > ? AND " + key + " <= ?"
                + " ON DUPLICATE KEY UPDATE " + quote(tables.shadow()) + "." + key + " = " + quote(tables.shadow()) + "." + key;
        String advanceCheckpoint = "UPDATE " + quote(tables.checkpoint())
                + " SET copied_through = ?, rows_copied = rows_copied + ? WHERE id = 1";
        while (true) {
            holdBackWhileThrottled();
            try (Session session = openSession(true)) {
                Connection connection = session.connection();
                long copiedThrough = queryLong(connection, "SELECT copied_through FROM " + quote(tables.checkpoint()) + " WHERE id = 1");
                long chunkRows;
                long chunkEnd;
                try (PreparedStatement bounds = connection.prepareStatement(chunkBounds)) {
                    bounds.setLong(1, copiedThrough);
                    try (ResultSet row = bounds.executeQuery()) {
                        row.next();
                        chunkRows = row.getLong(1);
                        chunkEnd = row.getLong(2);
                    }
                }
                if (chunkRows == 0) {
                    return;
                }
                // The chunk and the checkpoint commit together: a resumed copy starts exactly after it.
                connection.setAutoCommit(false);
                try (PreparedStatement copy = connection.prepareStatement(copyChunk);
                     PreparedStatement advance = connection.prepareStatement(advanceCheckpoint)) {
                    copy.setLong(1, copiedThrough);
                    copy.setLong(2, chunkEnd);
                    copy.executeUpdate();
                    advance.setLong(1, chunkEnd);
                    advance.setLong(2, chunkRows);
                    advance.executeUpdate();
                    connection.commit();
                } finally {
                    connection.setAutoCommit(true);
                }
                rowsCopied += chunkRows;
                lastActive = context.clock().instant().getEpochSecond();
            }
            context.reporter().report(uuid, StatusReport.running(progress(), etaNow(), rowsCopied));
        }
    }

    private void holdBackWhileThrottled() {
        while (context.throttler().shouldThrottle(uuid.value())) {
            lastThrottled = context.clock().instant();
            lastActive = lastThrottled.getEpochSecond();
            lock.lock();
            try {
                if (terminated) {
                    throw new Stopped();
                }
                changed.await(THROTTLED_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            } finally {
                lock.unlock();
            }
        }
    }

    private void awaitCutOverAllowed() {
        lock.lock();
        try {
            while (!cutOverAllowed && !terminated) {
                changed.await();
            }
            if (terminated) {
                throw new Stopped();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        } finally {
            lock.unlock();
        }
    }

    private void cutOver() throws SQLException {
        try (Session session = openSession(true)) {
            // One statement swaps both names: no session ever sees the table missing.
            execute(session.connection(), "RENAME TABLE " + quote(tables.table()) + " TO " + quote(tables.old()) + ", "
                    + quote(tables.shadow()) + " TO " + quote(tables.table()));
        }
        context.reporter().artifactTable(uuid, tables.old());
        removeTriggers();
    }

    private void removeTriggersUnlessHandedOver() {
        boolean keepForAdopter;
        lock.lock();
        try {
            keepForAdopter = handedOver;
        } finally {
            lock.unlock();
        }
        if (keepForAdopter) {
            LOG.log(Level.INFO, "migration {0}: handed over with its triggers on {1}, for the next executor to resume",
                    uuid, tables.describe());
        } else {
            removeTriggers();
        }
    }

    /**
     * Once the migration ends here the triggers must go, whatever happened: left behind, they
     * would fail writes once the shadow table is collected.
     */
    private void removeTriggers() {
        try (Session session = openSession(false)) {
            for (String trigger : List.of(tables.insertTrigger(), tables.updateTrigger(), tables.deleteTrigger())) {
                execute(session.connection(), "DROP TRIGGER IF EXISTS " + quote(tables.schema()) + "." + quote(trigger));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "migration {0}: could not remove the triggers on {1}; drop {2}, {3} and {4} by hand: {5}",
                    uuid, tables.describe(), tables.insertTrigger(), tables.updateTrigger(), tables.deleteTrigger(), e.getMessage());
        }
    }

    // ---- sessions

    /** A connection to the migrated schema; a killable one can be stopped by {@link #terminate()}. */
    private Session openSession(boolean killable) throws SQLException {
        Connection connection = context.connections().open();
        try {
            connection.setCatalog(tables.schema());
            long id = queryLong(connection, "SELECT CONNECTION_ID()");
            if (killable) {
                lock.lock();
                try {
                    if (terminated) {
                        throw new Stopped();
                    }
                    killableSession = id;
                } finally {
                    lock.unlock();
                }
            }
            return new Session(connection, killable);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private final class Session implements AutoCloseable {
        private final Connection connection;
        private final boolean killable;

        Session(Connection connection, boolean killable) {
            this.connection = connection;
            this.killable = killable;
        }

        Connection connection() {
            return connection;
        }

        @Override
        public void close() throws SQLException {
            if (killable) {
                lock.lock();
                try {
                    killableSession = null;
                } finally {
                    lock.unlock();
                }
            }
            connection.close();
        }
    }

    private void kill(long sessionId) {
        try (Connection connection = context.connections().open(); Statement kill = connection.createStatement()) {
            // The whole session, not only its statement: a KILL QUERY arriving between two
            // statements would be lost. The id is a number the server gave us.
            kill.execute("KILL CONNECTION " + sessionId);
        } catch (SQLException e) {
            if (e.getErrorCode() != MysqlErrorNumbers.ER_NO_SUCH_THREAD) {
                LOG.log(Level.WARNING, "migration {0}: could not kill session {1}: {2}", uuid, sessionId, e.getMessage());
            }
        }
    }

    private boolean isTerminated() {
        lock.lock();
        try {
            return terminated;
        } finally {
            lock.unlock();
        }
    }

    // ---- arithmetic and SQL helpers

    private double progress() {
        return MigrationProgress.progressByRowsCopied(rowsCopied, tableRows);
    }

    private long etaNow() {
        return MigrationProgress.etaSecondsByProgress(progress(), tableRows,
                MigrationProgress.elapsedSeconds(startedAt, context.clock().instant()));
    }

    private boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            select.setString(1, tables.schema());
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

    private boolean triggerExists(Connection connection, String trigger) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?")) {
            select.setString(1, tables.schema());
            select.setString(2, trigger);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new SQLException("no row from: " + sql);
            }
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** The job was terminated: unwind without reporting. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("terminated", null, false, false);
        }
    }
}
