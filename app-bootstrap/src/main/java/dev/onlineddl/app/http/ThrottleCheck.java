package dev.onlineddl.app.http;

/** Should the named throttler app hold back now? (the throttler's {@code shouldThrottle}). */
@FunctionalInterface
public interface ThrottleCheck {

    boolean shouldThrottle(String appName);
}
