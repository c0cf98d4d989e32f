package dev.onlineddl.adapter.vreplication.cutover;

import dev.onlineddl.adapter.vreplication.plan.RowResync;
import dev.onlineddl.adapter.vreplication.stream.ServerPositions;
import dev.onlineddl.adapter.vreplication.apply.ChangeApplier;
import dev.onlineddl.adapter.vreplication.plan.TableCopyPlan;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.domain.server.BinlogPosition;
import dev.onlineddl.port.out.DedicatedSession;
import dev.onlineddl.spi.StrategyContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cut-over attempt, in the manner of Vitess v16's {@code cutOverVReplMigration}: sentry table,
 * applier caught up, {@code LOCK TABLES} on session A, the three-way RENAME blocked behind it on
 * session B, the final drain on A, the sentry dropped, UNLOCK, and the RENAME completes. Writers
 * wait between LOCK and RENAME only. Until the sentry is dropped, a failure unlocks with the
 * sentry in place, so the RENAME fails on it and the tables stay exactly as they were.
 */
public final class CutOver {

    private static final Logger LOG = LoggerFactory.getLogger(CutOver.class);
    /** How often A looks for B's RENAME in the processlist: no server event says it is waiting. */
    private static final long RENAME_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** What the attempt reports as it goes. */
    public interface Stages {
        void stage(String text);

        void sentryCreated(String sentryTable);
    }

    /** What stops the stream once the drain is done (before UNLOCK lets the RENAME into the binlog). */
    public interface StreamStop {
        void stop();
    }

    private final MigrationUuid migration;
    private final TableCopyPlan plan;
    private final StrategyContext context;
    private final ChangeApplier applier;
    private final StreamStop streamStop;
    private final CutOverTimeouts timeouts;
    private final Stages stages;
    private final boolean mariaDb;

    public CutOver(MigrationUuid migration, TableCopyPlan plan, StrategyContext context, ChangeApplier applier,
            StreamStop streamStop, CutOverTimeouts timeouts, Stages stages, boolean mariaDb) {
        this.migration = migration;
        this.plan = plan;
        this.context = context;
        this.applier = applier;
        this.streamStop = streamStop;
        this.timeouts = timeouts;
        this.stages = stages;
        this.mariaDb = mariaDb;
    }

