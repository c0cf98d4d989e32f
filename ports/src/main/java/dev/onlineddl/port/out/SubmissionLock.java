package dev.onlineddl.port.out;

import java.util.function.Supplier;

/**
 * The lock around a submission's singleton checks and insert. Every executor (daemon or library
 * instance) that accepts submissions for the same target must take the same lock, or two of them
 * could both pass a {@code --singleton} check that only one should: so it lives on the target
 * server (MySQL's {@code GET_LOCK}), not in one JVM.
 */
public interface SubmissionLock {

    /**
     * Runs {@code work} while holding the target's submission lock, and lets go of it afterwards
     * whatever {@code work} does.
     *
     * @throws SubmissionLockException when the lock could not be taken (the message says why);
     *                                 {@code work} did not run then
     */
    <T> T whileHeld(Supplier<T> work);

    /** The server-wide name of the lock, for messages. */
    String lockName();

    /** The lock could not be taken: nothing was submitted. */
    class SubmissionLockException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SubmissionLockException(String message, Throwable cause) {
            super(message, cause);
        }

        public SubmissionLockException(String message) {
            super(message);
        }
    }
}
