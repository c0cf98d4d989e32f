package dev.onlineddl.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.app.fakes.FakeCore;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.RunExecutorTick.TickOutcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DaemonMetricsTest {

    private static final MigrationUuid A = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid B = MigrationUuid.parse("b0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid C = MigrationUuid.parse("c0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");

    private final FakeCore core = new FakeCore();

    private void migration(MigrationUuid uuid, MigrationStatus status, Instant started) {
        core.migrations.add(Migration.builder(uuid).status(status).startedTimestamp(started).build());
    }

    @Test
    void scrapeWritesEverySeries() {
        DaemonMetrics metrics = new DaemonMetrics();
        metrics.recordTick(TickOutcome.RAN, Duration.ofMillis(30));
        metrics.recordTick(TickOutcome.RAN, Duration.ofSeconds(2));
        metrics.recordTick(TickOutcome.SKIPPED_STANDBY, Duration.ofMillis(1));

        migration(A, MigrationStatus.COMPLETE, T1);
        migration(B, MigrationStatus.QUEUED, null);
        migration(C, MigrationStatus.QUEUED, null);
        String text = metrics.scrape(core, new ExecutionCounts(3, 1, 2));

        assertThat(PrometheusLines.of(text)).contains(
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

    @Test
    void eachRunningMigrationsStreamLagIsAGaugeUntilItNoLongerRuns() {
        DaemonMetrics metrics = new DaemonMetrics();
        core.streamLags.put(A, Duration.ofMillis(1500));
        core.streamLags.put(B, Duration.ZERO);

        assertThat(PrometheusLines.of(metrics.scrape(core, ExecutionCounts.NONE))).contains(
                "# TYPE onlineddl_stream_lag_seconds gauge",
                "onlineddl_stream_lag_seconds{migration=\"" + A + "\"} 1.5",
                "onlineddl_stream_lag_seconds{migration=\"" + B + "\"} 0");

        core.streamLags.remove(A);
        assertThat(PrometheusLines.of(metrics.scrape(core, ExecutionCounts.NONE)))
                .noneMatch(line -> line.contains(A.value()))
                .contains("onlineddl_stream_lag_seconds{migration=\"" + B + "\"} 0");
    }
}
