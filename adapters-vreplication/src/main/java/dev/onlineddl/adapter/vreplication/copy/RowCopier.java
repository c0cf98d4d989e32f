package dev.onlineddl.adapter.vreplication.copy;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.adapter.vreplication.coordination.ShadowWriters;
import dev.onlineddl.adapter.vreplication.coordination.ThrottleGate;
import dev.onlineddl.adapter.vreplication.plan.DuplicateKeys;
import dev.onlineddl.adapter.vreplication.plan.KeyPredicates;
import dev.onlineddl.adapter.vreplication.plan.TableCopyPlan;
import dev.onlineddl.adapter.vreplication.state.StreamStateStore;
import dev.onlineddl.domain.naming.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the source into the shadow in key order, one chunk per transaction:
 * {@code INSERT IGNORE … SELECT … WHERE key in (last, end] LOCK IN SHARE MODE}, then the chunk's
 * progress in the same transaction. The shared locks make a chunk read the newest committed rows
 * and wait for a transaction still holding one (see the engine's design note); IGNORE leaves alone
 * the rows the applier already wrote. Every other warning of the chunk fails the copy: a clash on
 * another unique key, or a value the new column cannot hold, would otherwise be lost quietly.
 */
public final class RowCopier {

    private static final Logger LOG = LoggerFactory.getLogger(RowCopier.class);
    private static final int MAX_RETRIES = 10;

    /** What the copier tells its job after each chunk. */
    public interface Progress {
        void chunkCopied(long rowsCopied, String lastKey);
    }

    private final String migration;
    private final TableCopyPlan plan;
    private final Connection session;
    private final StreamStateStore state;
    private final long streamId;
    private final ChunkSizer sizer;
    private final ThrottleGate throttle;
    private final boolean lockingReads;
    private final Progress progress;
    private final ChunkObserver observer;
    private final ShadowWriters shadowWriters;
    private long rowsCopied;

    /**
     * @param session       a dedicated session, used by the copier alone
     * @param lockingReads  false only for the race test that proves the locking reads are needed
     */
    public RowCopier(String migration, TableCopyPlan plan, Connection session,
            StreamStateStore state, long streamId, ChunkSizer sizer, ThrottleGate throttle, boolean lockingReads,
            ChunkObserver observer, ShadowWriters shadowWriters, Progress progress) throws SQLException {
        this.migration = migration;
        this.plan = plan;
        this.session = session;
        this.state = state;
        this.streamId = streamId;
        this.sizer = sizer;
        this.throttle = throttle;
        this.lockingReads = lockingReads;
        this.progress = progress;
        this.observer = observer;
        this.shadowWriters = shadowWriters;
        session.setAutoCommit(false);
        try (Statement statement = session.createStatement()) {
            // every warning of a chunk must be seen, not just the first 64
            statement.execute("SET SESSION max_error_count = 65535");
        }
        // record locks only, no gap locks: an application's single-row statement never deadlocks with a chunk
        session.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    /**
     * Copies until the end of the table, or until {@code stopped} says so between chunks.
     *
     * @return whether the whole table was copied
     * @throws CopyException when a chunk cannot be copied faithfully
     */
    public boolean copyAll(BooleanSupplier stopped) throws InterruptedException {
        List<Object> last = null;
        while (!stopped.getAsBoolean()) {
            throttle.awaitAllowed(ThrottleGate.COPIER);
            int rows = sizer.rows();
            List<Object> from = last;
            ChunkResult chunk = shadowWriters.inTurn(() -> copyChunkWithRetries(from, rows));
            if (chunk.end() == null) {
                return true;
            }
            last = chunk.end();
        }
        return false;
    }

    public long rowsCopied() {
        return rowsCopied;
    }

    private record ChunkResult(List<Object> end, long rows) {
    }

    private ChunkResult copyChunkWithRetries(List<Object> last, int rows) {
        for (int attempt = 1; ; attempt++) {
            try {
                return copyChunk(last, rows);
            } catch (SQLException e) {
                rollback();
                if ((e.getErrorCode() == MysqlErrorNumbers.ER_LOCK_DEADLOCK
                        || e.getErrorCode() == MysqlErrorNumbers.ER_LOCK_WAIT_TIMEOUT) && attempt < MAX_RETRIES) {
                    LOG.debug("copy of {} retries a chunk after: {}", migration, e.getMessage());
                    continue;
                }
                throw new CopyException("copying rows of `" + plan.sourceTable() + "` into the new table of migration "
                        + migration + " failed: " + e.getMessage() + " (error " + e.getErrorCode()
                        + "). The source table is unchanged", e);
            }
        }
    }

    private ChunkResult copyChunk(List<Object> last, int rows) throws SQLException {
        long started = System.nanoTime();
        List<Object> end = chunkEnd(last, rows);
        List<String> keyColumns = plan.sourceKeyColumnNames();
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO ").append(plan.quotedShadow())
                .append(" (").append(plan.targetColumnList()).append(") SELECT ").append(plan.selectList())
                .append(" FROM ").append(plan.quotedSource()).append(" FORCE INDEX (")
                .append(Identifiers.quote(plan.sourceKeyName())).append(")");
        List<String> conditions = new ArrayList<>();
        if (last != null) {
            conditions.add(KeyPredicates.after(keyColumns));
        }
        if (end != null) {
            conditions.add(KeyPredicates.atMost(keyColumns));
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(KeyPredicates.columnList(keyColumns));
        if (lockingReads) {
            sql.append(" LOCK IN SHARE MODE");
        }
        long inserted;
        observer.chunkStarting(last, end);
        try (PreparedStatement insert = session.prepareStatement(sql.toString())) {
            int index = 1;
            if (last != null) {
                index = bindRange(insert, index, last);
            }
            if (end != null) {
                bindRange(insert, index, end);
            }
            inserted = insert.executeUpdate();
        }
        long alreadyThere = duplicatesOnIterationKey();
        long copied = inserted + alreadyThere;
        rowsCopied += copied;
        String lastKey = end == null ? "end of table" : end.toString();
        state.recordChunk(session, streamId, plan.sourceTable(), lastKey, rowsCopied);
        session.commit();
        observer.chunkCommitted();
        sizer.record((int) Math.min(Integer.MAX_VALUE, copied), Duration.ofNanos(System.nanoTime() - started));
        progress.chunkCopied(rowsCopied, lastKey);
        return new ChunkResult(end, copied);
    }

    /** The key {@code rows} rows after {@code last}; null when fewer rows are left (the last chunk). */
    private List<Object> chunkEnd(List<Object> last, int rows) throws SQLException {
        List<String> keyColumns = plan.sourceKeyColumnNames();
        String sql = "SELECT " + KeyPredicates.columnList(keyColumns) + " FROM " + plan.quotedSource()
                + " FORCE INDEX (" + Identifiers.quote(plan.sourceKeyName()) + ")"
                + (last == null ? "" : " WHERE " + KeyPredicates.after(keyColumns))
                + " ORDER BY " + KeyPredicates.columnList(keyColumns) + " LIMIT 1 OFFSET " + (rows - 1);
        try (PreparedStatement select = session.prepareStatement(sql)) {
            if (last != null) {
                bindRange(select, 1, last);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                List<Object> end = new ArrayList<>(keyColumns.size());
                for (int i = 1; i <= keyColumns.size(); i++) {
                    end.add(row.getObject(i));
                }
                return end;
            }
        }
    }

    private int bindRange(PreparedStatement statement, int firstIndex, List<Object> key) throws SQLException {
        int index = firstIndex;
        for (int position : KeyPredicates.rangeBindOrder(key.size())) {
            statement.setObject(index++, key.get(position));
        }
        return index;
    }

    /**
     * Reads the chunk's warnings: duplicates on the iteration key are rows the applier wrote first
     * and are counted; anything else fails the copy with the server's words.
     */
    private long duplicatesOnIterationKey() throws SQLException {
        long duplicates = 0;
        try (Statement statement = session.createStatement(); ResultSet warnings = statement.executeQuery("SHOW WARNINGS")) {
            while (warnings.next()) {
                int code = warnings.getInt("Code");
                String message = warnings.getString("Message");
                if (code == MysqlErrorNumbers.ER_DUP_ENTRY && isOnIterationKey(message)) {
                    duplicates++;
                    continue;
                }
                throw new CopyException(code == MysqlErrorNumbers.ER_DUP_ENTRY
                        ? "a row of `" + plan.sourceTable() + "` clashes on a unique key of the new table of migration "
                                + migration + ": " + message + ". The source table is unchanged; make the values"
                                + " unique (or the new key non-unique), then RETRY"
                        : "a row of `" + plan.sourceTable() + "` cannot be copied into the new table of migration "
                                + migration + " as it is: " + message + " (warning " + code + "). The source table is"
                                + " unchanged; change the ALTER so that every value fits, then RETRY", null);
            }
        }
        return duplicates;
    }

    private boolean isOnIterationKey(String message) {
        return DuplicateKeys.names(message, plan.targetKeyName());
    }

    private void rollback() {
        try {
            session.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback of the copy of {} failed: {}", migration, e.getMessage());
        }
    }
}
