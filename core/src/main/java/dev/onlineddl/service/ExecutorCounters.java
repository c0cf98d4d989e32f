package dev.onlineddl.service;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many migrations this executor started, completed and saw fail since it was created
 * (Vitess's {@code StartedMigrations}, {@code SuccessfulMigrations}, {@code FailedMigrations}). A
 * migration that ends cancelled counts as failed: it did not succeed.
 *
 * @param started    migrations the executor began to execute (and direct migrations run at submit)
 * @param successful migrations that ended complete
 * @param failed     migrations that ended failed or cancelled
 */
public record ExecutorCounters(long started, long successful, long failed) {

    /** The live counters; {@link #snapshot()} reads them. Thread-safe. */
    static final class Live {
        private final LongAdder started = new LongAdder();
        private final LongAdder successful = new LongAdder();
        private final LongAdder failed = new LongAdder();

        void started() {
            started.increment();
        }

        void successful() {
            successful.increment();
        }

        void failed() {
            failed.increment();
        }

        ExecutorCounters snapshot() {
            return new ExecutorCounters(started.sum(), successful.sum(), failed.sum());
        }
    }
}
