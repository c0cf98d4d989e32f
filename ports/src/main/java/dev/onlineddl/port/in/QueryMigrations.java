package dev.onlineddl.port.in;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import java.util.List;

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
}
