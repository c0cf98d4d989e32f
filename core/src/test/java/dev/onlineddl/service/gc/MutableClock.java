package dev.onlineddl.service.gc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock the test moves forward by hand, so that waiting for a GC state's time needs no sleeping. */
final class MutableClock extends Clock {

    private Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    /** Starts at the current second, so that names made from it read like real ones. */
    static MutableClock atCurrentSecond() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the GC works in UTC");
    }
}
