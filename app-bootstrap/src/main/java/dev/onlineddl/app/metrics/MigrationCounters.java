package dev.onlineddl.app.metrics;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts migrations that started, succeeded and failed while this daemon watched, by comparing
 * successive snapshots of the migrations (taken after every tick and at every scrape). The first
 * snapshot is the baseline: what happened before the daemon started is not counted; a migration
 * first seen in a later snapshot is new, and counted for what it already did.
 *
 * <p>Comparing snapshots rather than hooking into the core keeps the metrics independent of how
 * the core reports; a retried migration that starts again gets a new started timestamp and
 * counts again, as Vitess's counters do.
 */
final class MigrationCounters {

    private record Seen(MigrationStatus status, Instant started) {
    }

    private final Map<MigrationUuid, Seen> seen = new HashMap<>();
    private boolean baselineTaken;
    private long started;
    private long successful;
    private long failed;

    synchronized void observe(List<Migration> migrations) {
        for (Migration migration : migrations) {
            Seen now = new Seen(migration.status(), migration.startedTimestamp());
            Seen before = seen.put(migration.uuid(), now);
            if (!baselineTaken) {
                continue;
            }
            if (now.started() != null && (before == null || !Objects.equals(before.started(), now.started()))) {
                started++;
            }
            boolean statusChanged = before == null || before.status() != now.status();
            if (statusChanged && now.status() == MigrationStatus.COMPLETE) {
                successful++;
            }
            if (statusChanged && now.status() == MigrationStatus.FAILED) {
                failed++;
            }
        }
        baselineTaken = true;
    }

    synchronized long started() {
        return started;
    }

    synchronized long successful() {
        return successful;
    }

    synchronized long failed() {
        return failed;
    }
}
