package dev.onlineddl.service;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.DdlStatement;
import dev.onlineddl.domain.ddl.DdlStatementKind;
import dev.onlineddl.domain.ddl.InstantDdlCapabilities;
import dev.onlineddl.domain.ddl.RewrittenCreateTable;
import dev.onlineddl.domain.ddl.SpecialAlterPlan;
import dev.onlineddl.domain.ddl.SpecialPlanOptions;
import dev.onlineddl.domain.naming.GcState;
import dev.onlineddl.domain.naming.GcTableName;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.domain.rules.RevertCandidate;
import dev.onlineddl.domain.rules.RevertPlan;
import dev.onlineddl.domain.rules.RevertRules;
import dev.onlineddl.domain.rules.RevertedRow;
import dev.onlineddl.domain.rules.RuleViolation;
import dev.onlineddl.domain.server.ServerCapabilities;
import dev.onlineddl.domain.server.ServerCapability;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.port.out.CompletedMigration;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.port.out.DdlExecution.AcceptableError;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.DdlOutcome;
import dev.onlineddl.port.out.DiffHints;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationStoreException;
import dev.onlineddl.port.out.SchemaDiffException;
import dev.onlineddl.port.out.SchemaDiffer;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyEngine;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one migration the scheduler picked (Vitess {@code executeMigration} and the handlers it
 * dispatches to). CREATE, DROP, views, special ALTER plans and the REVERTs of CREATE, DROP and
 * ALTER VIEW run here, in the core, whatever the strategy; an ALTER TABLE and the REVERT of one
 * go to a strategy engine, which runs it asynchronously.
 *
 * <p>What the core runs itself takes a second at most, so it runs on the calling (tick) thread
 * and the migration has ended when {@link #execute} returns. Any failure fails the migration with
 * a message saying what failed; only a store failure propagates, since then nothing can be recorded.
 */
final class MigrationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final MigrationLifecycle lifecycle;
    private final MigrationStore store;
    private final SchemaInspector inspector;
    private final DdlExecutor ddlExecutor;
    private final DdlAnalyzer analyzer;
    private final Clock clock;
    private final RandomGenerator random;
    private final ExecutorCounters.Live counters;
    private final Optional<SchemaDiffer> differ;

    /**
     * @param differ turns a declarative CREATE of an existing table or view into the statement that
     *               reaches it; without one, such a migration fails saying the differ is missing
     */
    MigrationRunner(MigrationLifecycle lifecycle, SchemaInspector inspector, DdlExecutor ddlExecutor,
            DdlAnalyzer analyzer, Clock clock, RandomGenerator random, ExecutorCounters.Live counters,
            Optional<SchemaDiffer> differ) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.store = lifecycle.store();
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.ddlExecutor = Objects.requireNonNull(ddlExecutor, "ddlExecutor");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.differ = Objects.requireNonNull(differ, "differ");
    }

    /** Executes a ready migration. */
    void execute(Migration migration) {
        MigrationUuid uuid = migration.uuid();
        counters.started();
        LOG.debug("executing migration {} ({} {} on {}, strategy {})", uuid,
                migration.ddlAction() == null ? "" : migration.ddlAction().wireName(),
                migration.view() ? "view" : "table", migration.mysqlTable(), migration.strategy());
        try {
            Optional<StrategySetting> setting = lifecycle.strategies().settingOf(migration);
            if (setting.isEmpty()) {
                lifecycle.fail(uuid, notInstalledMessage(migration.strategy(), migration));
                return;
            }
            if (completedAsDuplicate(migration)) {
                return;
            }
            DdlStatement statement = analyzer.describe(migration.migrationStatement());
            if (setting.get().isDeclarative() && !proceedDeclaratively(migration, statement, setting.get())) {
                return;
            }
            if (migration.isRevert()) {
                executeRevert(migration, setting.get());
            } else if (migration.ddlAction() == DdlAction.DROP) {
                executeDrop(migration, statement, setting.get());
            } else if (migration.ddlAction() == DdlAction.CREATE) {
                executeCreate(migration, statement, setting.get());
            } else if (migration.ddlAction() == DdlAction.ALTER) {
                executeAlter(migration, statement, setting.get());
            } else {
                lifecycle.fail(uuid, "unsupported online DDL action '" + migration.ddlAction() + "' of migration " + uuid
                        + ": expected create, alter, drop or revert");
            }
        } catch (MigrationStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            lifecycle.fail(uuid, messageOf(e));
        } finally {
            lifecycle.trigger().triggerSoon();
        }
    }

    // ------------------------------------------------------------------ duplicates, declarative

    /**
     * The same statement in the same (non-empty) context already completed: this one is complete
     * too, without running (Vitess {@code getCompletedMigrationByContextAndSQL}).
     */
    private boolean completedAsDuplicate(Migration migration) {
        if (migration.context().isEmpty()) {
            return false;
        }
        Optional<CompletedMigration> completed =
                store.completeMigrationByContextAndStatement(migration.context(), migration.migrationStatement());
        if (completed.isEmpty() || completed.get().uuid().equals(migration.uuid())) {
            return false;
        }
        reportComplete(migration.uuid());
        store.updateMessage(migration.uuid(), "duplicate DDL as " + completed.get().uuid() + " for migration context "
                + migration.context());
        return true;
    }

    /**
     * {@code --declarative}: CREATE and DROP describe the wanted state. Returns whether the
     * migration goes on to run as a plain CREATE or DROP; false when it has been dealt with here
     * (refused, complete as "no change", or run as the ALTER a CREATE of an existing object became).
     */
    private boolean proceedDeclaratively(Migration migration, DdlStatement statement, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        if (migration.isRevert()) {
            return true;
        }
        String schema = lifecycle.targetSchema();
        switch (statement.action()) {
            case ALTER -> {
                lifecycle.fail(uuid, "strategy is declarative. ALTER cannot run in declarative mode for migration " + uuid);
                return false;
            }
            case DROP -> {
                if (statement.ifExists()) {
                    lifecycle.fail(uuid, "strategy is declarative. IF EXISTS does not work in declarative mode for migration "
                            + uuid);
                    return false;
                }
                if (inspector.tableOrViewExists(schema, migration.mysqlTable())) {
                    return true;
                }
                reportComplete(uuid);
                store.updateMessage(uuid, "no change");
                return false;
            }
            case CREATE -> {
                if (statement.ifNotExists()) {
                    lifecycle.fail(uuid, "strategy is declarative. IF NOT EXISTS does not work in declarative mode for migration "
                            + uuid);
                    return false;
                }
                if (statement.orReplace()) {
                    lifecycle.fail(uuid, "strategy is declarative. OR REPLACE does not work in declarative mode for migration "
                            + uuid);
                    return false;
                }
                if (!inspector.tableOrViewExists(schema, migration.mysqlTable())) {
                    if (migration.ddlAction() != DdlAction.CREATE) {
                        // an earlier attempt had turned it into an ALTER; the object has gone since
                        store.updateDdlAction(uuid, DdlAction.CREATE);
                    }
                    executeCreate(migration, statement, setting);
                    return false;
                }
                createOrAlterExisting(migration, statement, setting);
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * A declarative CREATE of a table or view that exists (Vitess {@code evaluateDeclarativeDiff}):
     * the same declaration, under a temporary name, shows what the server makes of it; the differ
     * compares that with the live object. No difference completes the migration with
     * "no change"; otherwise it becomes an ALTER (its {@code ddl_action} says so and its message
     * holds the computed statement, as in Vitess) and runs as one right away: a table's ALTER
     * through the migration's strategy engine, a view's through the online view swap.
     *
     * <p>The stored {@code migration_statement} stays the user's CREATE: the computed ALTER only
     * lives in the message and in the {@link MigrationRun} the engine gets. An engine that adopts
     * the migration after a restart works from what it persisted when it started (Vitess, which
     * keeps the ALTER only in memory, has the same limit); a RETRY diffs again from the CREATE.
     */
    private void createOrAlterExisting(Migration migration, DdlStatement statement, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        if (differ.isEmpty()) {
            lifecycle.fail(uuid, "declarative migration " + uuid + ": " + migration.mysqlTable()
                    + " exists, and turning a declarative CREATE into the ALTER that reaches it needs a schema differ,"
                    + " which this executor was assembled without: give the OnlineDdl builder a SchemaDiffer,"
                    + " or submit the ALTER itself, without --declarative");
            return;
        }
        boolean view = statement.kind() == DdlStatementKind.CREATE_VIEW;
        Optional<String> change;
        try {
            change = declarativeDiff(migration, view, setting);
        } catch (SchemaDiffException e) {
            lifecycle.fail(uuid, "declarative migration " + uuid + " cannot tell how " + migration.mysqlTable()
                    + " differs from its CREATE: " + messageOf(e) + ". Submit the ALTER itself, without --declarative");
            return;
        }
        if (change.isEmpty()) {
            reportComplete(uuid);
            store.updateMessage(uuid, "no change");
            return;
        }
        LOG.info("declarative migration {} on {} becomes: {}", uuid, migration.mysqlTable(), change.get());
        store.updateDdlAction(uuid, DdlAction.ALTER);
        store.updateMessage(uuid, change.get());
        if (view) {
            // as Vitess: the user's CREATE VIEW, as CREATE OR REPLACE, swapped in online
            executeAlterViewOnline(migration, migration.migrationStatement(), setting);
        } else {
            executeAlterTable(migration, change.get(), setting);
        }
    }

    /**
     * Creates the declared object under a random HOLD name (a crash between create and drop leaves
     * a table the table GC collects), in the target schema and with the migration's sql_mode, reads
     * both SHOW CREATE texts and drops it again before diffing.
     */
    private Optional<String> declarativeDiff(Migration migration, boolean view, StrategySetting setting) {
        String schema = lifecycle.targetSchema();
        String live = migration.mysqlTable();
        String comparison = newHoldName();
        String createComparison = view
                ? analyzer.viewAsCreateOrReplace(migration.migrationStatement(), comparison)
                : analyzer.rewriteCreateTableForCopy(migration.migrationStatement(), live, comparison, migration.uuid(),
                        setting.isUnsafeAllowForeignKeys()).sql();
        String liveShowCreate;
        String desiredShowCreate;
        run(comparison, createComparison, setting, Set.of());
        try {
            liveShowCreate = showCreate(schema, live, view).orElseThrow(() -> new IllegalStateException(
                    "declarative migration " + migration.uuid() + ": " + live + " disappeared while being compared"));
            desiredShowCreate = showCreate(schema, comparison, view).orElseThrow(() -> new IllegalStateException(
                    "declarative migration " + migration.uuid() + ": the comparison " + (view ? "view " : "table ")
                            + comparison + " is missing right after being created"));
        } finally {
            dropComparison(comparison, view, setting);
        }
        SchemaDiffer schemaDiffer = differ.orElseThrow();
        return view
                ? schemaDiffer.diffView(liveShowCreate, desiredShowCreate, DiffHints.declarative())
                : schemaDiffer.diffTable(liveShowCreate, desiredShowCreate, DiffHints.declarative());
    }

    private Optional<String> showCreate(String schema, String name, boolean view) {
        return view ? inspector.showCreateView(schema, name) : inspector.showCreateTable(schema, name);
    }

    private void dropComparison(String comparison, boolean view, StrategySetting setting) {
        try {
            run(comparison, (view ? "DROP VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + Identifiers.quote(comparison),
                    setting, Set.of());
        } catch (RuntimeException e) {
            // harmless: the name is a HOLD name, so the table GC drops it later
            LOG.warn("could not drop the declarative comparison object {}: {}", comparison, messageOf(e));
        }
    }

    // ------------------------------------------------------------------ DROP

    /**
     * DROP becomes a RENAME to the migration's HOLD table, so the data stays recoverable (and a
     * REVERT can bring it back) until the retention ends. A table that already is a GC table is
     * dropped for real. With IF EXISTS a missing table is no error and leaves no artifact.
     */
    private void executeDrop(Migration migration, DdlStatement statement, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        String table = migration.mysqlTable();
        if (GcTableName.isGcTableName(table)) {
            reportRunning(uuid);
            run(table, migration.migrationStatement(), setting, Set.of());
            reportComplete(uuid);
            return;
        }
        GcTableName held = GcTableName.heldAfterDrop(uuid, clock.instant(), lifecycle.config().artifactRetention());
        store.addArtifact(uuid, held.name());
        Set<AcceptableError> tolerated = statement.ifExists()
                ? Set.of(AcceptableError.MISSING_TABLE)
                : Set.of();
        reportRunning(uuid);
        DdlOutcome outcome = run(table, held.renameStatement(table), setting, tolerated);
        if (outcome instanceof DdlOutcome.Tolerated) {
            // the table did not exist after all: nothing was renamed, so nothing to keep or revert
            store.clearArtifacts(uuid);
        }
        reportComplete(uuid);
    }

    // ------------------------------------------------------------------ CREATE

    /**
     * CREATE runs as submitted. A sentry artifact name (no table of that name is created) records
     * that this migration created the object, which a REVERT reads; a CREATE ... IF NOT EXISTS of
     * an existing object records none, so that its REVERT drops nothing. A CREATE OR REPLACE VIEW
     * of an existing view is an ALTER VIEW.
     */
    private void executeCreate(Migration migration, DdlStatement statement, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        String schema = lifecycle.targetSchema();
        String table = migration.mysqlTable();
        if (statement.kind() == DdlStatementKind.CREATE_VIEW && statement.orReplace()
                && inspector.tableOrViewExists(schema, table)) {
            executeAlterViewOnline(migration, migration.migrationStatement(), setting);
            return;
        }
        store.addArtifact(uuid, newHoldName());
        if (statement.ifNotExists() && inspector.tableOrViewExists(schema, table)) {
            store.clearArtifacts(uuid);
        }
        reportRunning(uuid);
        run(table, migration.migrationStatement(), setting, Set.of());
        reportComplete(uuid);
    }

    // ------------------------------------------------------------------ ALTER

    private void executeAlter(Migration migration, DdlStatement statement, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        String table = migration.mysqlTable();
        if (statement.kind() == DdlStatementKind.ALTER_VIEW) {
            if (!inspector.tableOrViewExists(lifecycle.targetSchema(), table)) {
                // the server's own error says best what is wrong
                reportRunning(uuid);
                run(table, migration.migrationStatement(), setting, Set.of());
                reportComplete(uuid);
                return;
            }
            executeAlterViewOnline(migration, migration.migrationStatement(), setting);
            return;
        }
        executeAlterTable(migration, migration.migrationStatement(), setting);
    }

    /** An ALTER TABLE, as submitted or as a declarative CREATE became: a special plan, or the strategy's engine. */
    private void executeAlterTable(Migration migration, String alterSql, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        Optional<SpecialAlterPlan> specialPlan = specialPlanOf(migration, alterSql, setting);
        if (specialPlan.isPresent()) {
            executeSpecialPlan(migration, alterSql, specialPlan.get(), setting);
            return;
        }
        Optional<StrategyEngine> engine = lifecycle.strategies().engine(migration.strategy());
        if (engine.isEmpty()) {
            lifecycle.fail(uuid, notInstalledMessage(migration.strategy(), migration));
            return;
        }
        startOnEngine(migration, engine.get(), migration.strategy(), alterSql, engine.get()::start);
    }

    /**
     * ALTER VIEW (and CREATE OR REPLACE of an existing view): the new definition is created as an
     * artifact view, then swapped in with one RENAME, so the old definition stays as the artifact
     * for a REVERT.
     */
    private void executeAlterViewOnline(Migration migration, String viewSql, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        String view = migration.mysqlTable();
        String artifactView = newHoldName();
        String createArtifact = analyzer.viewAsCreateOrReplace(viewSql, artifactView);
        reportRunning(uuid);
        run(artifactView, createArtifact, setting, Set.of());
        store.clearArtifacts(uuid);
        store.addArtifact(uuid, artifactView);
        run(view, swapStatement(view, artifactView), setting, Set.of());
        store.updateDdlAction(uuid, DdlAction.ALTER);
        reportComplete(uuid);
    }

    /**
     * The special plan an ALTER TABLE qualifies for with its strategy flags on this server
     * (instant DDL, range partition rotation), if any. Review asks too, to tell immediate
     * operations apart.
     */
    Optional<SpecialAlterPlan> specialPlanOf(Migration migration, StrategySetting setting) {
        return specialPlanOf(migration, migration.migrationStatement(), setting);
    }

    private Optional<SpecialAlterPlan> specialPlanOf(Migration migration, String alterSql, StrategySetting setting) {
        if (!setting.isFastRangeRotation() && !setting.isPreferInstantDdl()) {
            return Optional.empty();
        }
        Optional<String> showCreateTable = inspector.showCreateTable(lifecycle.targetSchema(), migration.mysqlTable());
        if (showCreateTable.isEmpty()) {
            return Optional.empty();
        }
        SpecialPlanOptions options = new SpecialPlanOptions(setting.isFastRangeRotation(), setting.isPreferInstantDdl(),
                instantCapabilities(inspector.capabilities()));
        return analyzer.analyzeSpecialAlterPlan(alterSql, showCreateTable.get(), options);
    }

    private static InstantDdlCapabilities instantCapabilities(ServerCapabilities server) {
        return new InstantDdlCapabilities(
                server.supports(ServerCapability.INSTANT_DDL),
                server.supports(ServerCapability.INSTANT_ADD_LAST_COLUMN),
                server.supports(ServerCapability.INSTANT_ADD_DROP_COLUMN),
                server.supports(ServerCapability.INSTANT_ADD_DROP_VIRTUAL_COLUMN),
                server.supports(ServerCapability.INSTANT_CHANGE_COLUMN_DEFAULT),
                server.supports(ServerCapability.INSTANT_EXPAND_ENUM));
    }

    private void executeSpecialPlan(Migration migration, String alterSql, SpecialAlterPlan plan, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        String table = migration.mysqlTable();
        reportRunning(uuid);
        plan.match(
                instant -> run(table, instant.instantAlterSql(), setting, Set.of()),
                add -> run(table, alterSql, setting, Set.of()),
                drop -> {
                    dropRangePartition(migration, drop, setting);
                    return null;
                });
        store.updateSpecialPlan(uuid, plan.toJson());
        reportComplete(uuid);
    }

    /**
     * The partition's rows move into an artifact table (a copy of the table without
     * partitioning, swapped with the partition), then the empty partition is dropped: the rows
     * stay around for the retention period instead of vanishing with the partition.
     */
    private void dropRangePartition(Migration migration, SpecialAlterPlan.DropRangePartition drop, StrategySetting setting) {
        String schema = lifecycle.targetSchema();
        String table = migration.mysqlTable();
        String artifact = newHoldName();
        store.addArtifact(migration.uuid(), artifact);
        String showCreateTable = inspector.showCreateTable(schema, table).orElseThrow(() -> new IllegalStateException(
                "table " + table + " disappeared while dropping its partition " + drop.partitionName()));
        RewrittenCreateTable copy = analyzer.rewriteCreateTableForCopy(showCreateTable, table, artifact, migration.uuid(),
                setting.isUnsafeAllowForeignKeys());
        run(artifact, copy.sql(), setting, Set.of());
        run(artifact, "ALTER TABLE " + Identifiers.quote(artifact) + " REMOVE PARTITIONING", setting, Set.of());
        run(table, "ALTER TABLE " + Identifiers.quote(table) + " EXCHANGE PARTITION " + Identifiers.quote(drop.partitionName())
                + " WITH TABLE " + Identifiers.quote(artifact), setting, Set.of());
        run(table, "ALTER TABLE " + Identifiers.quote(table) + " DROP PARTITION " + Identifiers.quote(drop.partitionName()),
                setting, Set.of());
    }

    // ------------------------------------------------------------------ REVERT

    /**
     * A REVERT undoes the last migration completed on its table: a CREATE by renaming the table
     * away into the HOLD name its sentry reserved, a DROP by renaming the held table back, an
     * ALTER VIEW by swapping the previous definition back in; the REVERT of an ALTER TABLE goes to
     * the reverted migration's engine, if its strategy can revert.
     */
    private void executeRevert(Migration migration, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        Optional<Migration> found = lifecycle.revertedMigration(migration);
        if (found.isEmpty()) {
            lifecycle.fail(uuid, "cannot run a revert migration " + uuid + ": migration not found: " + migration.revertedUuid()
                    + ". Only a migration of this target database can be reverted");
            return;
        }
        Migration reverted = found.get();
        RevertCandidate candidate = RevertCandidate.of(reverted,
                lifecycle.strategies().capabilitiesOrMinimal(reverted.strategy()));
        Optional<RuleViolation> violation = RevertRules.validateRevertible(candidate, uuid, lifecycle.config().target().keyspace(),
                store.pendingMigrations(), store.lastCompleteMigrationOnTable(reverted.mysqlTable()).map(CompletedMigration::uuid));
        if (violation.isPresent()) {
            lifecycle.fail(uuid, violation.get().message());
            return;
        }
        RevertPlan plan = RevertRules.planExecution(uuid, RevertedRow.of(reverted));
        plan.match(
                noop -> {
                    reportComplete(uuid);
                    return null;
                },
                rename -> {
                    store.addArtifact(uuid, rename.artifact());
                    reportRunning(uuid);
                    run(rename.to(), "RENAME TABLE " + Identifiers.quote(rename.from()) + " TO "
                            + Identifiers.quote(rename.to()), setting, Set.of());
                    reportComplete(uuid);
                    return null;
                },
                swap -> {
                    store.addArtifact(uuid, swap.artifact());
                    reportRunning(uuid);
                    run(swap.view(), swapStatement(swap.view(), swap.artifact()), setting, Set.of());
                    reportComplete(uuid);
                    return null;
                },
                alterTable -> {
                    revertAlterTable(migration, reverted);
                    return null;
                },
                fail -> {
                    lifecycle.fail(uuid, fail.message());
                    return null;
                });
    }

    /** The REVERT of an ALTER TABLE: the reverted migration's engine replays it backwards. */
    private void revertAlterTable(Migration migration, Migration reverted) {
        MigrationUuid uuid = migration.uuid();
        if (!reverted.specialPlan().isEmpty()) {
            // instant DDL and partition rotation ran without an engine: no engine has anything to revert from
            lifecycle.fail(uuid, "can not revert migration " + reverted.uuid() + " with migration " + uuid
                    + ": it ran as the special plan " + reverted.specialPlan()
                    + ", which keeps nothing to revert from. Submit the inverse ALTER instead");
            return;
        }
        Optional<StrategyEngine> engine = lifecycle.strategies().engine(reverted.strategy());
        if (engine.isEmpty()) {
            lifecycle.fail(uuid, "cannot revert migration " + reverted.uuid() + " with migration " + uuid + ": its strategy "
                    + reverted.strategy() + " is not installed. Install the plugin that provides " + reverted.strategy()
                    + " and RETRY " + uuid);
            return;
        }
        startOnEngine(migration, engine.get(), reverted.strategy(), migration.migrationStatement(),
                run -> engine.get().startRevert(run, reverted));
    }

    // ------------------------------------------------------------------ interrupted statements

    /**
     * Whether the core runs the migration's statement itself, on the tick thread, whatever its
     * strategy: a CREATE, a DROP or a view's statement (and the REVERTs of those). Such a
     * migration is running only while its tick runs it, so one found running at review was left
     * so by an executor that stopped in the middle.
     */
    static boolean runsInCore(Migration migration) {
        if (migration.view()) {
            return true;
        }
        DdlAction action = migration.ddlAction();
        return action == DdlAction.CREATE || action == DdlAction.DROP
                || (migration.isRevert() && action != DdlAction.ALTER);
    }

    /**
     * A statement the core ran (see {@link #runsInCore}) that an executor left running when it
     * stopped: settled by its effect. The statement's result is there (the created table exists,
     * the dropped table is under its HOLD name, the view is defined as submitted): complete.
     * Otherwise, or where the effect cannot be told (a REVERT), it fails, saying what to check.
     */
    void settleInterrupted(Migration migration, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        Optional<String> effect = migration.isRevert() ? Optional.empty() : effectFound(migration, setting);
        if (effect.isPresent()) {
            LOG.info("migration {} was left running by a stopped executor, and its result is there: {}", uuid, effect.get());
            reportComplete(uuid);
            store.updateMessage(uuid, "the executor stopped while the statement ran; its result is there: " + effect.get());
            return;
        }
        lifecycle.fail(uuid, "the executor stopped while the statement ran; check `" + migration.mysqlTable()
                + "`, then RETRY");
    }

    /** What shows that the statement took effect, if it did. */
    private Optional<String> effectFound(Migration migration, StrategySetting setting) {
        String schema = lifecycle.targetSchema();
        String table = migration.mysqlTable();
        if (migration.view() && migration.ddlAction() != DdlAction.DROP) {
            if (!inspector.tableOrViewExists(schema, table) || differ.isEmpty()) {
                return Optional.empty();
            }
            try {
                return declarativeDiff(migration, true, setting).isEmpty()
                        ? Optional.of("view " + table + " is defined as submitted")
                        : Optional.empty();
            } catch (SchemaDiffException e) {
                LOG.warn("cannot tell whether view {} is defined as migration {} submitted it: {}", table,
                        migration.uuid(), messageOf(e));
                return Optional.empty();
            }
        }
        return switch (migration.ddlAction()) {
            case CREATE -> inspector.tableOrViewExists(schema, table)
                    ? Optional.of(table + " exists")
                    : Optional.empty();
            case DROP -> droppedEffect(migration, schema, table);
            case ALTER, REVERT -> Optional.empty();
        };
    }

    private Optional<String> droppedEffect(Migration migration, String schema, String table) {
        if (inspector.tableOrViewExists(schema, table)) {
            return Optional.empty();
        }
        for (String artifact : migration.artifactList()) {
            if (inspector.tableOrViewExists(schema, artifact)) {
                return Optional.of(table + " is held as " + artifact);
            }
        }
        // a GC table is dropped for real, and DROP ... IF EXISTS of a missing one keeps nothing
        boolean nothingToHold = GcTableName.isGcTableName(table)
                || analyzer.describe(migration.migrationStatement()).ifExists();
        return nothingToHold ? Optional.of(table + " is gone") : Optional.empty();
    }

    // ------------------------------------------------------------------ engines

    /**
     * Hands the migration to an engine: the executor owns it and it is running before the engine
     * starts, so that the next tick neither picks it again nor takes it for someone else's. The
     * engine runs {@code statement}: the stored one, or the ALTER a declarative CREATE became.
     */
    private void startOnEngine(Migration migration, StrategyEngine engine, String engineStrategy, String statement,
            Consumer<MigrationRun> start) {
        MigrationUuid uuid = migration.uuid();
        lifecycle.owned().own(uuid);
        reportRunning(uuid);
        Migration running = store.findMigration(uuid).orElse(migration);
        try {
            MigrationRun stored = lifecycle.runOf(running);
            start.accept(new MigrationRun(stored.migration(), stored.setting(), statement));
            LOG.debug("migration {} started by the {} engine", uuid, engineStrategy);
        } catch (MigrationStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            lifecycle.fail(uuid, "strategy " + engineStrategy + " could not start migration " + uuid + " on table "
                    + migration.mysqlTable() + ": " + messageOf(e));
        }
    }

    // ------------------------------------------------------------------ helpers

    private DdlOutcome run(String table, String sql, StrategySetting setting, Set<AcceptableError> tolerated) {
        return ddlExecutor.execute(new DdlExecution(lifecycle.targetSchema(), table, sql,
                setting.isAllowZeroInDate(), tolerated));
    }

    private void reportRunning(MigrationUuid uuid) {
        lifecycle.reports().report(uuid, StatusReport.running(0, StatusReport.ETA_UNKNOWN, 0));
    }

    private void reportComplete(MigrationUuid uuid) {
        lifecycle.reports().report(uuid, StatusReport.complete(0));
    }

    /**
     * {@code RENAME TABLE a TO x, b TO a, x TO b} with a fresh HOLD name for x: one atomic
     * statement that swaps two tables or views (Vitess {@code generateSwapTablesStatement}).
     */
    private String swapStatement(String first, String second) {
        String swap = newHoldName();
        return "RENAME TABLE " + Identifiers.quote(first) + " TO " + Identifiers.quote(swap) + ", "
                + Identifiers.quote(second) + " TO " + Identifiers.quote(first) + ", "
                + Identifiers.quote(swap) + " TO " + Identifiers.quote(second);
    }

    private String newHoldName() {
        Instant now = clock.instant();
        return GcTableName.random(GcState.HOLD, now, lifecycle.config().artifactRetention(), random).name();
    }

    static String notInstalledMessage(String strategy, Migration migration) {
        return "strategy " + strategy + " is not installed: migration " + migration.uuid() + " on table "
                + migration.mysqlTable() + " cannot run. Install the plugin that provides " + strategy
                + " and RETRY the migration, or cancel it";
    }

    static String messageOf(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
