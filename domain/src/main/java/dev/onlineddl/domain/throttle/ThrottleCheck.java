package dev.onlineddl.domain.throttle;

import java.util.Objects;

/**
 * The throttler's answer to "may this app go on now?": {@link Allowed}, or {@link Throttled} with
 * what held it back, so that an engine can say in its stage and {@code last_throttled} why it
 * waits, as Vitess's throttler check response names the metric, its value and the threshold.
 */
public sealed interface ThrottleCheck {

    /** The answer when nothing holds the app back. */
    static ThrottleCheck allowed() {
        return Allowed.INSTANCE;
    }

    /** @return whether the app must hold back now */
    boolean isThrottled();

    /** Go on. */
    enum Allowed implements ThrottleCheck {
        INSTANCE;

        @Override
        public boolean isThrottled() {
            return false;
        }
    }

    /**
     * Hold back: {@code source}'s {@code metric} stood at {@code value}, beyond {@code threshold}.
     *
     * @param metric    what was measured, e.g. {@code lag} (seconds) or {@code ratio} (an app's throttle ratio)
     * @param source    where the measure comes from: a replica, or an app a user throttled
     * @param value     the measure
     * @param threshold the limit the measure went beyond
     */
    record Throttled(String metric, ThrottleSource source, double value, double threshold) implements ThrottleCheck {

        public Throttled {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(source, "source");
            if (metric.isBlank()) {
                throw new IllegalArgumentException("a throttled answer names its metric");
            }
        }

        @Override
        public boolean isThrottled() {
            return true;
        }

        /** One line for a stage or a log, e.g. {@code throttled by replica db2:3306: lag 3.2 > 1.0}. */
        public String describe() {
            return "throttled by " + source.describe() + ": " + metric + " " + value + " > " + threshold;
        }
    }
}
