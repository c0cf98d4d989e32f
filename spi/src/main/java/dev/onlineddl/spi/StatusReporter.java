package dev.onlineddl.spi;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.port.out.SchemaAnalysis;
import java.time.Duration;
import java.time.Instant;

/**
 * How an engine tells the core what happened. Thread-safe: engines call it from their own
 * threads. A report for a migration that is no longer running (cancelled meanwhile) is ignored.
 */
@FunctionalInterface
public interface StatusReporter {

    void report(MigrationUuid uuid, StatusReport report);

    /**
     * The engine created a table that belongs to the migration's artifacts: a shadow table, a
     * bookkeeping table, or the original table renamed away at cut-over. The core records it in
     * {@code schema_migrations.artifacts} (newest first) and collects it with the migration's other
     * artifacts once they are due, so the engine never drops such tables itself. Report a table
     * as soon as it exists, so that a failure right after still leaves it collectable. Name tables
     * so that {@link dev.onlineddl.domain.naming.ArtifactNames#isOnlineDdlTableName} recognises
     * them, or the core may mistake them for user tables.
     *
     * <p>The default ignores the table: for reporters that keep no artifacts, such as a test's.
     */
    default void artifactTable(MigrationUuid uuid, String table) {
    }

    // The reports below fill schema_migrations' informational columns. They apply only while the
    // migration runs: a late one, after it ended, changes nothing. Each default ignores the report,
    // for reporters that keep no such columns, such as a test's.

    /** What the engine is doing now, in a few words ({@code stage}), e.g. "copying rows" or "waiting for cut-over". */
    default void stage(MigrationUuid uuid, String stage) {
    }

    /** What analysing the ALTER found out about revertibility (the {@code schema_migrations} analysis columns). */
    default void schemaAnalysis(MigrationUuid uuid, SchemaAnalysis analysis) {
    }

    /** The engine is attempting a cut-over ({@code cutover_attempts} counts them). */
    default void cutOverAttempt(MigrationUuid uuid) {
    }

    /**
     * The engine's stream is alive and has got this far ({@code vitess_liveness_indicator}, e.g. the
     * epoch second of the last event applied); it also renews the migration's liveness, so that it
     * is not taken for stale.
     */
    default void streamAlive(MigrationUuid uuid, long livenessIndicator) {
    }

    /** The engine held back at {@code at} because {@code component} was throttled ({@code last_throttled_timestamp}). */
    default void throttled(MigrationUuid uuid, Instant at, String component) {
    }

    /**
     * How far the engine's change stream is behind the server: the age of the oldest change it has
     * read but not yet applied, zero when it is caught up. Not stored: the daemon shows the latest
     * value of each running migration in {@code /metrics} ({@code onlineddl_stream_lag_seconds}).
     */
    default void streamLag(MigrationUuid uuid, Duration lag) {
    }
}
