package dev.onlineddl.port.in;

import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.out.Throttler.ThrottledApp;
import java.util.List;

/** Throttle and unthrottle one migration or all of them (Vitess {@code THROTTLE [ALL] EXPIRE .. RATIO ..}). */
public interface ThrottleMigrations {

    CommandResult throttle(ThrottleRequest request);

    CommandResult unthrottle(ThrottleTarget target);

    List<ThrottledApp> throttledApps();
}
