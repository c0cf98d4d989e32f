package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a running migration counts as stale, and what review then records (Vitess
 * {@code reviewStaleMigrations}).
 *
 * @param thresholdMinutes no sign of life for longer than this many minutes makes a running migration stale
 */
public record StalenessPolicy(long thresholdMinutes) {

    /** Vitess's {@code staleMigrationMinutes}. */
    public static final StalenessPolicy DEFAULT = new StalenessPolicy(180);

    public StalenessPolicy {
        if (thresholdMinutes < 1) {
            throw new InvalidInputException("stale migration threshold is " + thresholdMinutes
                    + " minutes; it must be at least 1 minute, or every running migration would be failed as stale");
        }
    }

    /**
     * Running, and its last sign of life is strictly older than the threshold. A missing liveness
     * timestamp is not stale: Vitess's SQL comparison with NULL matches nothing, and a running
     * migration gets one when it starts.
     */
    public boolean isStale(MigrationStatus status, Instant livenessTimestamp, Instant now) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(now, "now");
        if (status != MigrationStatus.RUNNING || livenessTimestamp == null) {
            return false;
        }
        return livenessTimestamp.isBefore(now.minus(Duration.ofMinutes(thresholdMinutes)));
    }

    /**
     * What to record for a stale migration. If another executor ran it, that executor went away
     * (a failover, a crash): the migration is marked as a tablet failure, which earns it one
     * automatic retry (see {@link RetryRules#isTabletFailureRetryCandidate}). Either way it is
     * terminated and becomes {@code failed}, with its started (if unset) and completed timestamps
     * stamped so that artifact collection sees it.
     *
     * @param executedByTablet the row's {@code tablet}
     * @param thisTablet this executor's id
     */
    public StaleFinding judge(MigrationUuid uuid, String executedByTablet, String thisTablet) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(executedByTablet, "executedByTablet");
        Objects.requireNonNull(thisTablet, "thisTablet");
        String message = "stale migration " + uuid + ": found running but indicates no liveness in the past "
                + thresholdMinutes + " minutes";
        if (executedByTablet.equals(thisTablet)) {
            return new StaleFinding(message, false);
        }
        return new StaleFinding(message + "; executed by different tablet " + executedByTablet, true);
    }

    /**
     * The message recorded instead when terminating the stale migration failed; it then stays
     * {@code running} and is looked at again next tick.
     */
    public static String terminationFailedMessage(String staleMessage, String terminationError) {
        return "error terminating migration (" + staleMessage + "): " + terminationError;
    }

    /**
     * @param message the text for {@code message}
     * @param markTabletFailure set {@code tablet_failure}: another executor ran it and went away
     */
    public record StaleFinding(String message, boolean markTabletFailure) {
        public StaleFinding {
            Objects.requireNonNull(message, "message");
        }
    }
}
