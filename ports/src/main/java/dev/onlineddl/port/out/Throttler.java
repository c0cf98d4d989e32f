package dev.onlineddl.port.out;

import dev.onlineddl.domain.throttle.ThrottleCheck;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The throttler the executor and the strategies consult (Vitess: the tablet throttler). Apps are
 * throttled by name: one migration's UUID, or {@code online-ddl} for all of them.
 */
public interface Throttler {

    /** Throttles the target's app until {@code now + expire} with the given ratio. */
    void throttle(ThrottleRequest request);

    /** Removes the target's app from the throttled apps; no-op when it was not throttled. */
    void unthrottle(ThrottleTarget target);

    /** Apps currently throttled (expired entries are not listed). */
    List<ThrottledApp> throttledApps();

    /** The ratio applied to an app right now, if it is throttled. */
    default Optional<ThrottledApp> throttledApp(String appName) {
        return throttledApps().stream().filter(app -> app.appName().equals(appName)).findFirst();
    }

    /**
     * May the given app go on now? A ratio of 1 always throttles, 0 never; in between the answer is
     * randomised with that probability (as the Vitess throttler does). A migration's app is also
     * throttled when {@code online-ddl} is. A throttled answer says what held the app back.
     */
    ThrottleCheck check(String appName);

    /** {@link #check} as a yes or no, for callers that need not say why they wait. */
    default boolean shouldThrottle(String appName) {
        return check(appName).isThrottled();
    }

    record ThrottledApp(String appName, Instant expiresAt, double ratio) {
    }
}
