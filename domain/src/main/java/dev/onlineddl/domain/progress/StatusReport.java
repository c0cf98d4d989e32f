package dev.onlineddl.domain.progress;

import dev.onlineddl.domain.MigrationStatus;
import java.util.Objects;

/**
 * One status report of a running migration, with the semantics of Vitess's
 * {@code onSchemaMigrationStatus}: ready stamps ready_timestamp; running stamps started (once) and
 * liveness; complete forces progress to 100 and stamps completed; failed stamps completed; progress
 * and rows copied are stored only when positive; the {@code ready_to_complete} hint sets that flag;
 * dry-run reports are ignored unless they report a failure.
 *
 * @param message for a failure: what failed and what to do (stored in {@code message}); otherwise empty
 */
public record StatusReport(
        MigrationStatus status,
        boolean dryRun,
        double progress,
        long etaSeconds,
        long rowsCopied,
        boolean readyToComplete,
        String message) {

    public static final long ETA_UNKNOWN = -1;

    public StatusReport {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    public static StatusReport running(double progress, long etaSeconds, long rowsCopied) {
        return new StatusReport(MigrationStatus.RUNNING, false, progress, etaSeconds, rowsCopied, false, "");
    }

    public static StatusReport readyToComplete(double progress, long rowsCopied) {
        return new StatusReport(MigrationStatus.RUNNING, false, progress, 0, rowsCopied, true, "");
    }

    public static StatusReport complete(long rowsCopied) {
        return new StatusReport(MigrationStatus.COMPLETE, false, 100.0, 0, rowsCopied, false, "");
    }

    public static StatusReport failed(String message) {
        return new StatusReport(MigrationStatus.FAILED, false, 0, ETA_UNKNOWN, 0, false, message);
    }
}
