package dev.onlineddl.adapter.vreplication;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the copier and the applier write the shadow table one at a time, a chunk or a batch each,
 * in turn (a fair lock, so neither starves), as Vitess alternates copy and catch-up. Run side by
 * side, the two lock shadow rows against each other while holding shared locks on source rows, and
 * a cycle through them can pass through an application's single-row statement, which InnoDB then
 * picks as the deadlock's victim. One at a time, a cycle needs the application to hold two locks.
 */
public final class ShadowWriters {

    private final ReentrantLock turn = new ReentrantLock(true);

    /** Runs one chunk or one batch, the whole transaction, holding the turn. */
    public <T, E extends Exception> T inTurn(Work<T, E> work) throws E, InterruptedException {
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
