package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import java.util.Objects;
import java.util.Optional;

/** Retrying failed or cancelled migrations (Vitess {@code RetryMigration}, {@code sqlRetryMigration}, {@code retryTabletFailureMigrations}). */
public final class RetryRules {

    private RetryRules() {
    }

    /**
     * The row after a retry, or empty if the migration is not failed or cancelled (Vitess's
     * update then matches no row). The retry puts it back in the queue under this executor, counts
     * the retry, and clears what belonged to the failed run: the tablet-failure mark, message,
     * stage, cut-over attempts, and the ready, started, liveness, cancelled, completed and cleanup
     * timestamps. It keeps {@code reviewed_timestamp} (review is not repeated), the artifacts (the
     * previous run's tables still await collection), {@code ready_to_complete} and
     * {@code is_immediate_operation}, exactly as Vitess does.
     *
     * @param thisTablet this executor's id, which takes ownership
     */
    public static Optional<Migration> retry(Migration migration, String thisTablet) {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(thisTablet, "thisTablet");
        if (!migration.status().isRetryable()) {
            return Optional.empty();
        }
        return Optional.of(migration.toBuilder()
                .status(MigrationStatus.QUEUED)
                .tablet(thisTablet)
                .retries(migration.retries() + 1)
                .tabletFailure(false)
                .message("")
                .stage("")
                .cutoverAttempts(0)
                .readyTimestamp(null)
                .startedTimestamp(null)
                .livenessTimestamp(null)
                .cancelledTimestamp(null)
                .completedTimestamp(null)
                .cleanupTimestamp(null)
                .build());
    }

    /**
     * The automatic retry after a failover: a migration that failed because its executor went
     * away, and was never retried. Each tick retries at most one such migration, and only once
     * ever, so a migration that keeps killing its executor does not loop.
     */
    public static boolean isTabletFailureRetryCandidate(MigrationStatus status, boolean tabletFailure, int retries) {
        Objects.requireNonNull(status, "status");
        return status == MigrationStatus.FAILED && tabletFailure && retries == 0;
    }

    public static boolean isTabletFailureRetryCandidate(Migration migration) {
        return isTabletFailureRetryCandidate(migration.status(), migration.tabletFailure(), migration.retries());
    }
}
