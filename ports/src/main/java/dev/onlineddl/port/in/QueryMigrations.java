package dev.onlineddl.port.in;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Read migrations of this executor's target (Vitess {@code SHOW VITESS_MIGRATIONS}, {@code ... LOGS}). */
public interface QueryMigrations {

    /** Matching migrations in submission order. */
    List<Migration> show(MigrationFilter filter);

    /**
     * One migration's row. Unknown UUID: {@link dev.onlineddl.port.out.MigrationNotFoundException},
     * so that callers need not look it up first to tell "unknown" from "bad input".
     */
    Migration migration(MigrationUuid uuid);

    /**
     * The migration's log (the external tool's log file, or the stored message for strategies
     * that keep none). Unknown UUID: {@link dev.onlineddl.port.out.MigrationNotFoundException}.
     */
    String logs(MigrationUuid uuid);

    /**
     * How many of this target's migrations are in each status, every status present: one aggregate
     * query, however many migrations the history holds (the daemon's metrics call it at each scrape).
     */
    Map<MigrationStatus, Long> countByStatus();

    /**
     * The latest stream lag each engine reported for a migration this executor runs now: the age
     * of the oldest change read but not applied yet. Kept in memory, not stored; a migration is
     * absent once it no longer runs here, or while its engine has reported none (engines that
     * stream no changes never do).
     */
    Map<MigrationUuid, Duration> streamLags();
}
