package dev.onlineddl.adapter.vreplication.cutover;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a cut-over attempt waits for each of its steps.
 *
 * @param positionWait for the applier to reach a position (post-sentry, post-lock)
 * @param lockTimeout  for {@code LOCK TABLES} ({@code lock_wait_timeout}, whole seconds) and for the RENAME to show up
 */
public record CutOverTimeouts(Duration positionWait, Duration lockTimeout) {
    public CutOverTimeouts {
        Objects.requireNonNull(positionWait, "positionWait");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
    }
}
