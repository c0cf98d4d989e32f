package dev.onlineddl.service;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one INFO line for each change of a migration's {@code migration_status}, written by every
 * code path that changes it, so that an operator can follow a migration's life by grepping its
 * UUID:
 *
 * <pre>
 * migration 1a2b..._... new -&gt; queued (t1, strategy vitess): submitted
 * migration 1a2b..._... queued -&gt; ready (t1, strategy vitess)
 * migration 1a2b..._... ready -&gt; running (t1, strategy vitess)
 * migration 1a2b..._... running -&gt; failed (t1, strategy vitess): stale migration ...
 * </pre>
 *
 * Its own logger ({@code dev.onlineddl.service.MigrationStatusLog}) lets a deployment keep these
 * lines while quietening the rest of the executor. A write that leaves the status as it was (an
 * engine's progress report while running) logs nothing.
 */
final class MigrationStatusLog {

    /** The "from" of a row just inserted: it had no status before. */
    static final String NEW = "new";

    private static final Logger LOG = LoggerFactory.getLogger(MigrationStatusLog.class);

    private MigrationStatusLog() {
    }

    /** A row was inserted with {@code migration.status()} (queued, or running for a direct migration). */
    static void created(Migration migration, String message) {
        write(migration, NEW, migration.status(), message);
    }

    /**
     * The migration went from {@code from} to {@code to}; nothing is logged when they are equal.
     *
     * @param migration the row before or after the change: only its UUID, table and strategy are used
     * @param message   why, or empty
     */
    static void changed(Migration migration, MigrationStatus from, MigrationStatus to, String message) {
        if (from != to) {
            write(migration, from.wireName(), to, message);
        }
    }

    private static void write(Migration migration, String from, MigrationStatus to, String message) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String table = migration.mysqlTable() == null || migration.mysqlTable().isEmpty()
                ? ""
                : migration.mysqlTable() + ", ";
        String why = message == null || message.isBlank() ? "" : ": " + message;
        LOG.info("migration {} {} -> {} ({}strategy {}){}", migration.uuid(), from, to.wireName(), table,
                migration.strategy(), why);
    }
}
