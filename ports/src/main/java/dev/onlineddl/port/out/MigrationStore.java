package dev.onlineddl.port.out;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.rules.PendingMigration;
import dev.onlineddl.domain.rules.QueuedMigration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The migration queue ({@code schema_migrations} in the control schema): every read and write the
 * executor does, one named method per SQL statement of Vitess's executor (its statement names are in the
 * method docs).
 *
 * <p>A store is bound to one {@link MigrationTarget}. Several targets may share a control schema:
 * every read and every write of a store is limited to rows of its own target's
 * {@code mysql_schema}, so a UUID of another target is "not found" here.
 *
 * <p>Times are the database server's clock ({@code NOW(6)}), never the caller's, so that several
 * executors agree on staleness and retention.
 *
 * <p>Updates of one migration by UUID change nothing when this target has no such migration, as
 * in Vitess; use {@link #findMigration} first where that matters. Every method throws
 * {@link MigrationStoreException} when the control schema cannot be read or written (server
 * unreachable or read-only, connection lost); the failed call has changed nothing.
 */
public interface MigrationStore {

    /** The target database every query of this store is scoped to. */
    MigrationTarget target();

    /** The schema that holds {@code schema_migrations} (the control schema, {@code _onlineddl} by default). */
    String controlSchema();

    // ---------------------------------------------------------------- insert / read

    /**
     * Records a submitted migration (Vitess {@code sqlInsertMigration}): uuid, table, statement,
     * strategy, options, action, context, status, tablet (executor id), retention, postpone flags,
     * allow-concurrent, reverted UUID and is-view are taken from {@code migration}; keyspace,
     * shard and mysql_schema from this store's target; requested_timestamp is the server's now.
     * A migration with the same UUID that already exists is left untouched.
     *
     * @return true if inserted, false if the UUID already existed (a resubmission)
     * @throws IllegalArgumentException if the migration names another target's database
     */
    boolean insert(Migration migration);

    /** The whole row (Vitess {@code sqlSelectMigration}); empty if this target has no such migration. */
    Optional<Migration> findMigration(MigrationUuid uuid);

    /**
     * The whole row (Vitess {@code readMigration}).
     *
     * @throws MigrationNotFoundException "migration not found: &lt;uuid&gt;" if this target has none
     */
    default Migration readMigration(MigrationUuid uuid) {
        return findMigration(uuid).orElseThrow(() -> new MigrationNotFoundException(uuid, target()));
    }

    // ---------------------------------------------------------------- listings (SHOW VITESS_MIGRATIONS)

    /** Every migration of this target, whole rows in submission order (Vitess {@code SHOW VITESS_MIGRATIONS}). */
    List<Migration> allMigrations();

    /** Migrations requested no longer ago than {@code within} by the server's clock, in submission order. */
    List<Migration> migrationsRequestedWithin(Duration within);

    /** Migrations submitted with this context, in submission order. */
    List<Migration> migrationsInContext(MigrationContext context);

    /** Migrations in this status, in submission order. */
    List<Migration> migrationsWithStatus(MigrationStatus status);

    /**
     * How many migrations of this target are in each status, every status present (zero where
     * none is): one {@code SELECT migration_status, COUNT(*) ... GROUP BY migration_status}, so that
     * a metrics scrape costs one aggregate whatever the history's length. Not a statement of
     * Vitess's executor, which exports no such gauge.
     */
    Map<MigrationStatus, Long> countByStatus();

    // ---------------------------------------------------------------- scheduler selects

    /** Queued, ready and running migrations in submission order (Vitess {@code sqlSelectPendingMigrations}). */
    List<PendingMigration> pendingMigrations();

    /** Queued migrations not reviewed yet, in submission order (Vitess {@code sqlSelectQueuedUnreviewedMigrations}). */
    List<MigrationUuid> queuedUnreviewedMigrations();

    /**
     * Queued, reviewed migrations in submission order with what scheduling decides on (Vitess
     * {@code sqlSelectQueuedMigrations}).
     */
    List<QueuedMigration> queuedReviewedMigrations();

    /** Ready migrations in submission order (Vitess {@code sqlSelectReadyMigrations}). */
    List<MigrationUuid> readyMigrations();

    /** Running migrations with seconds since start (Vitess {@code sqlSelectRunningMigrations}). */
    List<RunningMigration> runningMigrations();

    /**
     * Running migrations with no sign of life for longer than {@code noLivenessFor} (Vitess
     * {@code sqlSelectStaleMigrations}, which the executor calls with 180 minutes).
     */
    List<MigrationUuid> staleMigrations(Duration noLivenessFor);

    /**
     * The most recently completed migration on {@code mysqlTable} in this target's keyspace (Vitess
     * {@code sqlSelectCompleteMigrationsOnTable}): only that one may be reverted.
     */
    Optional<CompletedMigration> lastCompleteMigrationOnTable(String mysqlTable);

    /**
     * Any one complete migration of this keyspace with the same context and exactly the same
     * statement (Vitess {@code sqlSelectCompleteMigrationsByContextAndSQL}): a resubmission of it is
     * complete at once.
     */
    Optional<CompletedMigration> completeMigrationByContextAndStatement(MigrationContext context, String migrationStatement);

    /**
     * Complete and failed migrations whose artifacts are not collected yet and whose retention has
     * passed (Vitess {@code sqlSelectUncollectedArtifacts}): a row's own
     * {@code retain_artifacts_seconds}, where 0 means {@code defaultRetention} and -1 means now.
     */
    List<UncollectedArtifacts> uncollectedArtifacts(Duration defaultRetention);

    // ---------------------------------------------------------------- status

    /** Sets the status (Vitess {@code sqlUpdateMigrationStatus}). */
    void updateStatus(MigrationUuid uuid, MigrationStatus status);

    /**
     * Ends a migration as cancelled if a user cancelled it (cancelled_timestamp set), else as
     * failed (Vitess {@code sqlUpdateMigrationStatusFailedOrCancelled}).
     */
    void updateStatusFailedOrCancelled(MigrationUuid uuid);

    /** Sets one of the named timestamps to the server's now (Vitess {@code sqlUpdateMigrationTimestamp}). */
    void markTimestamp(MigrationUuid uuid, MigrationTimestamp timestamp);

    /** Sets started and liveness timestamps to now, each only if not set yet (Vitess {@code sqlUpdateMigrationStartedTimestamp}). */
    void markStarted(MigrationUuid uuid);

    /**
     * Re-queues a failed or cancelled migration (Vitess {@code sqlRetryMigration}): status queued,
     * owned by {@code executorId}, retries + 1, failure, message, stage, cut-over attempts and the
     * ready/started/liveness/cancelled/completed/cleanup timestamps reset.
     *
     * @return true if it was failed or cancelled and is queued now
     */
    boolean retryMigration(MigrationUuid uuid, String executorId);

    /**
     * Re-queues at most one migration that failed because its executor went away and was never
     * retried (Vitess {@code sqlRetryMigrationWhere} with {@code sqlWhereTabletFailure}), as
     * {@link #retryMigration} does.
     *
     * @return the migration re-queued, if any (so that the executor can say which)
     */
    Optional<MigrationUuid> retryTabletFailureMigration(String executorId);

    /**
     * Stamps completed_timestamp on failed migrations that lack it and are not cleaned up yet
     * (Vitess {@code sqlFixCompletedTimestamp}), so that artifact collection sees them.
     *
     * @return how many were fixed
     */
    int fixCompletedTimestampOfFailedMigrations();

    // ---------------------------------------------------------------- progress

    /*
     * Deliberate difference from Vitess: its progress, ETA and rows-copied statements update by
     * UUID alone. Here the five below write only while the migration is running, because the
     * figures come from a probe taken during a tick while the engine may report the end on another
     * thread in between: Vitess would let that late write leave a complete migration at, say,
     * 97%. A status report's own figures go through updateReportedProgress instead, which writes
     * whatever the status (the report just set it).
     */

    /**
     * Sets progress (0..100) of a running migration (Vitess {@code sqlUpdateMigrationProgress}); a
     * value &le; 0 means "no information" and writes nothing. A migration in any other status is
     * left as it is.
     */
    void updateProgress(MigrationUuid uuid, double progress);

    /**
     * Sets progress of a running migration from rows copied (Vitess
     * {@code sqlUpdateMigrationProgressByRowsCopied}): 100 if table_rows is 0, else
     * min(100, 100 &times; rowsCopied / table_rows). A migration in any other status is left as it is.
     */
    void updateProgressByRowsCopied(MigrationUuid uuid, long rowsCopied);

    /**
     * Sets the ETA in seconds of a running migration, -1 unknown (Vitess
     * {@code sqlUpdateMigrationETASeconds}). A migration in any other status is left as it is.
     */
    void updateEtaSeconds(MigrationUuid uuid, long etaSeconds);

    /**
     * Sets the ETA of a running migration from its progress (Vitess
     * {@code sqlUpdateMigrationETASecondsByProgress}): -1 if progress is 0; 0 if table_rows is 0;
     * else max(0, seconds since start &times; (100 / progress - 1)). A migration in any other
     * status is left as it is.
     */
    void updateEtaSecondsByProgress(MigrationUuid uuid);

    /**
     * Sets rows copied of a running migration; a value &le; 0 means "no information" and writes
     * nothing (Vitess {@code sqlUpdateMigrationRowsCopied}). A migration in any other status is left
     * as it is.
     */
    void updateRowsCopied(MigrationUuid uuid, long rowsCopied);

    /**
     * Writes the figures a status report carries, whatever the migration's status: Vitess's
     * {@code onSchemaMigrationStatus} writes them right after the reported status, so a completion
     * ends at progress 100 and a failure keeps the rows it had copied. Progress and rows copied
     * &le; 0 mean "no information" and leave their column as it is, as in Vitess; the ETA is
     * always written.
     *
     * <p>Meant for the one writer of statuses, right after it stored the reported status: unlike
     * {@link #updateProgress} it does not check that the migration is still running.
     */
    void updateReportedProgress(MigrationUuid uuid, double progress, long etaSeconds, long rowsCopied);

    /** Sets the table's estimated row count (Vitess {@code sqlUpdateMigrationTableRows}). */
    void updateTableRows(MigrationUuid uuid, long tableRows);

    /** Sets the engine's last heartbeat, unix seconds (Vitess {@code sqlUpdateMigrationVitessLivenessIndicator}). */
    void updateLivenessIndicator(MigrationUuid uuid, long livenessIndicator);

    /** Sets the human-readable cut-over stage (Vitess {@code sqlUpdateStage}). */
    void updateStage(MigrationUuid uuid, String stage);

    /**
     * Sets the message (Vitess {@code sqlUpdateMessage}), cut to at most
     * {@link Migration#MAX_MESSAGE_BYTES} bytes of UTF-8 without splitting a character; unpaired
     * surrogates become U+FFFD.
     */
    void updateMessage(MigrationUuid uuid, String message);

    /** Increments cut-over attempts (Vitess {@code sqlIncrementCutoverAttempts}). */
    void incrementCutoverAttempts(MigrationUuid uuid);

    /** Mirrors whether the migration could cut over now (Vitess {@code sqlUpdateMigrationReadyToComplete}). */
    void updateReadyToComplete(MigrationUuid uuid, boolean readyToComplete);

    /** Sets the table stowed away mid cut-over; empty clears it (Vitess {@code sqlUpdateMigrationStowawayTable}). */
    void updateStowawayTable(MigrationUuid uuid, String stowawayTable);

    /** Sets the user's throttle ratio (Vitess {@code sqlUpdateMigrationUserThrottleRatio}). */
    void updateUserThrottleRatio(MigrationUuid uuid, double ratio);

    /**
     * Records when and where the engine was last throttled (Vitess {@code sqlUpdateLastThrottled});
     * the time is kept to the second.
     */
    void updateLastThrottled(MigrationUuid uuid, Instant lastThrottled, String component);

    // ---------------------------------------------------------------- what the migration is

    /** Sets the action, e.g. a REVERT rewritten to the action it mimics (Vitess {@code sqlUpdateDDLAction}). */
    void updateDdlAction(MigrationUuid uuid, DdlAction ddlAction);

    /** Sets the affected table or view (Vitess {@code sqlUpdateMySQLTable}). */
    void updateMysqlTable(MigrationUuid uuid, String mysqlTable);

    /** Sets whether the statement affects a view (Vitess {@code sqlUpdateMigrationIsView}). */
    void updateIsView(MigrationUuid uuid, boolean view);

    /** Marks the migration as an immediate operation (Vitess {@code sqlUpdateMigrationSetImmediateOperation}). */
    void markImmediateOperation(MigrationUuid uuid);

    /** Sets the special plan's JSON (Vitess {@code sqlUpdateSpecialPlan}). */
    void updateSpecialPlan(MigrationUuid uuid, String specialPlanJson);

    /** Sets the results of the ALTER's analysis (Vitess {@code sqlUpdateSchemaAnalysis}). */
    void updateSchemaAnalysis(MigrationUuid uuid, SchemaAnalysis analysis);

    // ---------------------------------------------------------------- ownership, user controls

    /** Sets the executor that owns the migration (Vitess {@code sqlUpdateTablet}, where it is the tablet alias). */
    void updateExecutor(MigrationUuid uuid, String executorId);

    /** Marks that the migration failed because its executor went away (Vitess {@code sqlUpdateTabletFailure}). */
    void markTabletFailure(MigrationUuid uuid);

    /**
     * Clears postpone_completion (Vitess {@code sqlUpdateCompleteMigration}).
     *
     * @return true if it was postponed and is not any more
     */
    boolean clearPostponeCompletion(MigrationUuid uuid);

    /**
     * Clears postpone_launch (Vitess {@code sqlUpdateLaunchMigration}).
     *
     * @return true if it was postponed and is not any more
     */
    boolean clearPostponeLaunch(MigrationUuid uuid);

    /** Asks for the artifacts to be collected at the next pass: retention -1 (Vitess {@code sqlUpdateReadyForCleanup}). */
    void markReadyForCleanup(MigrationUuid uuid);

    // ---------------------------------------------------------------- artifacts and logs

    /**
     * Adds an artifact table in front of the list ({@code name,} prepended) and clears
     * cleanup_timestamp so that collection considers the migration again (Vitess {@code sqlUpdateArtifacts}).
     */
    void addArtifact(MigrationUuid uuid, String artifactTable);

    /** Empties the artifact list (Vitess {@code sqlClearArtifacts}). */
    void clearArtifacts(MigrationUuid uuid);

    /** Sets where an external tool logs: {@code host:/dir} and the full log file path (Vitess {@code sqlUpdateMigrationLogPath}). */
    void updateLogPath(MigrationUuid uuid, String logPath, String logFile);
}
