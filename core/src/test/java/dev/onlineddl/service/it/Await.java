package dev.onlineddl.service.it;

import dev.onlineddl.service.OnlineDdl;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a condition the executor brings about: ticks the executor (the test's way of letting
 * time pass deterministically) and polls the condition until it holds or a deadline passes. Engines
 * run on threads of their own, so a condition may need a few ticks; a short pause between polls
 * lets those threads get on.
 */
final class Await {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private Await() {
    }

    /** Ticks {@code executor} until {@code condition} holds. */
    static void ticking(OnlineDdl executor, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            executor.tick();
            if (condition.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Polls without ticking (a background thread makes it true). */
    static void until(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for " + what);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
