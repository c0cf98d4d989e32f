package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.SchemaAnalysis;
import dev.onlineddl.spi.StatusReporter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an engine reports besides its status (stage, schema analysis, cut-over attempts, stream
 * liveness, throttling) lands in the migration's {@code schema_migrations} columns while it runs,
 * and changes nothing once it has ended. The engine never writes the store itself.
 */
class EngineReportsIT extends ExecutorItSupport {

    @Test
    void reportsOfARunningMigrationFillItsColumns() {
        MigrationUuid alter = runningAlter();
        StatusReporter reporter = onlineEngine().reporter();

        reporter.stage(alter, "copying rows");
        reporter.schemaAnalysis(alter, new SchemaAnalysis(1, 2, "`uk`", "`c`", "`e`", "column e widened"));
        reporter.cutOverAttempt(alter);
        reporter.cutOverAttempt(alter);
        reporter.streamAlive(alter, 1_700_000_123L);
        reporter.throttled(alter, Instant.parse("2026-01-02T03:04:05Z"), "replica");

        Map<String, Object> row = target.row(alter);
        assertThat(row.get("stage")).isEqualTo("copying rows");
        assertThat(row.get("added_unique_keys")).hasToString("1");
        assertThat(row.get("removed_unique_keys")).hasToString("2");
        assertThat(row.get("removed_unique_key_names")).isEqualTo("`uk`");
        assertThat(row.get("dropped_no_default_column_names")).isEqualTo("`c`");
        assertThat(row.get("expanded_column_names")).isEqualTo("`e`");
        assertThat(row.get("revertible_notes")).isEqualTo("column e widened");
        assertThat(row.get("cutover_attempts")).hasToString("2");
        assertThat(row.get("vitess_liveness_indicator")).hasToString("1700000123");
        assertThat(row.get("liveness_timestamp")).isNotNull();
        assertThat(row.get("last_throttled_timestamp")).isNotNull();
        assertThat(row.get("component_throttled")).isEqualTo("replica");
    }

    @Test
    void reportsAfterTheMigrationEndedChangeNothing() {
        MigrationUuid alter = runningAlter();
        awaitStatus(alter, "complete");
        Map<String, Object> ended = target.row(alter);
        StatusReporter reporter = onlineEngine().reporter();

        reporter.stage(alter, "a late stage");
        reporter.schemaAnalysis(alter, new SchemaAnalysis(5, 5, "`x`", "`x`", "`x`", "late"));
        reporter.cutOverAttempt(alter);
        reporter.streamAlive(alter, 42);
        reporter.throttled(alter, Instant.now(), "late");

        assertThat(target.row(alter)).isEqualTo(ended);
    }

    @Test
    void theLatestStreamLagOfARunningMigrationIsKeptUntilItNoLongerRuns() {
        onlineEngine().holdCopies();
        onlineEngine().reportStreamLag(Duration.ofMillis(1500));
        MigrationUuid alter = runningAlter();
        executor.tick();
        assertThat(executor.queryMigrations().streamLags()).containsExactly(entry(alter, Duration.ofMillis(1500)));

        onlineEngine().reportStreamLag(Duration.ZERO);
        executor.tick();
        assertThat(executor.queryMigrations().streamLags()).containsExactly(entry(alter, Duration.ZERO));

        onlineEngine().releaseCopies();
        awaitStatus(alter, "complete");
        assertThat(executor.queryMigrations().streamLags()).isEmpty();
        onlineEngine().reporter().streamLag(alter, Duration.ofSeconds(9));
        assertThat(executor.queryMigrations().streamLags()).as("a late report").isEmpty();
    }

    private MigrationUuid runningAlter() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid alter = submitOne("alter table t1 add column c int", ONLINE);
        awaitStatus(alter, "running");
        return alter;
    }
}
