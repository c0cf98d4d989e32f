package dev.onlineddl.service;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.rules.MaxConcurrentMigrations;
import dev.onlineddl.domain.rules.StalenessPolicy;
import dev.onlineddl.port.out.MigrationTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the executor needs to know about itself, with Vitess's defaults.
 *
 * @param executorId         who this executor is, stored in {@code tablet}; must stay the same across
 *                           restarts, or the executor would not recognise its own migrations
 * @param target             the database migrated, and the keyspace and shard recorded with it
 * @param checkInterval      the regular tick (Vitess {@code --migration_check_interval}, 1 minute)
 * @param nextCheckIntervals extra ticks after any state change (Vitess: 1, 5, 10 and 20 seconds)
 * @param artifactRetention  how long artifact tables are kept (Vitess {@code --retain_online_ddl_tables}, 24 hours)
 * @param maxConcurrent      owned migrations running at once (Vitess {@code --max_concurrent_online_ddl}, 256)
 * @param staleThreshold     a running migration with no sign of life for this long fails (Vitess: 180 minutes)
 * @param directTimeout      how long a submission waits for a {@code direct} migration to end
 * @param workDirectory      where engines get a directory per migration
 */
public record ExecutorConfig(
        String executorId,
        MigrationTarget target,
        Duration checkInterval,
        List<Duration> nextCheckIntervals,
        Duration artifactRetention,
        MaxConcurrentMigrations maxConcurrent,
        Duration staleThreshold,
        Duration directTimeout,
        Path workDirectory) {

    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMinutes(1);
    public static final List<Duration> DEFAULT_NEXT_CHECK_INTERVALS =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
    public static final Duration DEFAULT_ARTIFACT_RETENTION = Duration.ofHours(24);
    public static final Duration DEFAULT_STALE_THRESHOLD = Duration.ofMinutes(StalenessPolicy.DEFAULT.thresholdMinutes());
    public static final Duration DEFAULT_DIRECT_TIMEOUT = Duration.ofHours(24);

    /** {@code executorId} is stored in a varchar(128) column. */
    public static final int MAX_EXECUTOR_ID_LENGTH = 128;

    public ExecutorConfig {
        Objects.requireNonNull(executorId, "executorId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(artifactRetention, "artifactRetention");
        Objects.requireNonNull(maxConcurrent, "maxConcurrent");
        Objects.requireNonNull(staleThreshold, "staleThreshold");
        Objects.requireNonNull(directTimeout, "directTimeout");
        Objects.requireNonNull(workDirectory, "workDirectory");
        nextCheckIntervals = List.copyOf(nextCheckIntervals);
        if (executorId.isBlank() || executorId.length() > MAX_EXECUTOR_ID_LENGTH) {
            throw new InvalidInputException("executor id '" + executorId + "' must be 1 to " + MAX_EXECUTOR_ID_LENGTH
                    + " characters and not blank: give each executor a stable name, e.g. its host and target database");
        }
        requirePositive("check interval", checkInterval);
        requirePositive("direct timeout", directTimeout);
        for (Duration next : nextCheckIntervals) {
            requirePositive("next check interval", next);
        }
        if (artifactRetention.isNegative() || artifactRetention.toSeconds() < 1) {
            throw new InvalidInputException("artifact retention is " + artifactRetention
                    + "; it must be at least one second (a retention of 0 would mean 'the default' in schema_migrations)");
        }
        if (staleThreshold.toMinutes() < 1) {
            throw new InvalidInputException("stale threshold is " + staleThreshold
                    + "; it must be at least one minute, or running migrations would be failed as stale");
        }
    }

    /**
     * Vitess's defaults for one target database: keyspace named after the database, shard
     * {@code 0}, work directories under the system's temporary directory.
     */
    public static ExecutorConfig defaults(String executorId, String targetDatabase) {
        return new ExecutorConfig(executorId, MigrationTarget.of(targetDatabase), DEFAULT_CHECK_INTERVAL,
                DEFAULT_NEXT_CHECK_INTERVALS, DEFAULT_ARTIFACT_RETENTION, MaxConcurrentMigrations.DEFAULT,
                DEFAULT_STALE_THRESHOLD, DEFAULT_DIRECT_TIMEOUT,
                Path.of(System.getProperty("java.io.tmpdir"), "onlineddl"));
    }

    public ExecutorConfig withTarget(MigrationTarget newTarget) {
        return new ExecutorConfig(executorId, newTarget, checkInterval, nextCheckIntervals, artifactRetention,
                maxConcurrent, staleThreshold, directTimeout, workDirectory);
    }

    public ExecutorConfig withCheckInterval(Duration interval) {
        return new ExecutorConfig(executorId, target, interval, nextCheckIntervals, artifactRetention,
                maxConcurrent, staleThreshold, directTimeout, workDirectory);
    }

    public ExecutorConfig withNextCheckIntervals(List<Duration> intervals) {
        return new ExecutorConfig(executorId, target, checkInterval, intervals, artifactRetention,
                maxConcurrent, staleThreshold, directTimeout, workDirectory);
    }

    public ExecutorConfig withArtifactRetention(Duration retention) {
        return new ExecutorConfig(executorId, target, checkInterval, nextCheckIntervals, retention,
                maxConcurrent, staleThreshold, directTimeout, workDirectory);
    }

    public ExecutorConfig withMaxConcurrent(int max) {
        return new ExecutorConfig(executorId, target, checkInterval, nextCheckIntervals, artifactRetention,
                MaxConcurrentMigrations.sanitized(max), staleThreshold, directTimeout, workDirectory);
    }

    public ExecutorConfig withStaleThreshold(Duration threshold) {
        return new ExecutorConfig(executorId, target, checkInterval, nextCheckIntervals, artifactRetention,
                maxConcurrent, threshold, directTimeout, workDirectory);
    }

    public ExecutorConfig withDirectTimeout(Duration timeout) {
        return new ExecutorConfig(executorId, target, checkInterval, nextCheckIntervals, artifactRetention,
                maxConcurrent, staleThreshold, timeout, workDirectory);
    }

    public ExecutorConfig withWorkDirectory(Path directory) {
        return new ExecutorConfig(executorId, target, checkInterval, nextCheckIntervals, artifactRetention,
                maxConcurrent, staleThreshold, directTimeout, directory);
    }

    /** The staleness rule with this threshold, in whole minutes as Vitess counts. */
    public StalenessPolicy stalenessPolicy() {
        return new StalenessPolicy(staleThreshold.toMinutes());
    }

    /** {@code retain_artifacts_seconds} of a new migration. */
    public long retainArtifactsSeconds() {
        return artifactRetention.toSeconds();
    }

    private static void requirePositive(String what, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new InvalidInputException(what + " is " + value + "; it must be positive");
        }
    }
}
