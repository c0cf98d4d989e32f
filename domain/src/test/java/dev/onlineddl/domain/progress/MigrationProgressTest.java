package dev.onlineddl.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MigrationProgressTest {

    @Test
    void constantsAreThoseOfVitess() {
        assertThat(MigrationProgress.PROGRESS_STARTED).isZero();
        assertThat(MigrationProgress.PROGRESS_FULL).isEqualTo(100.0);
        assertThat(MigrationProgress.ETA_UNKNOWN).isEqualTo(-1);
        assertThat(MigrationProgress.ETA_NOW).isZero();
        assertThat(MigrationProgress.ROWS_COPIED_UNKNOWN).isZero();
    }

    @ParameterizedTest(name = "[{index}] {0} of {1} rows -> {2}")
    @CsvSource({
            "0, 0, 100",
            "5, 0, 100",
            "0, 10, 0",
            "5, 10, 50",
            "10, 10, 100",
            "20, 10, 100",
            "1, 3, 33.3333",
            "2, 3, 66.6667",
            "1, 8, 12.5",
            "1, 16, 6.25",
            "1, 160000, 0.0006",
            "1, 200000, 0.0005",
            "1, 1000000, 0.0001",
            "1, 2000001, 0",
            "999999, 1000000, 99.9999",
            "9999999, 10000000, 100",
            "9223372036854775807, 9223372036854775807, 100",
            "4611686018427387903, 9223372036854775807, 50"})
    void progressFollowsRowsCopiedAsMysqlComputesIt(long rowsCopied, long tableRows, double expected) {
        assertThat(MigrationProgress.progressByRowsCopied(rowsCopied, tableRows)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"-1, 10, rows copied", "10, -1, table rows"})
    void negativeCountsAreAProgrammingError(long rowsCopied, long tableRows, String what) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MigrationProgress.progressByRowsCopied(rowsCopied, tableRows))
                .withMessage(what + " cannot be negative: -1");
    }

    @ParameterizedTest(name = "[{index}] progress {0}, {1} rows, {2}s elapsed -> eta {3}")
    @CsvSource({
            "0, 100, 60, -1",
            "0, 0, 60, -1",
            "50, 0, 60, 0",
            "50, 100, 60, 60",
            "25, 100, 60, 180",
            "10, 100, 30, 270",
            "100, 100, 60, 0",
            "120, 100, 60, 0",
            "33.3333, 100, 100, 200",
            "10, 100, 0, 0",
            "50, 100, -10, 0",
            "40, 100, 1, 2",
            "80, 100, 2, 0",
            "80, 100, 6, 2",
            "80, 100, 10, 2",
            "80, 100, 14, 4",
            "0.0001, 100, 86400, 86399913600"})
    void etaStretchesTheTimeSoFarOverWhatIsLeft(double progress, long tableRows, long elapsedSeconds, long expected) {
        assertThat(MigrationProgress.etaSecondsByProgress(progress, tableRows, elapsedSeconds)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] started {0}ms, now {1}ms -> {2}s")
    @CsvSource({
            "0, 0, 0",
            "0, 1500, 1",
            "0, 999, 0",
            "0, 60000, 60",
            "1000, 61999, 60",
            "1500, 0, -1",
            "500, 0, 0",
            "2000, 0, -2"})
    void elapsedSecondsAreCutTowardZeroLikeTimestampdiff(long startedMillis, long nowMillis, long expected) {
        Instant base = Instant.parse("2024-05-01T12:00:00Z");
        assertThat(MigrationProgress.elapsedSeconds(base.plusMillis(startedMillis), base.plusMillis(nowMillis)))
                .isEqualTo(expected);
    }

    @Test
    void elapsedSecondsNeedBothInstants() {
        assertThatNullPointerException().isThrownBy(() -> MigrationProgress.elapsedSeconds(null, Instant.EPOCH));
        assertThatNullPointerException().isThrownBy(() -> MigrationProgress.elapsedSeconds(Instant.EPOCH, null));
    }
}
