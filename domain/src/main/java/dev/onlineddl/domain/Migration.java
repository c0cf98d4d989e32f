package dev.onlineddl.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One migration: what a row of {@code schema_migrations} holds. Every column of Vitess's table
 * is here under a Java name (the column name in brackets below). Timestamps are {@code null} where
 * the column is NULL. Build one with {@link #builder(MigrationUuid)} and change copies with
 * {@link #toBuilder()}.
 *
 * @param id submission order per target; every ORDER BY id of the scheduler uses it ({@code id})
 * @param uuid the migration's identity ({@code migration_uuid})
 * @param keyspace logical database name (defaults to the target database's name) ({@code keyspace})
 * @param shard shard name, {@code 0} for a single primary ({@code shard})
 * @param mysqlSchema the database the migration changes ({@code mysql_schema})
 * @param mysqlTable the table or view; empty for a fresh REVERT until it is reviewed ({@code mysql_table})
 * @param migrationStatement the statement as submitted ({@code migration_statement})
 * @param strategy strategy name: vitess, online, gh-ost, pt-osc, mysql, direct or a plugin's ({@code strategy})
 * @param options strategy flags, verbatim (everything after the strategy name) ({@code options})
 * @param addedTimestamp row insert time ({@code added_timestamp})
 * @param requestedTimestamp submit time ({@code requested_timestamp})
 * @param readyTimestamp when a status report said ready; null if never ({@code ready_timestamp})
 * @param startedTimestamp first time running; null if never ({@code started_timestamp})
 * @param livenessTimestamp last sign of life; drives stale detection ({@code liveness_timestamp})
 * @param completedTimestamp set on complete and on failed ({@code completed_timestamp})
 * @param cleanupTimestamp when the artifacts were collected ({@code cleanup_timestamp})
 * @param status lifecycle status ({@code migration_status})
 * @param logPath {@code host:/dir} of an external tool's logs ({@code log_path})
 * @param artifacts comma-terminated artifact table names, newest first ({@code artifacts})
 * @param retries how often it was retried ({@code retries})
 * @param tablet id of the executor that owns or ran it (Vitess: the tablet alias) ({@code tablet})
 * @param tabletFailure failed because its executor went away: an automatic retry candidate ({@code tablet_failure})
 * @param progress 0..100 ({@code progress})
 * @param context grouping and idempotency context ({@code migration_context})
 * @param ddlAction create, alter, drop or revert; null while unknown ({@code ddl_action})
 * @param message last error or information ({@code message})
 * @param etaSeconds estimated seconds to completion; -1 unknown ({@code eta_seconds})
 * @param rowsCopied rows copied so far ({@code rows_copied})
 * @param tableRows estimated rows of the table ({@code table_rows})
 * @param addedUniqueKeys number of unique keys the ALTER adds ({@code added_unique_keys})
 * @param removedUniqueKeys number of unique keys the ALTER removes ({@code removed_unique_keys})
 * @param logFile full path of the log file ({@code log_file})
 * @param retainArtifactsSeconds artifact retention; -1 collect now; 0 use the executor's default ({@code retain_artifacts_seconds})
 * @param postponeCompletion do not cut over until told to complete ({@code postpone_completion})
 * @param removedUniqueKeyNames comma-joined escaped names ({@code removed_unique_key_names})
 * @param droppedNoDefaultColumnNames comma-joined escaped names ({@code dropped_no_default_column_names})
 * @param expandedColumnNames comma-joined escaped names ({@code expanded_column_names})
 * @param revertibleNotes newline-joined notes on what a revert cannot restore ({@code revertible_notes})
 * @param allowConcurrent may run beside other migrations (computed at submit) ({@code allow_concurrent})
 * @param revertedUuid for a REVERT: the UUID it reverts; empty otherwise ({@code reverted_uuid})
 * @param view the statement affects a view ({@code is_view})
 * @param readyToComplete could cut over now ({@code ready_to_complete})
 * @param stowawayTable table stowed away mid cut-over (legacy journal) ({@code stowaway_table})
 * @param livenessIndicator last seen engine heartbeat (unix seconds) ({@code vitess_liveness_indicator})
 * @param userThrottleRatio throttle ratio applied by the user ({@code user_throttle_ratio})
 * @param specialPlan JSON of a special plan (instant DDL, partition rotation) ({@code special_plan})
 * @param lastThrottledTimestamp last time the engine was throttled ({@code last_throttled_timestamp})
 * @param componentThrottled which engine component was throttled ({@code component_throttled})
 * @param cancelledTimestamp set by a user cancel: decides cancelled over failed ({@code cancelled_timestamp})
 * @param postponeLaunch stay queued until launched ({@code postpone_launch})
 * @param stage human-readable cut-over stage ({@code stage})
 * @param cutoverAttempts cut-over attempts so far ({@code cutover_attempts})
 * @param immediateOperation CREATE, DROP, view or special-plan operation that runs at once ({@code is_immediate_operation})
 * @param reviewedTimestamp when the queued migration was reviewed; null until then ({@code reviewed_timestamp})
 */
public record Migration(
        long id,
        MigrationUuid uuid,
        String keyspace,
        String shard,
        String mysqlSchema,
        String mysqlTable,
        String migrationStatement,
        String strategy,
        String options,
        Instant addedTimestamp,
        Instant requestedTimestamp,
        Instant readyTimestamp,
        Instant startedTimestamp,
        Instant livenessTimestamp,
        Instant completedTimestamp,
        Instant cleanupTimestamp,
        MigrationStatus status,
        String logPath,
        String artifacts,
        int retries,
        String tablet,
        boolean tabletFailure,
        double progress,
        MigrationContext context,
        DdlAction ddlAction,
        String message,
        long etaSeconds,
        long rowsCopied,
        long tableRows,
        int addedUniqueKeys,
        int removedUniqueKeys,
        String logFile,
        long retainArtifactsSeconds,
        boolean postponeCompletion,
        String removedUniqueKeyNames,
        String droppedNoDefaultColumnNames,
        String expandedColumnNames,
        String revertibleNotes,
        boolean allowConcurrent,
        String revertedUuid,
        boolean view,
        boolean readyToComplete,
        String stowawayTable,
        long livenessIndicator,
        double userThrottleRatio,
        String specialPlan,
        Instant lastThrottledTimestamp,
        String componentThrottled,
        Instant cancelledTimestamp,
        boolean postponeLaunch,
        String stage,
        int cutoverAttempts,
        boolean immediateOperation,
        Instant reviewedTimestamp) {

    /** The {@code message} column is TEXT: at most this many bytes are kept (as in Vitess). */
    public static final int MAX_MESSAGE_BYTES = 16383;

    public Migration {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(context, "context");

        keyspace = keyspace == null ? "" : keyspace;
        shard = shard == null ? "" : shard;
        mysqlSchema = mysqlSchema == null ? "" : mysqlSchema;
        mysqlTable = mysqlTable == null ? "" : mysqlTable;
        migrationStatement = migrationStatement == null ? "" : migrationStatement;
        strategy = strategy == null ? "" : strategy;
        options = options == null ? "" : options;
        logPath = logPath == null ? "" : logPath;
        artifacts = artifacts == null ? "" : artifacts;
        tablet = tablet == null ? "" : tablet;
        message = message == null ? "" : message;
        logFile = logFile == null ? "" : logFile;
        removedUniqueKeyNames = removedUniqueKeyNames == null ? "" : removedUniqueKeyNames;
        droppedNoDefaultColumnNames = droppedNoDefaultColumnNames == null ? "" : droppedNoDefaultColumnNames;
        expandedColumnNames = expandedColumnNames == null ? "" : expandedColumnNames;
        revertibleNotes = revertibleNotes == null ? "" : revertibleNotes;
        revertedUuid = revertedUuid == null ? "" : revertedUuid;
        stowawayTable = stowawayTable == null ? "" : stowawayTable;
        specialPlan = specialPlan == null ? "" : specialPlan;
        componentThrottled = componentThrottled == null ? "" : componentThrottled;
        stage = stage == null ? "" : stage;
    }

    public static Builder builder(MigrationUuid uuid) {
        return new Builder(uuid);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Artifact table names, newest first (the column is comma-terminated: {@code "a,b,"}). */
    public List<String> artifactList() {
        List<String> names = new ArrayList<>();
        for (String name : artifacts.split(",")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                names.add(trimmed);
            }
        }
        return List.copyOf(names);
    }

    public boolean isRevert() {
        return ddlAction == DdlAction.REVERT || !revertedUuid.isEmpty();
    }

    /** A mutable builder; every field starts at the column's default. */
    public static final class Builder {

        private long id = 0;
        private MigrationUuid uuid;
        private String keyspace = "";
        private String shard = "";
        private String mysqlSchema = "";
        private String mysqlTable = "";
        private String migrationStatement = "";
        private String strategy = "";
        private String options = "";
        private Instant addedTimestamp;
        private Instant requestedTimestamp;
        private Instant readyTimestamp;
        private Instant startedTimestamp;
        private Instant livenessTimestamp;
        private Instant completedTimestamp;
        private Instant cleanupTimestamp;
        private MigrationStatus status = MigrationStatus.QUEUED;
        private String logPath = "";
        private String artifacts = "";
        private int retries = 0;
        private String tablet = "";
        private boolean tabletFailure = false;
        private double progress = 0;
        private MigrationContext context = MigrationContext.NONE;
        private DdlAction ddlAction;
        private String message = "";
        private long etaSeconds = -1;
        private long rowsCopied = 0;
        private long tableRows = 0;
        private int addedUniqueKeys = 0;
        private int removedUniqueKeys = 0;
        private String logFile = "";
        private long retainArtifactsSeconds = 0;
        private boolean postponeCompletion = false;
        private String removedUniqueKeyNames = "";
        private String droppedNoDefaultColumnNames = "";
        private String expandedColumnNames = "";
        private String revertibleNotes = "";
        private boolean allowConcurrent = false;
        private String revertedUuid = "";
        private boolean view = false;
        private boolean readyToComplete = false;
        private String stowawayTable = "";
        private long livenessIndicator = 0;
        private double userThrottleRatio = 0;
        private String specialPlan = "";
        private Instant lastThrottledTimestamp;
        private String componentThrottled = "";
        private Instant cancelledTimestamp;
        private boolean postponeLaunch = false;
        private String stage = "";
        private int cutoverAttempts = 0;
        private boolean immediateOperation = false;
        private Instant reviewedTimestamp;

        private Builder(MigrationUuid uuid) {
            this.uuid = Objects.requireNonNull(uuid, "uuid");
        }

        private Builder(Migration m) {
            this.id = m.id;
            this.uuid = m.uuid;
            this.keyspace = m.keyspace;
            this.shard = m.shard;
            this.mysqlSchema = m.mysqlSchema;
            this.mysqlTable = m.mysqlTable;
            this.migrationStatement = m.migrationStatement;
            this.strategy = m.strategy;
            this.options = m.options;
            this.addedTimestamp = m.addedTimestamp;
            this.requestedTimestamp = m.requestedTimestamp;
            this.readyTimestamp = m.readyTimestamp;
            this.startedTimestamp = m.startedTimestamp;
            this.livenessTimestamp = m.livenessTimestamp;
            this.completedTimestamp = m.completedTimestamp;
            this.cleanupTimestamp = m.cleanupTimestamp;
            this.status = m.status;
            this.logPath = m.logPath;
            this.artifacts = m.artifacts;
            this.retries = m.retries;
            this.tablet = m.tablet;
            this.tabletFailure = m.tabletFailure;
            this.progress = m.progress;
            this.context = m.context;
            this.ddlAction = m.ddlAction;
            this.message = m.message;
            this.etaSeconds = m.etaSeconds;
            this.rowsCopied = m.rowsCopied;
            this.tableRows = m.tableRows;
            this.addedUniqueKeys = m.addedUniqueKeys;
            this.removedUniqueKeys = m.removedUniqueKeys;
            this.logFile = m.logFile;
            this.retainArtifactsSeconds = m.retainArtifactsSeconds;
            this.postponeCompletion = m.postponeCompletion;
            this.removedUniqueKeyNames = m.removedUniqueKeyNames;
            this.droppedNoDefaultColumnNames = m.droppedNoDefaultColumnNames;
            this.expandedColumnNames = m.expandedColumnNames;
            this.revertibleNotes = m.revertibleNotes;
            this.allowConcurrent = m.allowConcurrent;
            this.revertedUuid = m.revertedUuid;
            this.view = m.view;
            this.readyToComplete = m.readyToComplete;
            this.stowawayTable = m.stowawayTable;
            this.livenessIndicator = m.livenessIndicator;
            this.userThrottleRatio = m.userThrottleRatio;
            this.specialPlan = m.specialPlan;
            this.lastThrottledTimestamp = m.lastThrottledTimestamp;
            this.componentThrottled = m.componentThrottled;
            this.cancelledTimestamp = m.cancelledTimestamp;
            this.postponeLaunch = m.postponeLaunch;
            this.stage = m.stage;
            this.cutoverAttempts = m.cutoverAttempts;
            this.immediateOperation = m.immediateOperation;
            this.reviewedTimestamp = m.reviewedTimestamp;
        }

        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder uuid(MigrationUuid uuid) {
            this.uuid = uuid;
            return this;
        }

        public Builder keyspace(String keyspace) {
            this.keyspace = keyspace;
            return this;
        }

        public Builder shard(String shard) {
            this.shard = shard;
            return this;
        }

        public Builder mysqlSchema(String mysqlSchema) {
            this.mysqlSchema = mysqlSchema;
            return this;
        }

        public Builder mysqlTable(String mysqlTable) {
            this.mysqlTable = mysqlTable;
            return this;
        }

        public Builder migrationStatement(String migrationStatement) {
            this.migrationStatement = migrationStatement;
            return this;
        }

        public Builder strategy(String strategy) {
            this.strategy = strategy;
            return this;
        }

        public Builder options(String options) {
            this.options = options;
            return this;
        }

        public Builder addedTimestamp(Instant addedTimestamp) {
            this.addedTimestamp = addedTimestamp;
            return this;
        }

        public Builder requestedTimestamp(Instant requestedTimestamp) {
            this.requestedTimestamp = requestedTimestamp;
            return this;
        }

        public Builder readyTimestamp(Instant readyTimestamp) {
            this.readyTimestamp = readyTimestamp;
            return this;
        }

        public Builder startedTimestamp(Instant startedTimestamp) {
            this.startedTimestamp = startedTimestamp;
            return this;
        }

        public Builder livenessTimestamp(Instant livenessTimestamp) {
            this.livenessTimestamp = livenessTimestamp;
            return this;
        }

        public Builder completedTimestamp(Instant completedTimestamp) {
            this.completedTimestamp = completedTimestamp;
            return this;
        }

        public Builder cleanupTimestamp(Instant cleanupTimestamp) {
            this.cleanupTimestamp = cleanupTimestamp;
            return this;
        }

        public Builder status(MigrationStatus status) {
            this.status = status;
            return this;
        }

        public Builder logPath(String logPath) {
            this.logPath = logPath;
            return this;
        }

        public Builder artifacts(String artifacts) {
            this.artifacts = artifacts;
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        public Builder tablet(String tablet) {
            this.tablet = tablet;
            return this;
        }

        public Builder tabletFailure(boolean tabletFailure) {
            this.tabletFailure = tabletFailure;
            return this;
        }

        public Builder progress(double progress) {
            this.progress = progress;
            return this;
        }

        public Builder context(MigrationContext context) {
            this.context = context;
            return this;
        }

        public Builder ddlAction(DdlAction ddlAction) {
            this.ddlAction = ddlAction;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder etaSeconds(long etaSeconds) {
            this.etaSeconds = etaSeconds;
            return this;
        }

        public Builder rowsCopied(long rowsCopied) {
            this.rowsCopied = rowsCopied;
            return this;
        }

        public Builder tableRows(long tableRows) {
            this.tableRows = tableRows;
            return this;
        }

        public Builder addedUniqueKeys(int addedUniqueKeys) {
            this.addedUniqueKeys = addedUniqueKeys;
            return this;
        }

        public Builder removedUniqueKeys(int removedUniqueKeys) {
            this.removedUniqueKeys = removedUniqueKeys;
            return this;
        }

        public Builder logFile(String logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder retainArtifactsSeconds(long retainArtifactsSeconds) {
            this.retainArtifactsSeconds = retainArtifactsSeconds;
            return this;
        }

        public Builder postponeCompletion(boolean postponeCompletion) {
            this.postponeCompletion = postponeCompletion;
            return this;
        }

        public Builder removedUniqueKeyNames(String removedUniqueKeyNames) {
            this.removedUniqueKeyNames = removedUniqueKeyNames;
            return this;
        }

        public Builder droppedNoDefaultColumnNames(String droppedNoDefaultColumnNames) {
            this.droppedNoDefaultColumnNames = droppedNoDefaultColumnNames;
            return this;
        }

        public Builder expandedColumnNames(String expandedColumnNames) {
            this.expandedColumnNames = expandedColumnNames;
            return this;
        }

        public Builder revertibleNotes(String revertibleNotes) {
            this.revertibleNotes = revertibleNotes;
            return this;
        }

        public Builder allowConcurrent(boolean allowConcurrent) {
            this.allowConcurrent = allowConcurrent;
            return this;
        }

        public Builder revertedUuid(String revertedUuid) {
            this.revertedUuid = revertedUuid;
            return this;
        }

        public Builder view(boolean view) {
            this.view = view;
            return this;
        }

        public Builder readyToComplete(boolean readyToComplete) {
            this.readyToComplete = readyToComplete;
            return this;
        }

        public Builder stowawayTable(String stowawayTable) {
            this.stowawayTable = stowawayTable;
            return this;
        }

        public Builder livenessIndicator(long livenessIndicator) {
            this.livenessIndicator = livenessIndicator;
            return this;
        }

        public Builder userThrottleRatio(double userThrottleRatio) {
            this.userThrottleRatio = userThrottleRatio;
            return this;
        }

        public Builder specialPlan(String specialPlan) {
            this.specialPlan = specialPlan;
            return this;
        }

        public Builder lastThrottledTimestamp(Instant lastThrottledTimestamp) {
            this.lastThrottledTimestamp = lastThrottledTimestamp;
            return this;
        }

        public Builder componentThrottled(String componentThrottled) {
            this.componentThrottled = componentThrottled;
            return this;
        }

        public Builder cancelledTimestamp(Instant cancelledTimestamp) {
            this.cancelledTimestamp = cancelledTimestamp;
            return this;
        }

        public Builder postponeLaunch(boolean postponeLaunch) {
            this.postponeLaunch = postponeLaunch;
            return this;
        }

        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        public Builder cutoverAttempts(int cutoverAttempts) {
            this.cutoverAttempts = cutoverAttempts;
            return this;
        }

        public Builder immediateOperation(boolean immediateOperation) {
            this.immediateOperation = immediateOperation;
            return this;
        }

        public Builder reviewedTimestamp(Instant reviewedTimestamp) {
            this.reviewedTimestamp = reviewedTimestamp;
            return this;
        }

        public Migration build() {
            return new Migration(id, uuid, keyspace, shard, mysqlSchema, mysqlTable, migrationStatement, strategy, options, addedTimestamp, requestedTimestamp, readyTimestamp, startedTimestamp, livenessTimestamp, completedTimestamp, cleanupTimestamp, status, logPath, artifacts, retries, tablet, tabletFailure, progress, context, ddlAction, message, etaSeconds, rowsCopied, tableRows, addedUniqueKeys, removedUniqueKeys, logFile, retainArtifactsSeconds, postponeCompletion, removedUniqueKeyNames, droppedNoDefaultColumnNames, expandedColumnNames, revertibleNotes, allowConcurrent, revertedUuid, view, readyToComplete, stowawayTable, livenessIndicator, userThrottleRatio, specialPlan, lastThrottledTimestamp, componentThrottled, cancelledTimestamp, postponeLaunch, stage, cutoverAttempts, immediateOperation, reviewedTimestamp);
        }
    }
}
