package dev.onlineddl.testkit.tck;

import dev.onlineddl.domain.throttle.ThrottleCheck;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleSource;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.out.Throttler;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A throttler for plugin tests that a test sets by hand: an app throttled with any ratio above 0
 * is held back on every check until it is unthrottled (no expiry, no randomness), so that a test
 * decides exactly when an engine must wait. Throttling {@value ThrottleTarget#ONLINE_DDL_APP}
 * holds back every migration, as the core's throttler does.
 */
public final class ManualThrottler implements Throttler {

    private final Map<String, ThrottledApp> apps = new ConcurrentHashMap<>();

    @Override
    public void throttle(ThrottleRequest request) {
        Objects.requireNonNull(request, "request");
        apps.put(request.appName(), new ThrottledApp(request.appName(), Instant.MAX, request.ratio()));
    }

    @Override
    public void unthrottle(ThrottleTarget target) {
        apps.remove(target.appName());
    }

    @Override
    public List<ThrottledApp> throttledApps() {
        return apps.values().stream().sorted(Comparator.comparing(ThrottledApp::appName)).toList();
    }

    @Override
    public ThrottleCheck check(String appName) {
        Objects.requireNonNull(appName, "appName");
        for (String app : List.of(appName, ThrottleTarget.ONLINE_DDL_APP)) {
            ThrottledApp throttled = apps.get(app);
            if (throttled != null && throttled.ratio() > 0.0) {
                return new ThrottleCheck.Throttled("ratio", new ThrottleSource.App(app), throttled.ratio(), 0.0);
            }
        }
        return ThrottleCheck.allowed();
    }
}
