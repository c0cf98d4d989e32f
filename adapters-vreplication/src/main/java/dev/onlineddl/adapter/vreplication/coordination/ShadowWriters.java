package dev.onlineddl.adapter.vreplication.coordination;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the copier and the applier write the shadow table one at a time, a chunk or a batch each,
 * in turn (a fair lock, so neither starves), as Vitess alternates copy and catch-up. Run side by
 * side, the two lock shadow rows against each other while holding shared locks on source rows, and
 * a cycle through them can pass through an application's single-row statement, which InnoDB then
 * picks as the deadlock's victim. One at a time, a cycle needs the application to hold two locks.
 */
public final class ShadowWriters {

    private final ReentrantLock turn;

    private ShadowWriters(ReentrantLock turn) {
        this.turn = turn;
    }

    /** Copier and applier take turns: the engine's way. */
    public static ShadowWriters inTurns() {
        return new ShadowWriters(new ReentrantLock(true));
    }

    /** Copier and applier write side by side: only for the race test that proves the turns are needed. */
    public static ShadowWriters sideBySide() {
        return new ShadowWriters(null);
    }

    /** Runs one chunk or one batch, the whole transaction, holding the turn. */
    public <T, E extends Exception> T inTurn(Work<T, E> work) throws E, InterruptedException {
        if (turn == null) {
            return work.run();
        }
        turn.lockInterruptibly();
        try {
            return work.run();
        } finally {
            turn.unlock();
        }
    }

    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }
}
