package dev.onlineddl.port.in;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;

/**
 * Status reports from outside the process: hooks of an external tool calling the daemon's HTTP
 * API (Vitess {@code OnSchemaMigrationStatus}). Same semantics as an engine's
 * {@link dev.onlineddl.spi.StatusReporter}.
 */
public interface ReceiveStatusReport {

    void onStatusReport(MigrationUuid uuid, StatusReport report);
}
