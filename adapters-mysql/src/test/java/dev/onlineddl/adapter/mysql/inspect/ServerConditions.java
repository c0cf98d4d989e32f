package dev.onlineddl.adapter.mysql.inspect;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for something to become visible on the server, e.g. a blocked statement in the process
 * list. The server offers no notification for that, so it is asked repeatedly until a deadline.
 */
final class ServerConditions {

    private static final Duration PAUSE = Duration.ofMillis(20);

    private ServerConditions() {
    }

    static <T> T awaitPresent(String what, Duration timeout, Supplier<Optional<T>> probe) {
        return await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(PAUSE).pollInSameThread()
                .until(probe::get, Optional::isPresent).orElseThrow();
    }
}
