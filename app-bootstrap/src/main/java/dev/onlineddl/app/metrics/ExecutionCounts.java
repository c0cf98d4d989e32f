package dev.onlineddl.app.metrics;

/**
 * How many migrations the executor started, completed and saw fail since it started
 * (Vitess's {@code StartedMigrations}, {@code SuccessfulMigrations}, {@code FailedMigrations}).
 */
public record ExecutionCounts(long started, long successful, long failed) {

    public static final ExecutionCounts NONE = new ExecutionCounts(0, 0, 0);
}
