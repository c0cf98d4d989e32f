package dev.onlineddl.adapter.mysql.inspect;

import java.time.Duration;
import java.time.Instant;
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

    static <T> T awaitPresent(String what, Duration timeout, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up after " + timeout + " waiting for " + what);
            }
            Thread.sleep(PAUSE.toMillis());
        }
    }
}
