package dev.onlineddl.spi;

import dev.onlineddl.domain.MigrationUuid;

/**
 * How an engine tells the core what happened. Thread-safe: engines call it from their own
 * threads. A report for a migration that is no longer running (cancelled meanwhile) is ignored.
 */
@FunctionalInterface
public interface StatusReporter {

    void report(MigrationUuid uuid, StatusReport report);
}
