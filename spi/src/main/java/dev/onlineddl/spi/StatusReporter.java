package dev.onlineddl.spi;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;

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
}
