package dev.onlineddl.adapter.mysql.store;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import static dev.onlineddl.adapter.mysql.store.jooq.Tables.SCHEMA_MIGRATIONS;

import dev.onlineddl.adapter.mysql.store.jooq.SchemaMigrations;
import dev.onlineddl.adapter.mysql.store.jooq.SchemaMigrationsRecord;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.MigrationMessage;
import dev.onlineddl.domain.rules.PendingMigration;
import dev.onlineddl.domain.rules.QueuedMigration;
import dev.onlineddl.port.out.CompletedMigration;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationStoreException;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.MigrationTimestamp;
import dev.onlineddl.port.out.RunningMigration;
import dev.onlineddl.port.out.SchemaAnalysis;
import dev.onlineddl.port.out.UncollectedArtifacts;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.TableField;
import org.jooq.UpdateSetMoreStep;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.types.UByte;
import org.jooq.types.UInteger;
import org.jooq.types.ULong;

/**
 * {@link MigrationStore} on {@code schema_migrations} in a {@link ControlSchema}, with jOOQ.
 *
 * <p>Every statement is scoped to this store's {@code mysql_schema}. Each operation is a single
 * statement run in autocommit, so a failure (read-only server, lost connection) leaves the row as
 * it was: nothing is half-written. Times come from the server ({@code NOW(6)}); timestamps are
 * read as {@code UNIX_TIMESTAMP(...)}, which does not depend on the session's time zone, so the
 * {@link Instant}s are right whatever the server's, the JVM's or the driver's time zone is.
 */
public final class JooqMigrationStore implements MigrationStore {

    private static final SchemaMigrations M = SCHEMA_MIGRATIONS;


    private static final String QUEUED = MigrationStatus.QUEUED.wireName();
    private static final String READY = MigrationStatus.READY.wireName();
    private static final String RUNNING = MigrationStatus.RUNNING.wireName();
    private static final String COMPLETE = MigrationStatus.COMPLETE.wireName();
    private static final String FAILED = MigrationStatus.FAILED.wireName();
    private static final String CANCELLED = MigrationStatus.CANCELLED.wireName();

    private static final UByte FALSE = UByte.valueOf(0);
    private static final UByte TRUE = UByte.valueOf(1);

    /** The server's clock with microseconds, as Vitess writes every timestamp. */
    private static final Field<LocalDateTime> NOW_6 = DSL.field("now(6)", SQLDataType.LOCALDATETIME(6));

    /** Every column in table order; timestamps as epoch seconds (see class comment). */
    private static final List<SelectField<?>> FULL_ROW = fullRow();

    private final DSLContext sql;
    private final ControlSchema controlSchema;
    private final MigrationTarget target;

