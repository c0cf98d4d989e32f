package dev.onlineddl.service.it;

import dev.onlineddl.service.OnlineDdl;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Waiting for a condition the executor brings about: ticks the executor (the test's way of letting
 * time pass deterministically) and polls the condition until it holds or a deadline passes. Engines
 * run on threads of their own, so a condition may need a few ticks; a short pause between polls
 * lets those threads get on.
 */
final class Await {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** Ticks {@code executor} until {@code condition} holds. */
    static void ticking(OnlineDdl executor, String what, BooleanSupplier condition) {
        waitingFor(what).until(() -> {
            executor.tick();
            return condition.getAsBoolean();
        });
    }

    /** Polls without ticking (a background thread makes it true). */
    static void until(String what, BooleanSupplier condition) {
        waitingFor(what).until(condition::getAsBoolean);
    }

    /** Polls on the test's own thread: ticks and conditions then run where the test's other calls run. */
    private static ConditionFactory waitingFor(String what) {
        return Awaitility.await(what).atMost(DEADLINE).pollDelay(Duration.ZERO).pollInterval(POLL).pollInSameThread();
    }
}
