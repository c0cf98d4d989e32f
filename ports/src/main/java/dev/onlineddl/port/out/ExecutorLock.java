package dev.onlineddl.port.out;

/**
 * The named server lock that makes one executor the active one for its target database. Several
 * executors (daemons) may run for the same target: only the holder of this lock ticks, the others
 * are standbys that take over as soon as the holder lets go or dies.
 *
 * <p>The lock lives on the target server (MySQL's {@code GET_LOCK}), held by a connection that
 * stays open for as long as the lock is held: a lost connection is a lost lock, so an executor
 * that cannot reach the server stops acting, and one that can takes over.
 */
public interface ExecutorLock extends AutoCloseable {

    /**
     * Whether this executor holds the lock now. Checks that the lock is still held (its
     * connection may have died) and, if it is not, tries to take it without waiting.
     *
     * @return true if this executor holds the lock after the call
     */
    boolean tryAcquire();

    /** Lets go of the lock if held (a standby may then take over); does nothing otherwise. */
    void release();

    /** The server-wide name of the lock, for messages. */
    String lockName();

    /** Releases the lock and closes its connection. */
    @Override
    void close();
}
