package dev.onlineddl.app.metrics;

import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.port.in.QueryMigrations;
import dev.onlineddl.port.in.RunExecutorTick.TickOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The daemon's Prometheus metrics, on a Micrometer registry: migrations by status (a gauge per
 * status), migrations started / successful / failed since start (counters kept by the executor),
 * ticks by outcome, tick duration (a histogram) and each running migration's stream lag. Whatever
 * binders the daemon adds (JVM, process, connection pool) are exported beside them. Thread-safe.
 */
public final class DaemonMetrics {

    /** The format {@link PrometheusMeterRegistry#scrape()} writes: Prometheus's text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * The tick histogram's upper bounds, the same as before Micrometer so that dashboards keep
     * their buckets: ticks take milliseconds when idle and seconds when they start or cut over.
     */
    static final List<Duration> TICK_BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60));

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<TickOutcome, Counter> ticksByOutcome = new EnumMap<>(TickOutcome.class);
    private final Timer tickDuration;
    private final MultiGauge streamLag;

    /*
     * What the gauges and the executor's counters read: the figures of the scrape under way,
     * handed in by scrape(), so that a scrape asks the core once (one COUNT query) rather than once
     * per status. Written and read under this object's lock, one scrape at a time.
     */
    private Map<MigrationStatus, Long> byStatus = Map.of();
    private ExecutionCounts counts = ExecutionCounts.NONE;

    /** @param binders further meters to export, e.g. the JVM's ({@code JvmMemoryMetrics}) */
    public DaemonMetrics(MeterBinder... binders) {
        for (MigrationStatus status : MigrationStatus.values()) {
            Gauge.builder("onlineddl.migrations", this, metrics -> metrics.migrationsIn(status))
                    .description("Migrations of this executor's target database by status.")
                    .tag("status", status.wireName())
                    .register(registry);
        }
        executionCounter("onlineddl.migrations.started", "Migrations that started running since the daemon started.",
                ExecutionCounts::started);
        executionCounter("onlineddl.migrations.successful", "Migrations that completed since the daemon started.",
                ExecutionCounts::successful);
        executionCounter("onlineddl.migrations.failed", "Migrations that failed since the daemon started.",
                ExecutionCounts::failed);
        for (TickOutcome outcome : TickOutcome.values()) {
            ticksByOutcome.put(outcome, Counter.builder("onlineddl.ticks")
                    .description("Executor ticks by outcome.")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        tickDuration = Timer.builder("onlineddl.tick.duration")
                .description("Duration of the executor ticks that ran.")
                .serviceLevelObjectives(TICK_BUCKETS.toArray(Duration[]::new))
                .register(registry);
        streamLag = MultiGauge.builder("onlineddl.stream.lag")
                .description("How far each running migration's change stream is behind the server, as its engine last reported.")
                .baseUnit("seconds")
                .register(registry);
        for (MeterBinder binder : binders) {
            binder.bindTo(registry);
        }
    }

    private void executionCounter(String name, String description, ToDoubleFunction<ExecutionCounts> count) {
        FunctionCounter.builder(name, this, metrics -> count.applyAsDouble(metrics.counts()))
                .description(description)
                .register(registry);
    }

    private synchronized double migrationsIn(MigrationStatus status) {
        return byStatus.getOrDefault(status, 0L);
    }

    private synchronized ExecutionCounts counts() {
        return counts;
    }

    public void recordTick(TickOutcome outcome, Duration duration) {
        ticksByOutcome.get(outcome).increment();
        if (outcome == TickOutcome.RAN) {
            tickDuration.record(duration);
        }
    }

    /**
     * The exposition text for a scrape, with the figures as they are now: the migrations by status
     * (one COUNT query of the core) and the running migrations' stream lags from {@code query}, the
     * executor's counters from {@code counters}.
     */
    public synchronized String scrape(QueryMigrations query, ExecutionCounts counters) {
        this.byStatus = Map.copyOf(query.countByStatus());
        this.counts = Objects.requireNonNull(counters, "counters");
        // overwrite: a migration that no longer runs loses its series rather than keeping its last lag
        streamLag.register(query.streamLags().entrySet().stream()
                .map(lag -> MultiGauge.Row.of(Tags.of("migration", lag.getKey().value()), lag.getValue().toNanos() / 1e9))
                .toList(), true);
        return registry.scrape();
    }
}
