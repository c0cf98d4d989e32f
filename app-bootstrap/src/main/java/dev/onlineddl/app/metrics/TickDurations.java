package dev.onlineddl.app.metrics;

import java.time.Duration;
import java.util.List;

/** A Prometheus histogram of tick durations, in seconds. */
final class TickDurations {

    /** Upper bounds in seconds: ticks take milliseconds when idle and seconds when they start or cut over. */
    static final List<Double> BUCKETS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0);

    private final long[] bucketCounts = new long[BUCKETS.size()];
    private long count;
    private double sumSeconds;

    synchronized void record(Duration duration) {
        double seconds = duration.toNanos() / 1e9;
        for (int i = 0; i < BUCKETS.size(); i++) {
            if (seconds <= BUCKETS.get(i)) {
                bucketCounts[i]++;
            }
        }
        count++;
        sumSeconds += seconds;
    }

    synchronized void writeTo(PrometheusText out, String name) {
        for (int i = 0; i < BUCKETS.size(); i++) {
            out.sample(name + "_bucket", "le", PrometheusText.number(BUCKETS.get(i)), bucketCounts[i]);
        }
        out.sample(name + "_bucket", "le", "+Inf", count);
        out.sample(name + "_sum", sumSeconds);
        out.sample(name + "_count", count);
    }
}
