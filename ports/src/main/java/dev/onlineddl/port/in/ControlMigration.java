package dev.onlineddl.port.in;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;

/**
 * The user's commands on migrations (Vitess {@code ALTER VITESS_MIGRATION ...}). Each returns how
 * many migrations it affected, with Vitess's outcomes: e.g. cancelling a completed migration
 * affects 0. An unknown UUID throws {@link dev.onlineddl.domain.InvalidInputException}.
 */
public interface ControlMigration {

    /** queued/ready: cancelled now; running: terminated through its strategy, then cancelled. */
    CommandResult cancel(MigrationUuid uuid);

    CommandResult cancelAll();

    /** failed/cancelled back to queued, retries + 1. */
    CommandResult retry(MigrationUuid uuid);

    /** Artifacts become collectable now (retain_artifacts_seconds = -1). */
    CommandResult cleanup(MigrationUuid uuid);

    /** Clears postpone_completion. */
    CommandResult complete(MigrationUuid uuid);

    CommandResult completeAll();

    /**
     * Clears postpone_launch. With shards given, only when this executor's shard is among them
     * (Vitess {@code LAUNCH VITESS_SHARDS}); an empty list means all shards.
     */
    CommandResult launch(MigrationUuid uuid, List<String> shards);

    CommandResult launchAll();
}
