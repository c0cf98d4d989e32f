package dev.onlineddl.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.RunExecutorTick.TickOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaemonMetricsTest {

    private static final MigrationUuid A = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid B = MigrationUuid.parse("b0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid C = MigrationUuid.parse("c0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");

    private static Migration migration(MigrationUuid uuid, MigrationStatus status, Instant started) {
        return Migration.builder(uuid).status(status).startedTimestamp(started).build();
    }

    @Test
    void scrapeWritesEverySeries() {
        DaemonMetrics metrics = new DaemonMetrics();
        metrics.recordTick(TickOutcome.RAN, Duration.ofMillis(30));
        metrics.recordTick(TickOutcome.RAN, Duration.ofSeconds(2));
        metrics.recordTick(TickOutcome.SKIPPED_STANDBY, Duration.ofMillis(1));

        String text = metrics.scrape(List.of(
                migration(A, MigrationStatus.COMPLETE, T1),
                migration(B, MigrationStatus.QUEUED, null),
                migration(C, MigrationStatus.QUEUED, null)), new ExecutionCounts(3, 1, 2));

        assertThat(text.lines()).contains(
                "# TYPE onlineddl_migrations gauge",
                "onlineddl_migrations{status=\"queued\"} 2",
                "onlineddl_migrations{status=\"ready\"} 0",
                "onlineddl_migrations{status=\"running\"} 0",
                "onlineddl_migrations{status=\"complete\"} 1",
                "onlineddl_migrations{status=\"failed\"} 0",
                "onlineddl_migrations{status=\"cancelled\"} 0",
                "# TYPE onlineddl_migrations_started_total counter",
                "onlineddl_migrations_started_total 3",
                "onlineddl_migrations_successful_total 1",
                "onlineddl_migrations_failed_total 2",
                "onlineddl_ticks_total{outcome=\"ran\"} 2",
                "onlineddl_ticks_total{outcome=\"skipped_standby\"} 1",
                "onlineddl_ticks_total{outcome=\"skipped_busy\"} 0",
                "# TYPE onlineddl_tick_duration_seconds histogram",
                "onlineddl_tick_duration_seconds_bucket{le=\"0.025\"} 0",
                "onlineddl_tick_duration_seconds_bucket{le=\"0.05\"} 1",
                "onlineddl_tick_duration_seconds_bucket{le=\"2.5\"} 2",
                "onlineddl_tick_duration_seconds_bucket{le=\"+Inf\"} 2",
                "onlineddl_tick_duration_seconds_sum 2.03",
                "onlineddl_tick_duration_seconds_count 2");
        // Every line is a comment or "name[{labels}] value".
        assertThat(text.lines()).allMatch(line -> line.startsWith("# ")
                || line.matches("[a-z_]+(\\{[a-z]+=\"[^\"]*\"})? (-?[0-9.]+(E-?[0-9]+)?|\\+Inf|NaN)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0      | 0",
            "2      | 2",
            "0.025  | 0.025",
            "2.03   | 2.03",
            "1e20   | 1.0E20"})
    void numbersInExpositionFormat(double value, String expected) {
        assertThat(PrometheusText.number(value)).isEqualTo(expected);
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(PrometheusText.escapeLabel("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
