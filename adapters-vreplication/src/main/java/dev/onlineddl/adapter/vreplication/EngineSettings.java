package dev.onlineddl.adapter.vreplication;

import dev.onlineddl.adapter.vreplication.copy.ChunkObserver;
import java.time.Duration;

/**
 * The engine's tunables, with the defaults the design note gives.
 *
 * @param chunkTime          the copy's target time per chunk
 * @param readyLag           the stream is ready when it last heard from the server within this (Vitess: 5 s)
 * @param positionWait       how long the cut-over waits for the applier to reach a position
 * @param cutOverLockTimeout {@code lock_wait_timeout} of the cut-over's LOCK TABLES, and its RENAME wait
 * @param cutOverBackoff     the pause after a failed cut-over attempt, doubled per attempt
 * @param cutOverBackoffMax  the cap of that pause
 * @param lockingReads       false only in the race test that proves the locking reads are needed: the copy
 *                           and the applier then read without locks, at READ COMMITTED
 * @param chunkObserver      sees each chunk in flight (tests only)
 */
public record EngineSettings(
        Duration chunkTime,
        Duration readyLag,
        Duration positionWait,
        Duration cutOverLockTimeout,
        Duration cutOverBackoff,
        Duration cutOverBackoffMax,
        boolean lockingReads,
        ChunkObserver chunkObserver) {

    public static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofMillis(30), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(30), true,
            ChunkObserver.NONE);

    public EngineSettings {
        if (cutOverLockTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the cut-over lock timeout is whole seconds, at least 1 (lock_wait_timeout)");
        }
    }

    /** The pause before cut-over attempt {@code failedAttempts + 1}. */
    public Duration backoffAfter(int failedAttempts) {
        Duration backoff = cutOverBackoff;
        for (int i = 1; i < failedAttempts && backoff.compareTo(cutOverBackoffMax) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(cutOverBackoffMax) > 0 ? cutOverBackoffMax : backoff;
    }

    public EngineSettings withLockingReads(boolean locking) {
        return new EngineSettings(chunkTime, readyLag, positionWait, cutOverLockTimeout, cutOverBackoff, cutOverBackoffMax,
                locking, chunkObserver);
    }

    public EngineSettings withCutOverLockTimeout(Duration timeout) {
        return new EngineSettings(chunkTime, readyLag, positionWait, timeout, cutOverBackoff, cutOverBackoffMax,
                lockingReads, chunkObserver);
    }

    public EngineSettings withChunkTime(Duration time) {
        return new EngineSettings(time, readyLag, positionWait, cutOverLockTimeout, cutOverBackoff, cutOverBackoffMax,
                lockingReads, chunkObserver);
    }

    public EngineSettings withChunkObserver(ChunkObserver observer) {
        return new EngineSettings(chunkTime, readyLag, positionWait, cutOverLockTimeout, cutOverBackoff, cutOverBackoffMax,
                lockingReads, observer);
    }
}
