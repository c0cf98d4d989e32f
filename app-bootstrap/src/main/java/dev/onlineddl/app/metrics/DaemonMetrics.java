package dev.onlineddl.app.metrics;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.port.in.RunExecutorTick.TickOutcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's Prometheus metrics: migrations by status (a gauge per status), migrations
 * started / successful / failed since start (counters kept by the executor), ticks by outcome
 * and tick duration (a histogram). Thread-safe.
 */
public final class DaemonMetrics {

    public static final String CONTENT_TYPE = PrometheusText.CONTENT_TYPE;

    private final TickDurations tickDurations = new TickDurations();
    private final Map<TickOutcome, AtomicLong> ticksByOutcome = new EnumMap<>(TickOutcome.class);

    public DaemonMetrics() {
        for (TickOutcome outcome : TickOutcome.values()) {
            ticksByOutcome.put(outcome, new AtomicLong());
        }
    }

    public void recordTick(TickOutcome outcome, Duration duration) {
        ticksByOutcome.get(outcome).incrementAndGet();
        if (outcome == TickOutcome.RAN) {
            tickDurations.record(duration);
        }
    }

    /** The exposition text for a scrape, given the migrations and the executor's counters as they are now. */
    public String scrape(List<Migration> migrations, ExecutionCounts counters) {
        Map<MigrationStatus, Long> byStatus = new EnumMap<>(MigrationStatus.class);
        for (MigrationStatus status : MigrationStatus.values()) {
            byStatus.put(status, 0L);
        }
        migrations.forEach(migration -> byStatus.merge(migration.status(), 1L, Long::sum));

        PrometheusText out = new PrometheusText();
        out.header("onlineddl_migrations", "gauge", "Migrations of this executor's target database by status.");
        byStatus.forEach((status, count) -> out.sample("onlineddl_migrations", "status", status.wireName(), count));
        out.header("onlineddl_migrations_started_total", "counter", "Migrations that started running since the daemon started.");
        out.sample("onlineddl_migrations_started_total", counters.started());
        out.header("onlineddl_migrations_successful_total", "counter", "Migrations that completed since the daemon started.");
        out.sample("onlineddl_migrations_successful_total", counters.successful());
        out.header("onlineddl_migrations_failed_total", "counter", "Migrations that failed since the daemon started.");
        out.sample("onlineddl_migrations_failed_total", counters.failed());
        out.header("onlineddl_ticks_total", "counter", "Executor ticks by outcome.");
        ticksByOutcome.forEach((outcome, count) ->
                out.sample("onlineddl_ticks_total", "outcome", outcome.name().toLowerCase(Locale.ROOT), count.get()));
        out.header("onlineddl_tick_duration_seconds", "histogram", "Duration of the executor ticks that ran.");
        tickDurations.writeTo(out, "onlineddl_tick_duration_seconds");
        return out.toString();
    }
}