    /**
     * @return the stream position applied when the tables were swapped
     * @throws CutOverException when the attempt failed; the tables are as they were
     */
    public BinlogPosition attempt() throws CutOverException, InterruptedException {
        stages.stage("starting cut-over");
        String sentry = CutOverNames.sentry(plan.sourceTable()).orElse(null);
        String staged = CutOverNames.staged(plan.sourceTable()).orElse(null);
        if (sentry == null || staged == null) {
            throw new CutOverException("cut-over of migration " + migration + " is not possible: no sentry name sorting after"
                    + " `" + plan.sourceTable() + "` fits in 64 characters. Rename the table to a shorter name", false, null);
        }
        TableCopyPlan stagedPlan = plan.withShadowTable(staged);
        boolean streamStopped = false;
        boolean paused = false;
        boolean shadowStaged = false;
        DedicatedSession lockSession = null;
        DedicatedSession renameSession = null;
        CompletableFuture<Void> rename = null;
        boolean sentryDropped = false;
        boolean swapped = false;
        try {
            for (String name : new String[] {sentry, staged}) {
                if (context.schemaInspector().tableOrViewExists(plan.schema(), name)) {
                    throw new IllegalStateException("table `" + name + "` is in the way of the cut-over: a cut-over that"
                            + " stopped half-way left it; drop it if it is empty or rename it, and the next attempt goes on");
                }
            }
            executeOnPool("CREATE TABLE " + Identifiers.quoteQualified(plan.schema(), sentry) + " (id INT PRIMARY KEY)");
            stages.sentryCreated(sentry);
            stages.stage("sentry table created: " + sentry);

            BinlogPosition postSentry = currentPosition();
            stages.stage("waiting for post-sentry pos: " + postSentry.asText());
            applier.awaitApplied(postSentry, timeouts.positionWait());
            stages.stage("post-sentry pos reached");
            applier.pause();
            paused = true;
            // the shadow takes a name that sorts after the source, so that the RENAME waits on the source's lock
            executeOnPool("RENAME TABLE " + plan.quotedShadow() + " TO " + Identifiers.quoteQualified(plan.schema(), staged));
            shadowStaged = true;

            lockSession = context.openDedicatedSession();
            renameSession = context.openDedicatedSession();
            long lockSeconds = Math.max(1, timeouts.lockTimeout().toSeconds());
            execute(lockSession.connection(), "SET SESSION lock_wait_timeout = " + lockSeconds);
            // B outwaits A: A's drain and checks take at most a few position waits
            execute(renameSession.connection(), "SET SESSION lock_wait_timeout = "
                    + (lockSeconds + 2 * Math.max(1, timeouts.positionWait().toSeconds()) + 5));
            stages.stage("locking tables");
            long lockRequested = System.nanoTime();
            execute(lockSession.connection(), "LOCK TABLES " + Identifiers.quote(plan.sourceTable()) + " WRITE, "
                    + Identifiers.quote(staged) + " WRITE, " + Identifiers.quote(sentry) + " WRITE");

            stages.stage("renaming tables");
            String renameSql = "RENAME TABLE " + Identifiers.quote(plan.sourceTable()) + " TO " + Identifiers.quote(sentry)
                    + ", " + Identifiers.quote(staged) + " TO " + Identifiers.quote(plan.sourceTable())
                    + ", " + Identifiers.quote(sentry) + " TO " + Identifiers.quote(staged);
            Connection renameConnection = renameSession.connection();
            rename = CompletableFuture.runAsync(() -> {
                try {
                    execute(renameConnection, renameSql);
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }, runnable -> {
                Thread thread = new Thread(runnable, "vrepl-rename-" + migration.value());
                thread.setDaemon(true);
                thread.start();
            });
            stages.stage("waiting for RENAME to block");
            awaitRenameBlocked(lockSession.connection(), renameSession.sessionId(), rename);
            stages.stage("RENAME found");

            stages.stage("reading post-lock pos");
            BinlogPosition postLock = currentPosition();
            stages.stage("waiting for post-lock pos: " + postLock.asText());
            BinlogPosition applied = applier.drainUnderLock(lockSession.connection(), postLock, timeouts.positionWait(),
                    new RowResync(stagedPlan));

            stages.stage("stopping vreplication");
            streamStop.stop();
            streamStopped = true;

            stages.stage("validating rename is still in place");
            if (!renameWaiting(lockSession.connection(), renameSession.sessionId(), rename)) {
                throw new IllegalStateException("the RENAME stopped waiting before the tables were unlocked: "
                        + renameOutcome(rename));
            }
            stages.stage("dropping sentry table");
            execute(lockSession.connection(), "DROP TABLE " + Identifiers.quote(sentry));
            sentryDropped = true;
            stages.stage("unlocking tables");
            execute(lockSession.connection(), "UNLOCK TABLES");
            stages.stage("waiting for RENAME to complete");
            awaitRename(rename);
            swapped = true;
            LOG.info("cut-over of migration {}: writers to `{}` were held for {} ms (from LOCK TABLES to the RENAME)",
                    migration, plan.sourceTable(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lockRequested));
            // the old table now has the staged name: it takes the shadow's, as the migration's artifact
            executeOnPool("RENAME TABLE " + Identifiers.quoteQualified(plan.schema(), staged) + " TO " + plan.quotedShadow());
            stages.stage("cut-over complete");
            return applied;
        } catch (SQLException | TimeoutException | RuntimeException e) {
            if (sentryDropped && rename != null && rename.isDone() && !rename.isCompletedExceptionally()) {
                swapped = true;
                // the RENAME swapped the tables: done, whatever failed after it
                return finishAfterSwap(staged);
            }
            throw new CutOverException("cut-over of migration " + migration + " failed and left `" + plan.sourceTable()
                    + "` as it was: " + messageOf(e), streamStopped, e);
        } finally {
            release(lockSession, renameSession, rename);
            if (!swapped) {
                undoStaging(sentry, staged, shadowStaged);
            }
            if (paused && !streamStopped) {
                applier.resume();
            }
        }
    }

    private BinlogPosition finishAfterSwap(String staged) {
        try {
            executeOnPool("RENAME TABLE " + Identifiers.quoteQualified(plan.schema(), staged) + " TO " + plan.quotedShadow());
        } catch (SQLException e) {
            LOG.warn("cut-over of migration {} swapped the tables, but the old table keeps the name `{}`: {}", migration,
                    staged, e.getMessage());
        }
        return applier.appliedPosition();
    }

    /** After a failed attempt: the sentry goes (the RENAME has ended), the shadow gets its name back. */
    private void undoStaging(String sentry, String staged, boolean shadowStaged) {
        try {
            executeOnPool("DROP TABLE IF EXISTS " + Identifiers.quoteQualified(plan.schema(), sentry));
            if (shadowStaged && context.schemaInspector().tableOrViewExists(plan.schema(), staged)
                    && !context.schemaInspector().tableOrViewExists(plan.schema(), plan.shadowTable())) {
                executeOnPool("RENAME TABLE " + Identifiers.quoteQualified(plan.schema(), staged) + " TO " + plan.quotedShadow());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cleaning up after the failed cut-over of migration {}: {}", migration, e.getMessage());
        }
    }

    private void executeOnPool(String sql) throws SQLException {
        try (Connection connection = context.connections().open()) {
            execute(connection, sql);
        }
    }

    private BinlogPosition currentPosition() throws SQLException {
        try (Connection connection = context.connections().open()) {
            return ServerPositions.current(connection, mariaDb);
        }
    }

    private void awaitRenameBlocked(Connection lockHolder, long renameSessionId, CompletableFuture<Void> rename)
            throws SQLException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeouts.lockTimeout().toNanos();
        while (!renameWaiting(lockHolder, renameSessionId, rename)) {
            if (rename.isDone()) {
                throw new IllegalStateException("the RENAME did not wait for the lock: " + renameOutcome(rename));
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the RENAME was not seen waiting for the lock within "
                        + timeouts.lockTimeout().toMillis() + " ms");
            }
            TimeUnit.NANOSECONDS.sleep(RENAME_POLL_NANOS);
        }
    }

