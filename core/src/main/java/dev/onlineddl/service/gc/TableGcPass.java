package dev.onlineddl.service.gc;

import java.util.List;
import java.util.Objects;

/**
 * What one pass of table garbage collection did, for logs and metrics.
 *
 * @param renamed        tables moved to their next GC state, in the order it was done
 * @param dropped        tables and views dropped
 * @param rowsPurged     rows deleted from PURGE tables
 * @param purgeThrottled the throttler held purging back; PURGE tables not yet empty wait for the next pass
 * @param failed         GC tables the pass could not work on (the log says why); the next pass tries again
 */
public record TableGcPass(List<Renamed> renamed, List<String> dropped, long rowsPurged, boolean purgeThrottled,
        List<String> failed) {

    public TableGcPass {
        renamed = List.copyOf(renamed);
        dropped = List.copyOf(dropped);
        failed = List.copyOf(failed);
    }

    /** One RENAME TABLE of the pass. */
    public record Renamed(String from, String to) {
        public Renamed {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
