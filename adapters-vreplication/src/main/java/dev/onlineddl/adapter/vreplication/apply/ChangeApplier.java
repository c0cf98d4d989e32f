package dev.onlineddl.adapter.vreplication.apply;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.adapter.vreplication.plan.RowResync;
import dev.onlineddl.adapter.vreplication.coordination.ShadowWriters;
import dev.onlineddl.adapter.vreplication.coordination.ThrottleGate;
import dev.onlineddl.adapter.vreplication.plan.DuplicateKeys;
import dev.onlineddl.adapter.vreplication.state.StreamStateStore;
import dev.onlineddl.adapter.vreplication.stream.BinlogStreamer;
import dev.onlineddl.adapter.vreplication.stream.Positions;
import dev.onlineddl.adapter.vreplication.plan.RowKey;
import dev.onlineddl.adapter.vreplication.stream.SourceTransaction;
import dev.onlineddl.domain.server.BinlogPosition;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the stream to the shadow table: takes the transactions the streamer hands over, gathers
 * their keys into batches, and resyncs each batch from the source in one transaction that also
 * stores the position after the batch's last transaction. One thread of its own; the cut-over
 * pauses it at a batch boundary and drains the last transactions itself, under its table locks.
 */
public final class ChangeApplier implements BinlogStreamer.Sink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);
    private static final int MAX_KEYS_PER_BATCH = 2_000;
    private static final int MAX_RETRIES = 10;

    private final String migration;
    private final RowResync resync;
    private final String targetKeyName;
    private final ShadowWriters shadowWriters;
    private final Connection session;
    private final StreamStateStore state;
    private final long streamId;
    private final ThrottleGate throttle;
    private final boolean lockingReads;
    private final Clock clock;
    private final Consumer<String> onFailure;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<SourceTransaction> queue = new ArrayList<>();
    private boolean paused;
    private boolean applying;
    private boolean stopped;
    private BinlogPosition seen;
    private BinlogPosition applied;
    private String failure;
    private long appliedTransactions;
    private Instant inFlightSince;
    private final Thread thread;

    /**
     * @param session      a dedicated session for the applier's transactions; the applier closes it
     * @param lockingReads false only for the race test that proves the locking reads are needed
     */
    public ChangeApplier(String migration, RowResync resync, Connection session, StreamStateStore state, long streamId,
            BinlogPosition start, ThrottleGate throttle, boolean lockingReads, ShadowWriters shadowWriters, Clock clock,
            Consumer<String> onFailure) throws SQLException {
        this.migration = migration;
        this.resync = resync;
        this.targetKeyName = resync.targetKeyName();
        this.shadowWriters = shadowWriters;
        this.session = session;
        this.state = state;
        this.streamId = streamId;
        this.throttle = throttle;
        this.lockingReads = lockingReads;
        this.clock = clock;
        this.onFailure = onFailure;
        this.seen = start;
        this.applied = start;
        session.setAutoCommit(false);
        // record locks only, no gap locks: an application's single-row statement never deadlocks with a batch
        session.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        this.thread = new Thread(this::run, "vrepl-applier-" + migration);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    // ------------------------------------------------------------------ from the stream

    @Override
    public void transaction(SourceTransaction transaction) {
        lock.lock();
        try {
            queue.add(transaction);
            seen = transaction.positionAfter();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void streamedUpTo(BinlogPosition position) {
        lock.lock();
        try {
            seen = position;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void failed(String message) {
        fail(message);
    }

    // ------------------------------------------------------------------ state

    /** Nothing waits to be applied, and no batch is being applied. */
    public boolean idle() {
        lock.lock();
        try {
            return queue.isEmpty() && !applying;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How far behind the applier is: the age of the oldest transaction read but not yet applied,
     * zero when there is none (Vitess's readiness asks the stream to be within 5 s of now).
     */
    public Duration lag(Instant now) {
        lock.lock();
        try {
            Instant oldest = applying ? inFlightSince : queue.isEmpty() ? null : queue.get(0).committedAt();
            return oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        } finally {
            lock.unlock();
        }
    }

    public Optional<String> failure() {
        lock.lock();
        try {
            return Optional.ofNullable(failure);
        } finally {
            lock.unlock();
        }
    }

    public BinlogPosition appliedPosition() {
        lock.lock();
        try {
            return applied;
        } finally {
            lock.unlock();
        }
    }

    public long appliedTransactions() {
        lock.lock();
        try {
            return appliedTransactions;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the stream has read up to {@code target} and everything read is applied.
     *
     * @throws TimeoutException when that takes longer than {@code timeout}
     */
    public void awaitApplied(BinlogPosition target, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (failure == null && !(Positions.reached(seen, target) && queue.isEmpty() && !applying)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the stream did not apply up to " + target.asText() + " within "
                            + timeout.toMillis() + " ms (read up to " + seen.asText() + ", " + queue.size() + " transactions waiting)");
                }
                changed.awaitNanos(left);
            }
            throwIfFailed();
        } finally {
            lock.unlock();
        }
    }

    /** Holds the applier at a batch boundary until {@link #resume()}; returns once no batch runs. */
    public void pause() throws InterruptedException {
        lock.lock();
        try {
            paused = true;
            while (applying) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The cut-over's flush on demand: with the applier paused and the source locked by
     * {@code lockHolder}, waits until the stream has read up to {@code target}, then applies every
     * transaction read so far on {@code lockHolder}'s session, in its transaction (the caller
     * commits). Returns the position now applied, for the caller to store once the locks are gone
     * (the state table is not among the locked tables).
     *
     * @param resyncUnderLock the resync into the shadow under the name the cut-over locked it by
     */
    public BinlogPosition drainUnderLock(Connection lockHolder, BinlogPosition target, Duration timeout,
            RowResync resyncUnderLock) throws InterruptedException, TimeoutException, SQLException {
        List<SourceTransaction> last;
        BinlogPosition upTo;
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            if (!paused) {
                throw new IllegalStateException("pause the applier before draining it under the cut-over's lock");
            }
            while (failure == null && !Positions.reached(seen, target)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the stream did not read up to the post-lock position " + target.asText()
                            + " within " + timeout.toMillis() + " ms (read up to " + seen.asText() + ")");
                }
                changed.awaitNanos(left);
            }
            throwIfFailed();
            last = new ArrayList<>(queue);
            queue.clear();
            upTo = seen;
        } finally {
            lock.unlock();
        }
        Set<RowKey> keys = new LinkedHashSet<>();
        last.forEach(transaction -> keys.addAll(transaction.keys()));
        resyncUnderLock.resync(lockHolder, keys, false);
        lock.lock();
        try {
            applied = upTo;
            appliedTransactions += last.size();
        } finally {
            lock.unlock();
        }
        return upTo;
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new ApplyException(failure, null);
        }
    }

    // ------------------------------------------------------------------ the applier's thread

    private void run() {
        try {
            while (true) {
                List<SourceTransaction> batch = nextBatch();
                if (batch == null) {
                    return;
                }
                try {
                    throttle.awaitAllowed(ThrottleGate.APPLIER);
                    apply(batch);
                } finally {
                    lock.lock();
                    try {
                        applying = false;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ApplyException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            fail("the applier of migration " + migration + " failed: " + e);
        }
    }

    /** The next batch, taken from the queue and marked as being applied; null once stopped. */
    private List<SourceTransaction> nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (!stopped && failure == null && (paused || queue.isEmpty())) {
                changed.await();
            }
            if (stopped || failure != null) {
                return null;
            }
            List<SourceTransaction> batch = new ArrayList<>();
            int keys = 0;
            while (!queue.isEmpty() && (batch.isEmpty() || keys + queue.get(0).keys().size() <= MAX_KEYS_PER_BATCH)) {
                SourceTransaction next = queue.remove(0);
                keys += next.keys().size();
                batch.add(next);
            }
            applying = true;
            inFlightSince = batch.get(0).committedAt();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private void apply(List<SourceTransaction> batch) throws InterruptedException {
        Set<RowKey> keys = new LinkedHashSet<>();
        batch.forEach(transaction -> keys.addAll(transaction.keys()));
        SourceTransaction last = batch.get(batch.size() - 1);
        for (int attempt = 1; ; attempt++) {
            try {
                shadowWriters.inTurn(() -> {
                    resync.resync(session, keys, lockingReads);
                    state.recordApplied(session, streamId, last.positionAfter().encoded(), last.committedAt(),
                            clock.instant());
                    session.commit();
                    return null;
                });
                lock.lock();
                try {
                    applied = last.positionAfter();
                    appliedTransactions += batch.size();
                } finally {
                    lock.unlock();
                }
                return;
            } catch (SQLException e) {
                rollback();
                if (isRetryable(e) && attempt < MAX_RETRIES) {
                    LOG.debug("applier of {} retries a batch after: {}", migration, e.getMessage());
                    continue;
                }
                throw new ApplyException(messageFor(e), e);
            }
        }
    }

    private String messageFor(SQLException e) {
        if (e.getErrorCode() == MysqlErrorNumbers.ER_DUP_ENTRY) {
            return "a row change cannot be applied to the new table of migration " + migration + ", because it clashes on"
                    + " a unique key of the new table: " + e.getMessage() + ". The source table is unchanged; make the"
                    + " values unique (or the ALTER's new key non-unique), then RETRY";
        }
        return "the applier of migration " + migration + " failed: " + e.getMessage()
                + " (error " + e.getErrorCode() + "). The source table is unchanged";
    }

    /**
     * Lost to a deadlock or a lock wait, or the copier inserted one of the batch's keys between the
     * batch's delete and insert (a delete of a missing row locks nothing at READ COMMITTED): try
     * again. A duplicate on any other key is a clash and is not retried.
     */
    private boolean isRetryable(SQLException e) {
        return e.getErrorCode() == MysqlErrorNumbers.ER_LOCK_DEADLOCK
                || e.getErrorCode() == MysqlErrorNumbers.ER_LOCK_WAIT_TIMEOUT
                || (e.getErrorCode() == MysqlErrorNumbers.ER_DUP_ENTRY && DuplicateKeys.names(e.getMessage(), targetKeyName));
    }

    private void rollback() {
        try {
            session.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback of the applier of {} failed: {}", migration, e.getMessage());
        }
    }

    private void fail(String message) {
        lock.lock();
        try {
            if (failure == null) {
                failure = message;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onFailure.accept(message);
    }

    /** Stops the thread (after its current batch) and closes its session. */
    @Override
    public void close() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            session.close();
        } catch (SQLException e) {
            LOG.debug("closing the applier's session of {}: {}", migration, e.getMessage());
        }
    }
}
