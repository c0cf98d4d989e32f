package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.spi.MigrationRun;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One {@code mysql}-strategy ALTER and the server session it runs on. The session id is only
 * valid while the session is ours: once the ALTER ended, the connection goes back to a pool and
 * its id may belong to another borrower. So killing and finishing exclude each other: the
 * session is handed back only after a KILL in progress is done, and no KILL is sent after that.
 */
final class AlterSession {

    private enum State { OPENING, RUNNING, FINISHED }

    /** Sends {@code KILL} for a session id. */
    @FunctionalInterface
    interface SessionKiller {
        void kill(long connectionId);
    }

    private final MigrationRun run;
    private final Instant startedAt;
    private State state = State.OPENING;
    private long connectionId;
    private boolean terminated;
    private volatile double lastProgress;
    private volatile long lastSeenAliveEpochSecond;

    AlterSession(MigrationRun run, Instant startedAt) {
        this.run = Objects.requireNonNull(run, "run");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.lastSeenAliveEpochSecond = startedAt.getEpochSecond();
    }

    MigrationRun run() {
        return run;
    }

    Instant startedAt() {
        return startedAt;
    }

    /**
     * The ALTER is about to be sent on this session.
     *
     * @return false when the migration was terminated meanwhile: do not send it
     */
    synchronized boolean attach(long sessionId) {
        if (terminated || state != State.OPENING) {
            return false;
        }
        this.connectionId = sessionId;
        this.state = State.RUNNING;
        return true;
    }

    /** The ALTER ended (either way): the session is no longer ours to kill. Waits for a KILL in progress. */
    synchronized void finish() {
        state = State.FINISHED;
    }

    /**
     * Marks the migration terminated and kills its session if the ALTER runs.
     *
     * @return whether the ALTER had not finished yet
     */
    synchronized boolean terminate(SessionKiller killer) {
        terminated = true;
        if (state == State.RUNNING) {
            killer.kill(connectionId);
        }
        return state != State.FINISHED;
    }

    synchronized boolean isTerminated() {
        return terminated;
    }

    /** The session running the ALTER; empty before it was sent and after it ended. */
    synchronized OptionalLong runningSessionId() {
        return state == State.RUNNING ? OptionalLong.of(connectionId) : OptionalLong.empty();
    }

    double lastProgress() {
        return lastProgress;
    }

    /**
     * Records what the server last said. Progress is kept from going back: a probe that reads the
     * process list while the server switches stages may see the new stage before its number.
     */
    void seenAlive(double progress, Instant now) {
        this.lastProgress = Math.max(lastProgress, progress);
        this.lastSeenAliveEpochSecond = now.getEpochSecond();
    }

    long lastSeenAliveEpochSecond() {
        return lastSeenAliveEpochSecond;
    }
}