    /** B's RENAME shows in the processlist, waiting on A's locks. Asked on A, which holds no lock on the processlist. */
    private static boolean renameWaiting(Connection lockHolder, long renameSessionId, CompletableFuture<Void> rename)
            throws SQLException {
        if (rename.isDone()) {
            return false;
        }
        try (PreparedStatement select = lockHolder.prepareStatement(
                "SELECT INFO FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            select.setLong(1, renameSessionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getString(1) != null && row.getString(1).regionMatches(true, 0, "RENAME", 0, 6);
            }
        }
    }

    private void awaitRename(CompletableFuture<Void> rename) throws TimeoutException, InterruptedException {
        try {
            rename.get(timeouts.lockTimeout().toMillis() + timeouts.positionWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the RENAME failed: " + messageOf(e.getCause()), e.getCause());
        }
    }

    private static String renameOutcome(CompletableFuture<Void> rename) {
        try {
            rename.getNow(null);
            return "it completed";
        } catch (RuntimeException e) {
            return messageOf(e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * Unlocks with the sentry still there when the attempt failed (so a waiting RENAME fails on
     * it), then ends the RENAME's session: killing it if it still waits.
     */
    private void release(DedicatedSession lockSession, DedicatedSession renameSession, CompletableFuture<Void> rename) {
        if (lockSession != null) {
            try {
                execute(lockSession.connection(), "UNLOCK TABLES");
            } catch (SQLException e) {
                LOG.debug("unlock after the cut-over of {}: {}", migration, e.getMessage());
            }
        }
        if (rename != null) {
            try {
                rename.get(timeouts.lockTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("rename of the cut-over of {} ended: {}", migration, messageOf(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!rename.isDone() && renameSession != null) {
                try {
                    renameSession.kill();
                } catch (SQLException e) {
                    LOG.warn("could not kill the RENAME session of the cut-over of {}: {}", migration, e.getMessage());
                }
            }
        }
        closeQuietly(renameSession);
        closeQuietly(lockSession);
    }

    private void closeQuietly(DedicatedSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                LOG.debug("closing a cut-over session of {}: {}", migration, e.getMessage());
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String messageOf(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
