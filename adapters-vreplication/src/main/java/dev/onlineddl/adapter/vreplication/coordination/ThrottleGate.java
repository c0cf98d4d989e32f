package dev.onlineddl.adapter.vreplication.coordination;

import dev.onlineddl.domain.throttle.ThrottleCheck;
import java.time.Instant;

/**
 * Asked before every chunk and every apply batch: returns once the throttler allows work, having
 * recorded each refusal (when, and which component: Vitess's {@code vcopier} or {@code vplayer}).
 */
public interface ThrottleGate {

    String COPIER = "vcopier";
    String APPLIER = "vplayer";

    /** @throws InterruptedException when the migration stops while throttled */
    void awaitAllowed(String component) throws InterruptedException;

    /** A gate that never holds back, for tests of the copy and apply mechanics alone. */
    ThrottleGate OPEN = component -> {
    };

    /** What a gate reports when it holds back. */
    interface Observer {
        void throttled(String component, Instant at, ThrottleCheck.Throttled reason);
    }
}
