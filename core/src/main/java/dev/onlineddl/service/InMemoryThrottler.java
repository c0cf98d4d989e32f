package dev.onlineddl.service;

import dev.onlineddl.domain.throttle.ThrottleCheck;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleSource;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.out.Throttler;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * A {@link Throttler} that keeps throttled apps in memory: enough for one executor, which is the
 * only one that consults them. Entries expire by the given clock. A ratio between 0 and 1 throttles
 * that share of the checks, chosen at random, as the Vitess throttler does.
 */
public final class InMemoryThrottler implements Throttler {

    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, ThrottledApp> apps = new ConcurrentHashMap<>();

    public InMemoryThrottler(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void throttle(ThrottleRequest request) {
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        apps.put(request.appName(), new ThrottledApp(request.appName(), expiresAt(request, now), request.ratio()));
    }

    /** EXPIRE may be a hundred years or more: saturate rather than overflow {@link Instant}. */
    private static Instant expiresAt(ThrottleRequest request, Instant now) {
        try {
            return request.expiresAt(now);
        } catch (ArithmeticException | java.time.DateTimeException tooFar) {
            return Instant.MAX;
        }
    }

    @Override
    public void unthrottle(ThrottleTarget target) {
        Objects.requireNonNull(target, "target");
        apps.remove(target.appName());
    }

    @Override
    public List<ThrottledApp> throttledApps() {
        Instant now = clock.instant();
        List<ThrottledApp> current = new ArrayList<>();
        for (ThrottledApp app : apps.values()) {
            if (isActive(app, now)) {
                current.add(app);
            } else {
                apps.remove(app.appName(), app);
            }
        }
        current.sort(Comparator.comparing(ThrottledApp::appName));
        return List.copyOf(current);
    }

    @Override
    public ThrottleCheck check(String appName) {
        Objects.requireNonNull(appName, "appName");
        Instant now = clock.instant();
        if (holdsBack(apps.get(appName), now)) {
            return throttledBy(apps.get(appName));
        }
        // Throttling all of online DDL applies to every migration's app as well.
        if (!appName.equals(ThrottleTarget.ONLINE_DDL_APP) && holdsBack(apps.get(ThrottleTarget.ONLINE_DDL_APP), now)) {
            return throttledBy(apps.get(ThrottleTarget.ONLINE_DDL_APP));
        }
        return ThrottleCheck.allowed();
    }

    /** A user's throttle: the app's ratio is the measure, and any ratio above 0 holds back that share of checks. */
    private static ThrottleCheck throttledBy(ThrottledApp app) {
        return new ThrottleCheck.Throttled("ratio", new ThrottleSource.App(app.appName()), app.ratio(), 0.0);
    }

    private boolean holdsBack(ThrottledApp app, Instant now) {
        if (app == null || !isActive(app, now) || app.ratio() <= 0.0) {
            return false;
        }
        return app.ratio() >= 1.0 || random.nextDouble() < app.ratio();
    }

    private static boolean isActive(ThrottledApp app, Instant now) {
        return now.isBefore(app.expiresAt());
    }
}
