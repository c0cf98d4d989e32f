package dev.onlineddl.adapter.vreplication.copy;

import java.time.Duration;

/**
 * Sizes copy chunks by time: a writer to the chunk in flight waits for it, so what writers feel is
 * the chunk's duration, not its row count. Each chunk's size is the last one scaled towards the
 * target time, growing by at most half per chunk (a fast chunk may have been lucky) and shrinking
 * at once (a slow one hurts now), within 10 … 100,000 rows.
 */
public final class ChunkSizer {

    static final int MIN_ROWS = 10;
    static final int MAX_ROWS = 100_000;
    private static final double MAX_GROWTH = 1.5;

    private final long targetNanos;
    private int rows;

    public ChunkSizer(Duration target, int initialRows) {
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("the target chunk time must be positive, not " + target);
        }
        this.targetNanos = target.toNanos();
        this.rows = clamp(initialRows);
    }

    public int rows() {
        return rows;
    }

    /** A chunk of {@code copiedRows} rows took {@code elapsed}; adapts the next size. */
    public void record(int copiedRows, Duration elapsed) {
        if (copiedRows < rows) {
            return; // the last, short chunk says nothing about the speed
        }
        long nanos = Math.max(1, elapsed.toNanos());
        double scaled = rows * ((double) targetNanos / nanos);
        rows = clamp((int) Math.min(scaled, rows * MAX_GROWTH));
    }

    private static int clamp(double value) {
        return (int) Math.max(MIN_ROWS, Math.min(MAX_ROWS, value));
    }
}
