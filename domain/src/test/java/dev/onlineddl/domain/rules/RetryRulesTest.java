package dev.onlineddl.domain.rules;

import static dev.onlineddl.domain.rules.TestUuids.u;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryRulesTest {

    private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

    private static Migration failedRow(MigrationStatus status) {
        return Migration.builder(u(1)).status(status).tablet("zone1-0000000101").retries(2).tabletFailure(true)
                .message("boom").stage("cut-over: locking tables").cutoverAttempts(3)
                .readyTimestamp(T).startedTimestamp(T).livenessTimestamp(T).cancelledTimestamp(T)
                .completedTimestamp(T).cleanupTimestamp(T).reviewedTimestamp(T)
                .artifacts("_vt_HOLD_x_20240101000000,").readyToComplete(true).immediateOperation(true)
                .requestedTimestamp(T).mysqlTable("t1").build();
    }

    @ParameterizedTest(name = "retry of a {0} migration")
    @EnumSource(value = MigrationStatus.class, names = {"FAILED", "CANCELLED"})
    void retryRequeuesAndResetsTheFailedRun(MigrationStatus status) {
        Migration retried = RetryRules.retry(failedRow(status), "zone1-0000000100").orElseThrow();

        Migration expected = failedRow(status).toBuilder()
                .status(MigrationStatus.QUEUED).tablet("zone1-0000000100").retries(3).tabletFailure(false)
                .message("").stage("").cutoverAttempts(0)
                .readyTimestamp(null).startedTimestamp(null).livenessTimestamp(null).cancelledTimestamp(null)
                .completedTimestamp(null).cleanupTimestamp(null)
                .build();
        assertThat(retried).isEqualTo(expected);
        // kept, as Vitess keeps them
        assertThat(retried.reviewedTimestamp()).isEqualTo(T);
        assertThat(retried.artifacts()).isEqualTo("_vt_HOLD_x_20240101000000,");
        assertThat(retried.readyToComplete()).isTrue();
        assertThat(retried.immediateOperation()).isTrue();
    }

    @ParameterizedTest(name = "retry of a {0} migration changes nothing")
    @EnumSource(value = MigrationStatus.class, names = {"QUEUED", "READY", "RUNNING", "COMPLETE"})
    void onlyFailedOrCancelledMigrationsCanBeRetried(MigrationStatus status) {
        assertThat(RetryRules.retry(failedRow(status), "zone1-0000000100")).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "[{index}] {0}, tablet failure={1}, retries={2} => auto retry {3}")
    @CsvSource({
            "FAILED,    true,  0, true",
            "FAILED,    true,  1, false",
            "FAILED,    false, 0, false",
            "CANCELLED, true,  0, false",
            "RUNNING,   true,  0, false",
    })
    void tabletFailuresAreRetriedAutomaticallyOnce(MigrationStatus status, boolean tabletFailure, int retries, boolean expected) {
        assertThat(RetryRules.isTabletFailureRetryCandidate(status, tabletFailure, retries)).isEqualTo(expected);
        Migration row = Migration.builder(u(1)).status(status).tabletFailure(tabletFailure).retries(retries).build();
        assertThat(RetryRules.isTabletFailureRetryCandidate(row)).isEqualTo(expected);
    }

    @Test
    void aRetriedTabletFailureIsNotRetriedAgain() {
        Migration failed = Migration.builder(u(1)).status(MigrationStatus.FAILED).tabletFailure(true).retries(0).build();
        Migration retried = RetryRules.retry(failed, "zone1-0000000100").orElseThrow();
        Migration failedAgain = retried.toBuilder().status(MigrationStatus.FAILED).tabletFailure(true).build();

        assertThat(RetryRules.isTabletFailureRetryCandidate(failedAgain)).isFalse();
    }
}