    public JooqMigrationStore(DataSource dataSource, ControlSchema controlSchema, MigrationTarget target) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.controlSchema = Objects.requireNonNull(controlSchema, "controlSchema");
        this.target = Objects.requireNonNull(target, "target");
        // MYSQL renders what both MySQL and MariaDB accept for these plain statements.
        this.sql = DSL.using(dataSource, SQLDialect.MYSQL, controlSchema.jooqSettings());
    }

    @Override
    public String controlSchema() {
        return controlSchema.name();
    }

    @Override
    public MigrationTarget target() {
        return target;
    }

    // ------------------------------------------------------------------------------ insert / read

    @Override
    public boolean insert(Migration migration) {
        Objects.requireNonNull(migration, "migration");
        requireOwnTarget(migration);
        MigrationUuid uuid = migration.uuid();
        return call("submit migration " + uuid, () -> {
            try {
                return sql.insertInto(M)
                        .set(M.MIGRATION_UUID, uuid.value())
                        .set(M.KEYSPACE, target.keyspace())
                        .set(M.SHARD, target.shard())
                        .set(M.MYSQL_SCHEMA, target.mysqlSchema())
                        .set(M.MYSQL_TABLE, migration.mysqlTable())
                        .set(M.MIGRATION_STATEMENT, migration.migrationStatement())
                        .set(M.STRATEGY, migration.strategy())
                        .set(M.OPTIONS, migration.options())
                        .set(M.DDL_ACTION, wireName(migration.ddlAction()))
                        .set(M.REQUESTED_TIMESTAMP, NOW_6)
                        .set(M.MIGRATION_CONTEXT, migration.context().value())
                        .set(M.MIGRATION_STATUS, migration.status().wireName())
                        .set(M.TABLET, migration.tablet())
                        .set(M.RETAIN_ARTIFACTS_SECONDS, migration.retainArtifactsSeconds())
                        .set(M.POSTPONE_LAUNCH, flag(migration.postponeLaunch()))
                        .set(M.POSTPONE_COMPLETION, flag(migration.postponeCompletion()))
                        .set(M.ALLOW_CONCURRENT, flag(migration.allowConcurrent()))
                        .set(M.REVERTED_UUID, migration.revertedUuid())
                        .set(M.IS_VIEW, flag(migration.view()))
                        // TEXT columns have no default: Vitess relies on INSERT IGNORE turning the
                        // strict-mode error into a warning; we give them their empty value instead.
                        .set(M.LOG_PATH, "")
                        .set(M.ARTIFACTS, "")
                        .set(M.MESSAGE, "")
                        .set(M.REMOVED_UNIQUE_KEY_NAMES, "")
                        .set(M.DROPPED_NO_DEFAULT_COLUMN_NAMES, "")
                        .set(M.EXPANDED_COLUMN_NAMES, "")
                        .set(M.REVERTIBLE_NOTES, "")
                        .set(M.STOWAWAY_TABLE, "")
                        .set(M.SPECIAL_PLAN, "")
                        .set(M.COMPONENT_THROTTLED, "")
                        .set(M.STAGE, "")
                        .execute() == 1;
            } catch (DataAccessException e) {
                // Vitess's INSERT IGNORE ignores a duplicate UUID. A plain INSERT that treats only
                // the duplicate key as "already there" keeps that, without IGNORE's other effect of
                // silently truncating a too-long statement or table name.
                if (errorCode(e) == MysqlErrorNumbers.ER_DUP_ENTRY) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Migration> findMigration(MigrationUuid uuid) {
        return call("read migration " + uuid, () -> sql.select(FULL_ROW)
                .from(M)
                .where(byUuid(uuid))
                .fetchOptional(JooqMigrationStore::toMigration));
    }

    // ------------------------------------------------------------------------------ listings

    @Override
    public List<Migration> allMigrations() {
        return listMigrations("list migrations", ownTarget());
    }

    @Override
    public List<Migration> migrationsRequestedWithin(Duration within) {
        Objects.requireNonNull(within, "within");
        long seconds = within.toSeconds();
        return listMigrations("list migrations requested in the last " + within, ownTarget().and(M.REQUESTED_TIMESTAMP.ge(
                DSL.field("now() - interval {0} second", SQLDataType.LOCALDATETIME, DSL.val(seconds)))));
    }

    @Override
    public List<Migration> migrationsInContext(MigrationContext context) {
        Objects.requireNonNull(context, "context");
        return listMigrations("list migrations in context " + context,
                ownTarget().and(M.MIGRATION_CONTEXT.eq(context.value())));
    }

    @Override
    public List<Migration> migrationsWithStatus(MigrationStatus status) {
        Objects.requireNonNull(status, "status");
        return listMigrations("list " + status.wireName() + " migrations",
                ownTarget().and(M.MIGRATION_STATUS.eq(status.wireName())));
    }

    @Override
    public Map<MigrationStatus, Long> countByStatus() {
        Map<MigrationStatus, Long> counts = new EnumMap<>(MigrationStatus.class);
        for (MigrationStatus status : MigrationStatus.values()) {
            counts.put(status, 0L);
        }
        Field<Integer> count = DSL.count();
        call("count migrations by status", () -> sql.select(M.MIGRATION_STATUS, count)
                .from(M)
                .where(ownTarget())
                .groupBy(M.MIGRATION_STATUS)
                .fetch())
                .forEach(row -> counts.merge(MigrationStatus.fromWireName(row.get(M.MIGRATION_STATUS)),
                        row.get(count).longValue(), Long::sum));
        return counts;
    }

    private List<Migration> listMigrations(String operation, Condition condition) {
        return call(operation, () -> sql.select(FULL_ROW)
                .from(M)
                .where(condition)
                .orderBy(M.ID)
                .fetch(JooqMigrationStore::toMigration));
    }

    // ------------------------------------------------------------------------------ scheduler selects

    @Override
    public List<PendingMigration> pendingMigrations() {
        return call("list pending migrations", () -> sql
                .select(M.MIGRATION_UUID, M.KEYSPACE, M.MYSQL_TABLE, M.MIGRATION_STATUS)
                .from(M)
                .where(ownTarget().and(M.MIGRATION_STATUS.in(QUEUED, READY, RUNNING)))
                .orderBy(M.ID)
                .fetch(row -> new PendingMigration(
                        uuid(row.get(M.MIGRATION_UUID)),
                        row.get(M.KEYSPACE),
                        row.get(M.MYSQL_TABLE),
                        MigrationStatus.fromWireName(row.get(M.MIGRATION_STATUS)))));
    }

    @Override
    public List<MigrationUuid> queuedUnreviewedMigrations() {
        return call("list queued migrations to review", () -> sql
                .select(M.MIGRATION_UUID)
                .from(M)
                .where(ownTarget().and(M.MIGRATION_STATUS.eq(QUEUED)).and(M.REVIEWED_TIMESTAMP.isNull()))
                .orderBy(M.ID)
                .fetch(row -> uuid(row.value1())));
    }

    @Override
    public List<QueuedMigration> queuedReviewedMigrations() {
        return call("list reviewed queued migrations", () -> sql
                .select(M.MIGRATION_UUID, M.POSTPONE_LAUNCH, M.POSTPONE_COMPLETION, M.IS_IMMEDIATE_OPERATION,
                        M.READY_TO_COMPLETE)
                .from(M)
                .where(ownTarget().and(M.MIGRATION_STATUS.eq(QUEUED)).and(M.REVIEWED_TIMESTAMP.isNotNull()))
                .orderBy(M.ID)
                .fetch(row -> new QueuedMigration(
                        uuid(row.get(M.MIGRATION_UUID)),
                        isSet(row.get(M.POSTPONE_LAUNCH)),
                        isSet(row.get(M.POSTPONE_COMPLETION)),
                        isSet(row.get(M.IS_IMMEDIATE_OPERATION)),
                        isSet(row.get(M.READY_TO_COMPLETE)))));
    }

    @Override
    public List<MigrationUuid> readyMigrations() {
        return call("list ready migrations", () -> sql
                .select(M.MIGRATION_UUID)
                .from(M)
                .where(ownTarget().and(M.MIGRATION_STATUS.eq(READY)))
                .orderBy(M.ID)
                .fetch(row -> uuid(row.value1())));
    }

    @Override
    public List<RunningMigration> runningMigrations() {
        Field<Long> elapsedSeconds = secondsSince(M.STARTED_TIMESTAMP).as("elapsed_seconds");
        return call("list running migrations", () -> sql
                .select(M.MIGRATION_UUID, M.POSTPONE_COMPLETION, M.STOWAWAY_TABLE, elapsedSeconds)
                .from(M)
                .where(ownTarget().and(M.MIGRATION_STATUS.eq(RUNNING)))
                .orderBy(M.ID)
                .fetch(row -> new RunningMigration(
                        uuid(row.get(M.MIGRATION_UUID)),
                        isSet(row.get(M.POSTPONE_COMPLETION)),
                        row.get(M.STOWAWAY_TABLE),
                        // never started: Vitess reads NULL as 0
                        Objects.requireNonNullElse(row.get(elapsedSeconds), 0L))));
    }

    @Override
    public List<MigrationUuid> staleMigrations(Duration noLivenessFor) {
        long seconds = noLivenessFor.toSeconds();
        return call("list stale migrations", () -> sql
                .select(M.MIGRATION_UUID)
                .from(M)
                .where(ownTarget()
                        .and(M.MIGRATION_STATUS.eq(RUNNING))
                        .and(M.LIVENESS_TIMESTAMP.lt(
                                DSL.field("now() - interval {0} second", SQLDataType.LOCALDATETIME, DSL.val(seconds)))))
                .orderBy(M.ID)
                .fetch(row -> uuid(row.value1())));
    }

    @Override
    public Optional<CompletedMigration> lastCompleteMigrationOnTable(String mysqlTable) {
        return call("find the last complete migration on table " + mysqlTable, () -> sql
                .select(M.MIGRATION_UUID, M.STRATEGY)
                .from(M)
                .where(ownTarget()
                        .and(M.MIGRATION_STATUS.eq(COMPLETE))
                        .and(M.KEYSPACE.eq(target.keyspace()))
                        .and(M.MYSQL_TABLE.eq(mysqlTable)))
                .orderBy(M.COMPLETED_TIMESTAMP.desc())
                .limit(1)
                .fetchOptional(row -> new CompletedMigration(uuid(row.value1()), row.value2())));
    }

    /** {@inheritDoc} An empty context matches nothing: Vitess only asks when there is one. */
    @Override
    public Optional<CompletedMigration> completeMigrationByContextAndStatement(
            MigrationContext context, String migrationStatement) {
        if (context.isEmpty()) {
            return Optional.empty();
        }
        return call("find a complete migration of context " + context, () -> sql
                .select(M.MIGRATION_UUID, M.STRATEGY)
                .from(M)
                .where(ownTarget()
                        .and(M.MIGRATION_STATUS.eq(COMPLETE))
                        .and(M.KEYSPACE.eq(target.keyspace()))
                        .and(M.MIGRATION_CONTEXT.eq(context.value()))
                        .and(M.MIGRATION_STATEMENT.eq(migrationStatement)))
                .limit(1)
                .fetchOptional(row -> new CompletedMigration(uuid(row.value1()), row.value2())));
    }

    @Override
    public List<UncollectedArtifacts> uncollectedArtifacts(Duration defaultRetention) {
        long defaultSeconds = defaultRetention.toSeconds();
        // A row's own retention wins; 0 means the default; -1 gives "now + 1s", i.e. right away.
        Condition retentionPassed = DSL.condition(
                "{0} <= if({1} = 0, now() - interval {2} second, now() - interval {1} second)",
                M.COMPLETED_TIMESTAMP, M.RETAIN_ARTIFACTS_SECONDS, DSL.val(defaultSeconds));
        return call("list migrations whose artifacts are due for collection", () -> sql
                .select(M.MIGRATION_UUID, M.ARTIFACTS, M.LOG_PATH)
                .from(M)
                .where(ownTarget()
                        .and(M.MIGRATION_STATUS.in(COMPLETE, FAILED))
                        .and(M.CLEANUP_TIMESTAMP.isNull())
                        .and(retentionPassed))
                .orderBy(M.ID)
                .fetch(row -> new UncollectedArtifacts(uuid(row.value1()), row.value2(), row.value3())));
    }

    // ------------------------------------------------------------------------------ status

    @Override
    public void updateStatus(MigrationUuid uuid, MigrationStatus status) {
        set("set status " + status.wireName(), uuid, M.MIGRATION_STATUS, status.wireName());
    }

    @Override
    public void updateStatusFailedOrCancelled(MigrationUuid uuid) {
        update("set status failed or cancelled", uuid, () -> sql.update(M)
                .set(M.MIGRATION_STATUS, DSL.when(M.CANCELLED_TIMESTAMP.isNotNull(), CANCELLED).otherwise(FAILED))
                .where(byUuid(uuid))
                .execute());
    }

    @Override
    public void markTimestamp(MigrationUuid uuid, MigrationTimestamp timestamp) {
        TableField<?, LocalDateTime> column = switch (timestamp) {
            case READY -> M.READY_TIMESTAMP;
            case LIVENESS -> M.LIVENESS_TIMESTAMP;
            case COMPLETED -> M.COMPLETED_TIMESTAMP;
            case CANCELLED -> M.CANCELLED_TIMESTAMP;
            case CLEANUP -> M.CLEANUP_TIMESTAMP;
            case REVIEWED -> M.REVIEWED_TIMESTAMP;
        };
        update("set " + column.getName(), uuid, () -> sql.update(M)
                .set(column, NOW_6)
                .where(byUuid(uuid))
                .execute());
    }

    @Override
    public void markStarted(MigrationUuid uuid) {
        update("mark as started", uuid, () -> sql.update(M)
                .set(M.STARTED_TIMESTAMP, DSL.coalesce(M.STARTED_TIMESTAMP, NOW_6))
                .set(M.LIVENESS_TIMESTAMP, DSL.coalesce(M.LIVENESS_TIMESTAMP, NOW_6))
                .where(byUuid(uuid))
                .execute());
    }

    @Override
    public boolean retryMigration(MigrationUuid uuid, String executorId) {
        Objects.requireNonNull(executorId, "executorId");
        return update("retry", uuid, () -> requeue(executorId)
                .where(byUuid(uuid).and(M.MIGRATION_STATUS.in(FAILED, CANCELLED)))
                .execute()) > 0;
    }

    @Override
    public Optional<MigrationUuid> retryTabletFailureMigration(String executorId) {
        Objects.requireNonNull(executorId, "executorId");
        Condition neverRetriedTabletFailure = ownTarget()
                .and(M.MIGRATION_STATUS.eq(FAILED))
                .and(M.TABLET_FAILURE.eq(TRUE))
                .and(M.RETRIES.eq(UInteger.valueOf(0)));
        // Vitess re-queues with one UPDATE ... LIMIT 1, which cannot say which row it took. Here
        // the oldest candidate is found first (Vitess has no ORDER BY; the oldest makes "one per
        // call" deterministic) and re-queued by UUID under the same condition: if a user retried it
        // in between, the UPDATE matches nothing and the next call takes the next candidate.
        Optional<MigrationUuid> oldest = call("find a migration that failed with its executor", () -> sql
                .select(M.MIGRATION_UUID)
                .from(M)
                .where(neverRetriedTabletFailure)
                .orderBy(M.ID)
                .limit(1)
                .fetchOptional(row -> uuid(row.value1())));
        return oldest.filter(uuid -> update("retry after its executor failed", uuid, () -> requeue(executorId)
                .where(byUuid(uuid).and(neverRetriedTabletFailure))
                .execute()) > 0);
    }

    /**
     * The SET list of Vitess's {@code sqlRetryMigration}: exactly these columns are reset;
     * reviewed_timestamp, artifacts, ready_to_complete and is_immediate_operation are kept.
     */
    private UpdateSetMoreStep<SchemaMigrationsRecord> requeue(String executorId) {
        return sql.update(M)
                .set(M.MIGRATION_STATUS, QUEUED)
                .set(M.TABLET, executorId)
                .set(M.RETRIES, M.RETRIES.plus(1))
                .set(M.TABLET_FAILURE, FALSE)
                .set(M.MESSAGE, "")
                .set(M.STAGE, "")
                .set(M.CUTOVER_ATTEMPTS, UInteger.valueOf(0))
                .setNull(M.READY_TIMESTAMP)
                .setNull(M.STARTED_TIMESTAMP)
                .setNull(M.LIVENESS_TIMESTAMP)
                .setNull(M.CANCELLED_TIMESTAMP)
                .setNull(M.COMPLETED_TIMESTAMP)
                .setNull(M.CLEANUP_TIMESTAMP);
    }

    @Override
    public int fixCompletedTimestampOfFailedMigrations() {
        return call("stamp completed_timestamp on failed migrations", () -> sql.update(M)
                .set(M.COMPLETED_TIMESTAMP, NOW_6)
                .where(ownTarget()
                        .and(M.MIGRATION_STATUS.eq(FAILED))
                        .and(M.CLEANUP_TIMESTAMP.isNull())
                        .and(M.COMPLETED_TIMESTAMP.isNull()))
                .execute());
    }

    // ------------------------------------------------------------------------------ progress

    // Progress, ETA and rows copied of a probe are written only while the migration runs (Vitess
    // updates by UUID alone): a probe taken before the engine reported the end must not
    // leave a complete migration below 100%. See MigrationStore.

    @Override
    public void updateProgress(MigrationUuid uuid, double progress) {
        // 0 (or less, or NaN) is "no information": progress only grows, keep what we have.
        if (!(progress > 0)) {
            return;
        }
        setWhileRunning("set progress", uuid, M.PROGRESS, progress);
    }

    @Override
    public void updateProgressByRowsCopied(MigrationUuid uuid, long rowsCopied) {
        Field<?> progress = DSL.field("case when {0} = 0 then 100 else least(100, 100 * {1} / {0}) end",
                M.TABLE_ROWS, DSL.val(rowsCopied));
        update("set progress from rows copied", uuid, () -> sql.update(M)
                .set(M.PROGRESS, progress.coerce(M.PROGRESS.getDataType()))
                .where(byUuidWhileRunning(uuid))
                .execute());
    }

    @Override
    public void updateEtaSeconds(MigrationUuid uuid, long etaSeconds) {
        setWhileRunning("set ETA", uuid, M.ETA_SECONDS, etaSeconds);
    }

    @Override
    public void updateEtaSecondsByProgress(MigrationUuid uuid) {
        // A migration without a start time counts as started just now (Vitess's NULL would
        // make the NOT NULL column reject the update).
        Field<Long> eta = DSL.field(
                "case when {0} = 0 then -1 when {1} = 0 then 0 else greatest(0, {2} * ((100 / {0}) - 1)) end",
                SQLDataType.BIGINT,
                M.PROGRESS, M.TABLE_ROWS, DSL.coalesce(secondsSince(M.STARTED_TIMESTAMP), DSL.inline(0L)));
        update("set ETA from progress", uuid, () -> sql.update(M)
                .set(M.ETA_SECONDS, eta)
                .where(byUuidWhileRunning(uuid))
                .execute());
    }

    @Override
    public void updateRowsCopied(MigrationUuid uuid, long rowsCopied) {
        // 0 or less is "no information", as in Vitess.
        if (rowsCopied <= 0) {
            return;
        }
        setWhileRunning("set rows copied", uuid, M.ROWS_COPIED, ULong.valueOf(rowsCopied));
    }

    @Override
    public void updateReportedProgress(MigrationUuid uuid, double progress, long etaSeconds, long rowsCopied) {
        // One statement, so that a reader never sees the report's ETA with the old progress.
        // "No information" keeps the column's value (assigned to itself).
        Field<Double> newProgress = progress > 0 ? DSL.val(progress, M.PROGRESS) : M.PROGRESS;
        Field<ULong> newRowsCopied = rowsCopied > 0 ? DSL.val(ULong.valueOf(rowsCopied), M.ROWS_COPIED) : M.ROWS_COPIED;
        update("set reported progress", uuid, () -> sql.update(M)
                .set(M.PROGRESS, newProgress)
                .set(M.ETA_SECONDS, etaSeconds)
                .set(M.ROWS_COPIED, newRowsCopied)
                .where(byUuid(uuid))
                .execute());
    }

    @Override
    public void updateTableRows(MigrationUuid uuid, long tableRows) {
        set("set table rows", uuid, M.TABLE_ROWS, tableRows);
    }

    @Override
    public void updateLivenessIndicator(MigrationUuid uuid, long livenessIndicator) {
        set("set liveness indicator", uuid, M.VITESS_LIVENESS_INDICATOR, livenessIndicator);
    }

    @Override
    public void updateStage(MigrationUuid uuid, String stage) {
        set("set stage", uuid, M.STAGE, Objects.requireNonNullElse(stage, ""));
    }

    /**
     * {@inheritDoc} As in Vitess, if the message cannot be written a fixed one is written
     * instead, so that the row at least tells something went wrong.
     */
    @Override
    public void updateMessage(MigrationUuid uuid, String message) {
        String storable = MigrationMessage.truncate(message);
        try {
            set("set message", uuid, M.MESSAGE, storable);
        } catch (MigrationStoreException original) {
            try {
                set("set message", uuid, M.MESSAGE, MigrationMessage.UPDATE_FAILED_FALLBACK);
            } catch (MigrationStoreException fallbackFailed) {
                original.addSuppressed(fallbackFailed);
                throw original;
            }
        }
    }

    @Override
    public void incrementCutoverAttempts(MigrationUuid uuid) {
        update("count a cut-over attempt", uuid, () -> sql.update(M)
                .set(M.CUTOVER_ATTEMPTS, M.CUTOVER_ATTEMPTS.plus(1))
                .where(byUuid(uuid))
                .execute());
    }

    @Override
    public void updateReadyToComplete(MigrationUuid uuid, boolean readyToComplete) {
        set("set ready_to_complete", uuid, M.READY_TO_COMPLETE, flag(readyToComplete));
    }

    @Override
    public void updateStowawayTable(MigrationUuid uuid, String stowawayTable) {
        set("set stowaway table", uuid, M.STOWAWAY_TABLE, Objects.requireNonNullElse(stowawayTable, ""));
    }

    @Override
    public void updateUserThrottleRatio(MigrationUuid uuid, double ratio) {
        set("set throttle ratio", uuid, M.USER_THROTTLE_RATIO, ratio);
    }

    @Override
    public void updateLastThrottled(MigrationUuid uuid, Instant lastThrottled, String component) {
        Field<LocalDateTime> throttledAt = DSL.field("from_unixtime({0})", SQLDataType.LOCALDATETIME,
                DSL.val(lastThrottled.getEpochSecond()));
        update("set last throttled", uuid, () -> sql.update(M)
                .set(M.LAST_THROTTLED_TIMESTAMP, throttledAt)
                .set(M.COMPONENT_THROTTLED, Objects.requireNonNullElse(component, ""))
                .where(byUuid(uuid))
                .execute());
    }

    // ------------------------------------------------------------------------------ what it is

    @Override
    public void updateDdlAction(MigrationUuid uuid, DdlAction ddlAction) {
        set("set DDL action", uuid, M.DDL_ACTION, wireName(ddlAction));
    }

    @Override
    public void updateMysqlTable(MigrationUuid uuid, String mysqlTable) {
        set("set table", uuid, M.MYSQL_TABLE, Objects.requireNonNull(mysqlTable, "mysqlTable"));
    }

    @Override
    public void updateIsView(MigrationUuid uuid, boolean view) {
        set("set is_view", uuid, M.IS_VIEW, flag(view));
    }

    @Override
    public void markImmediateOperation(MigrationUuid uuid) {
        set("mark as immediate operation", uuid, M.IS_IMMEDIATE_OPERATION, TRUE);
    }

    @Override
    public void updateSpecialPlan(MigrationUuid uuid, String specialPlanJson) {
        set("set special plan", uuid, M.SPECIAL_PLAN, Objects.requireNonNullElse(specialPlanJson, ""));
    }

    @Override
    public void updateSchemaAnalysis(MigrationUuid uuid, SchemaAnalysis analysis) {
        update("set schema analysis", uuid, () -> sql.update(M)
                .set(M.ADDED_UNIQUE_KEYS, UInteger.valueOf(analysis.addedUniqueKeys()))
                .set(M.REMOVED_UNIQUE_KEYS, UInteger.valueOf(analysis.removedUniqueKeys()))
                .set(M.REMOVED_UNIQUE_KEY_NAMES, analysis.removedUniqueKeyNames())
                .set(M.DROPPED_NO_DEFAULT_COLUMN_NAMES, analysis.droppedNoDefaultColumnNames())
                .set(M.EXPANDED_COLUMN_NAMES, analysis.expandedColumnNames())
                .set(M.REVERTIBLE_NOTES, analysis.revertibleNotes())
                .where(byUuid(uuid))
                .execute());
    }

    // ------------------------------------------------------------------------------ ownership, controls

    @Override
    public void updateExecutor(MigrationUuid uuid, String executorId) {
        set("set executor", uuid, M.TABLET, Objects.requireNonNull(executorId, "executorId"));
    }

    @Override
    public void markTabletFailure(MigrationUuid uuid) {
        set("mark executor failure", uuid, M.TABLET_FAILURE, TRUE);
    }

    @Override
    public boolean clearPostponeCompletion(MigrationUuid uuid) {
        // Only rows that were postponed match, so the count says whether anything changed.
        return update("complete (clear postpone_completion)", uuid, () -> sql.update(M)
                .set(M.POSTPONE_COMPLETION, FALSE)
                .where(byUuid(uuid).and(M.POSTPONE_COMPLETION.ne(FALSE)))
                .execute()) > 0;
    }

    @Override
    public boolean clearPostponeLaunch(MigrationUuid uuid) {
        return update("launch (clear postpone_launch)", uuid, () -> sql.update(M)
                .set(M.POSTPONE_LAUNCH, FALSE)
                .where(byUuid(uuid).and(M.POSTPONE_LAUNCH.ne(FALSE)))
                .execute()) > 0;
    }

    @Override
    public void markReadyForCleanup(MigrationUuid uuid) {
        set("mark ready for cleanup", uuid, M.RETAIN_ARTIFACTS_SECONDS, -1L);
    }

    // ------------------------------------------------------------------------------ artifacts, logs

    @Override
    public void addArtifact(MigrationUuid uuid, String artifactTable) {
        Objects.requireNonNull(artifactTable, "artifactTable");
        update("add artifact " + artifactTable, uuid, () -> sql.update(M)
                .set(M.ARTIFACTS, DSL.concat(DSL.val(artifactTable), DSL.inline(","), M.ARTIFACTS))
                .setNull(M.CLEANUP_TIMESTAMP)
                .where(byUuid(uuid))
                .execute());
    }

    @Override
    public void clearArtifacts(MigrationUuid uuid) {
        set("clear artifacts", uuid, M.ARTIFACTS, "");
    }

    @Override
    public void updateLogPath(MigrationUuid uuid, String logPath, String logFile) {
        update("set log path", uuid, () -> sql.update(M)
                .set(M.LOG_PATH, Objects.requireNonNull(logPath, "logPath"))
                .set(M.LOG_FILE, Objects.requireNonNull(logFile, "logFile"))
                .where(byUuid(uuid))
                .execute());
    }

    // ------------------------------------------------------------------------------ helpers

    private Condition ownTarget() {
        return M.MYSQL_SCHEMA.eq(target.mysqlSchema());
    }

    private Condition byUuid(MigrationUuid uuid) {
        return M.MIGRATION_UUID.eq(uuid.value()).and(ownTarget());
    }

    private <T> void set(String what, MigrationUuid uuid, TableField<?, T> column, T value) {
        update(what, uuid, () -> sql.update(M).set(column, value).where(byUuid(uuid)).execute());
    }

    private Condition byUuidWhileRunning(MigrationUuid uuid) {
        return byUuid(uuid).and(M.MIGRATION_STATUS.eq(RUNNING));
    }

    private <T> void setWhileRunning(String what, MigrationUuid uuid, TableField<?, T> column, T value) {
        update(what, uuid, () -> sql.update(M).set(column, value).where(byUuidWhileRunning(uuid)).execute());
    }

    private int update(String what, MigrationUuid uuid, Supplier<Integer> statement) {
        return call(what + " of migration " + uuid, statement);
    }

    /** Runs one statement; a database failure becomes a {@link MigrationStoreException} saying what failed and why. */
    private <T> T call(String what, Supplier<T> statement) {
        try {
            return statement.get();
        } catch (DataAccessException e) {
            throw new MigrationStoreException("cannot " + what + " in control schema " + controlSchema.name()
                    + " (target database " + target.mysqlSchema() + "): " + explain(e), e);
        }
    }

    private static String explain(DataAccessException e) {
        SQLException cause = e.getCause(SQLException.class);
        if (cause == null) {
            return e.getMessage();
        }
        String serverSays = cause.getMessage();
        int code = cause.getErrorCode();
        String state = Objects.requireNonNullElse(cause.getSQLState(), "");
        // ER_OPTION_PREVENTS_STATEMENT is what --read-only and --super-read-only answer
        if (code == MysqlErrorNumbers.ER_OPTION_PREVENTS_STATEMENT || code == MysqlErrorNumbers.ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION) {
            return "the server is read-only (" + serverSays + "); run onlineddl against the primary";
        }
        if (state.startsWith("08") || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException) {
            return "the connection to the server failed or was lost (" + serverSays
                    + "); check that the server is up and reachable, then retry";
        }
        if (code == MysqlErrorNumbers.ER_NO_SUCH_TABLE || code == MysqlErrorNumbers.ER_BAD_DB_ERROR) {
            return serverSays + "; create the control schema first (ControlSchema.migrate)";
        }
        if (code == MysqlErrorNumbers.ER_TABLEACCESS_DENIED_ERROR || code == MysqlErrorNumbers.ER_DBACCESS_DENIED_ERROR
                || code == MysqlErrorNumbers.ER_ACCESS_DENIED_ERROR) {
            return serverSays + "; grant the onlineddl user SELECT, INSERT and UPDATE on the control schema";
        }
        return serverSays;
    }

    private static int errorCode(DataAccessException e) {
        SQLException cause = e.getCause(SQLException.class);
        return cause == null ? 0 : cause.getErrorCode();
    }

    private void requireOwnTarget(Migration migration) {
        if (!migration.mysqlSchema().isEmpty() && !migration.mysqlSchema().equals(target.mysqlSchema())) {
            throw new IllegalArgumentException("migration " + migration.uuid() + " is for database "
                    + migration.mysqlSchema() + " but this store records migrations of " + target.mysqlSchema());
        }
    }

    // ------------------------------------------------------------------------------ row mapping

    /** Whole seconds from {@code timestamp} to the server's now; NULL when the timestamp is. */
    private static Field<Long> secondsSince(Field<LocalDateTime> timestamp) {
        return DSL.field("timestampdiff(second, {0}, now())", SQLDataType.BIGINT, timestamp);
    }

    private static Field<BigDecimal> epochSeconds(TableField<?, LocalDateTime> timestamp) {
        return DSL.field("unix_timestamp({0})", SQLDataType.DECIMAL(20, 6), timestamp).as(timestamp.getName());
    }

    private static List<SelectField<?>> fullRow() {
        List<SelectField<?>> fields = new ArrayList<>();
        for (Field<?> column : M.fields()) {
            if (column.getDataType().isTemporal()) {
                @SuppressWarnings("unchecked")
                TableField<?, LocalDateTime> timestamp = (TableField<?, LocalDateTime>) column;
                fields.add(epochSeconds(timestamp));
            } else {
                fields.add(column);
            }
        }
        return List.copyOf(fields);
    }

    private static Migration toMigration(Record row) {
        return Migration.builder(uuid(row.get(M.MIGRATION_UUID)))
                .id(row.get(M.ID).longValue())
                .keyspace(row.get(M.KEYSPACE))
                .shard(row.get(M.SHARD))
                .mysqlSchema(row.get(M.MYSQL_SCHEMA))
                .mysqlTable(row.get(M.MYSQL_TABLE))
                .migrationStatement(row.get(M.MIGRATION_STATEMENT))
                .strategy(row.get(M.STRATEGY))
                .options(row.get(M.OPTIONS))
                .addedTimestamp(instant(row, M.ADDED_TIMESTAMP))
                .requestedTimestamp(instant(row, M.REQUESTED_TIMESTAMP))
                .readyTimestamp(instant(row, M.READY_TIMESTAMP))
                .startedTimestamp(instant(row, M.STARTED_TIMESTAMP))
                .livenessTimestamp(instant(row, M.LIVENESS_TIMESTAMP))
                .completedTimestamp(instant(row, M.COMPLETED_TIMESTAMP))
                .cleanupTimestamp(instant(row, M.CLEANUP_TIMESTAMP))
                .status(MigrationStatus.fromWireName(row.get(M.MIGRATION_STATUS)))
                .logPath(row.get(M.LOG_PATH))
                .artifacts(row.get(M.ARTIFACTS))
                .retries(row.get(M.RETRIES).intValue())
                .tablet(row.get(M.TABLET))
                .tabletFailure(isSet(row.get(M.TABLET_FAILURE)))
                .progress(row.get(M.PROGRESS))
                .context(MigrationContext.of(row.get(M.MIGRATION_CONTEXT)))
                .ddlAction(ddlAction(row.get(M.DDL_ACTION)))
                .message(row.get(M.MESSAGE))
                .etaSeconds(row.get(M.ETA_SECONDS))
                .rowsCopied(row.get(M.ROWS_COPIED).longValue())
                .tableRows(row.get(M.TABLE_ROWS))
                .addedUniqueKeys(row.get(M.ADDED_UNIQUE_KEYS).intValue())
                .removedUniqueKeys(row.get(M.REMOVED_UNIQUE_KEYS).intValue())
                .logFile(row.get(M.LOG_FILE))
                .retainArtifactsSeconds(row.get(M.RETAIN_ARTIFACTS_SECONDS))
                .postponeCompletion(isSet(row.get(M.POSTPONE_COMPLETION)))
                .removedUniqueKeyNames(row.get(M.REMOVED_UNIQUE_KEY_NAMES))
                .droppedNoDefaultColumnNames(row.get(M.DROPPED_NO_DEFAULT_COLUMN_NAMES))
                .expandedColumnNames(row.get(M.EXPANDED_COLUMN_NAMES))
                .revertibleNotes(row.get(M.REVERTIBLE_NOTES))
                .allowConcurrent(isSet(row.get(M.ALLOW_CONCURRENT)))
                .revertedUuid(row.get(M.REVERTED_UUID))
                .view(isSet(row.get(M.IS_VIEW)))
                .readyToComplete(isSet(row.get(M.READY_TO_COMPLETE)))
                .stowawayTable(row.get(M.STOWAWAY_TABLE))
                .livenessIndicator(row.get(M.VITESS_LIVENESS_INDICATOR))
                .userThrottleRatio(row.get(M.USER_THROTTLE_RATIO))
                .specialPlan(row.get(M.SPECIAL_PLAN))
                .lastThrottledTimestamp(instant(row, M.LAST_THROTTLED_TIMESTAMP))
                .componentThrottled(row.get(M.COMPONENT_THROTTLED))
                .cancelledTimestamp(instant(row, M.CANCELLED_TIMESTAMP))
                .postponeLaunch(isSet(row.get(M.POSTPONE_LAUNCH)))
                .stage(row.get(M.STAGE))
                .cutoverAttempts(row.get(M.CUTOVER_ATTEMPTS).intValue())
                .immediateOperation(isSet(row.get(M.IS_IMMEDIATE_OPERATION)))
                .reviewedTimestamp(instant(row, M.REVIEWED_TIMESTAMP))
                .build();
    }

    private static Instant instant(Record row, TableField<?, LocalDateTime> timestamp) {
        BigDecimal epochSeconds = row.get(timestamp.getName(), BigDecimal.class);
        if (epochSeconds == null) {
            return null;
        }
        long seconds = epochSeconds.longValue();
        long nanos = epochSeconds.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static MigrationUuid uuid(String value) {
        return new MigrationUuid(value);
    }

    private static DdlAction ddlAction(String value) {
        return value == null || value.isEmpty() ? null : DdlAction.fromWireName(value);
    }

    private static String wireName(DdlAction action) {
        return action == null ? "" : action.wireName();
    }

    private static UByte flag(boolean value) {
        return value ? TRUE : FALSE;
    }

    private static boolean isSet(UByte value) {
        return value != null && value.intValue() != 0;
    }
}
