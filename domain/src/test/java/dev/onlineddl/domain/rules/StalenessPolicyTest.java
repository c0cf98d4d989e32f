package dev.onlineddl.domain.rules;

import static dev.onlineddl.domain.rules.TestUuids.u;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StalenessPolicyTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @ParameterizedTest(name = "[{index}] {0}, last alive {1} minutes ago => stale {2}")
    @CsvSource({
            "RUNNING,  181,  true",
            "RUNNING,  180,  false",
            "RUNNING,  179,  false",
            "RUNNING,  0,    false",
            "RUNNING,  9999, true",
            "READY,    9999, false",
            "QUEUED,   9999, false",
            "COMPLETE, 9999, false",
            "FAILED,   9999, false",
    })
    void staleIsRunningWithLivenessStrictlyOlderThanTheThreshold(MigrationStatus status, long minutesAgo, boolean stale) {
        Instant liveness = NOW.minus(Duration.ofMinutes(minutesAgo));
        assertThat(StalenessPolicy.DEFAULT.isStale(status, liveness, NOW)).isEqualTo(stale);
    }

    @Test
    void oneSecondPastTheThresholdIsStale() {
        Instant liveness = NOW.minus(Duration.ofMinutes(180)).minusSeconds(1);
        assertThat(StalenessPolicy.DEFAULT.isStale(MigrationStatus.RUNNING, liveness, NOW)).isTrue();
    }

    @Test
    void missingLivenessIsNotStale() {
        assertThat(StalenessPolicy.DEFAULT.isStale(MigrationStatus.RUNNING, null, NOW)).isFalse();
    }

    @Test
    void thresholdIsConfigurable() {
        StalenessPolicy tenMinutes = new StalenessPolicy(10);
        assertThat(tenMinutes.isStale(MigrationStatus.RUNNING, NOW.minus(Duration.ofMinutes(11)), NOW)).isTrue();
        assertThat(tenMinutes.isStale(MigrationStatus.RUNNING, NOW.minus(Duration.ofMinutes(9)), NOW)).isFalse();
        assertThat(StalenessPolicy.DEFAULT.thresholdMinutes()).isEqualTo(180);
    }

    @Test
    void thresholdMustBePositive() {
        assertThatThrownBy(() -> new StalenessPolicy(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("stale migration threshold is 0 minutes; it must be at least 1 minute, "
                        + "or every running migration would be failed as stale");
    }

    @Test
    void staleMigrationOfThisExecutorIsJustFailed() {
        StalenessPolicy.StaleFinding finding = StalenessPolicy.DEFAULT.judge(u(1), "zone1-0000000100", "zone1-0000000100");

        assertThat(finding.message()).isEqualTo("stale migration 00000000_0000_0000_0000_000000000001: "
                + "found running but indicates no liveness in the past 180 minutes");
        assertThat(finding.markTabletFailure()).isFalse();
    }

    @Test
    void staleMigrationOfAnotherExecutorIsATabletFailure() {
        StalenessPolicy.StaleFinding finding = new StalenessPolicy(30).judge(u(1), "zone1-0000000101", "zone1-0000000100");

        assertThat(finding.message()).isEqualTo("stale migration 00000000_0000_0000_0000_000000000001: "
                + "found running but indicates no liveness in the past 30 minutes; executed by different tablet zone1-0000000101");
        assertThat(finding.markTabletFailure()).isTrue();
    }

    @Test
    void terminationFailureWrapsTheStaleMessage() {
        assertThat(StalenessPolicy.terminationFailedMessage("stale migration x", "stream not found"))
                .isEqualTo("error terminating migration (stale migration x): stream not found");
    }
}
