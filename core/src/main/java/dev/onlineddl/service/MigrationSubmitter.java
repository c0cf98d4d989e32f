package dev.onlineddl.service;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.DdlStatement;
import dev.onlineddl.domain.ddl.DdlStatementKind;
import dev.onlineddl.domain.rules.ConcurrencyRules;
import dev.onlineddl.domain.rules.ExistingMigration;
import dev.onlineddl.domain.rules.PendingMigration;
import dev.onlineddl.domain.rules.PendingMigrationContext;
import dev.onlineddl.domain.rules.SubmissionDecision;
import dev.onlineddl.domain.rules.SubmissionRules;
import dev.onlineddl.domain.rules.SubmittedMigration;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.port.in.MigrationFailedException;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.port.in.SubmissionResult;
import dev.onlineddl.port.in.SubmitMigration;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.SubmissionLock;
import dev.onlineddl.spi.StrategyEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submission (Vitess {@code SubmitMigration}). Everything that can be wrong with the input is
 * checked before anything is stored: the strategy string, the SQL, whether the strategy can run
 * the statements. Then each statement becomes one migration, subject to the idempotency and
 * singleton rules.
 *
 * <p>Singleton checks and inserts run under the target's {@link SubmissionLock}, a lock on the
 * server that every executor of the target takes, so two submissions cannot both pass a singleton
 * check that only one of them should, even when an active daemon and its standby both accept
 * submissions. A JVM lock is taken first, so that one JVM's submissions queue here rather than
 * each holding a pooled connection while it waits for the server's lock.
 */
final class MigrationSubmitter implements SubmitMigration {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationSubmitter.class);

    private final MigrationLifecycle lifecycle;
    private final MigrationStore store;
    private final DdlAnalyzer analyzer;
    private final Clock clock;
    private final RandomGenerator random;
    private final ExecutorCounters.Live counters;
    private final ReentrantLock submissionLock = new ReentrantLock();
    private final SubmissionLock serverLock;

    MigrationSubmitter(MigrationLifecycle lifecycle, DdlAnalyzer analyzer, Clock clock, RandomGenerator random,
            ExecutorCounters.Live counters, SubmissionLock serverLock) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.store = lifecycle.store();
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.serverLock = Objects.requireNonNull(serverLock, "serverLock");
    }

    @Override
    public SubmissionResult submit(SubmissionRequest request) {
        Objects.requireNonNull(request, "request");
        lifecycle.requireOpen("submit");
        StrategyRegistry registry = lifecycle.strategies().registry();
        String strategyText = request.strategy().isBlank() ? BuiltInStrategy.DEFAULT.strategyName() : request.strategy();
        StrategySetting setting = parseStrategy(strategyText, registry);
        List<DdlStatement> statements =
                analyzer.analyzeSubmission(request.sql(), setting.isUnsafeAllowForeignKeys(), request.uuid());
        requireRunnable(setting, statements, registry);
        // As Vitess's vtctl: a submission without a context gets one of its own, shared by its statements.
        MigrationContext context = request.context().isEmpty() ? MigrationContext.generated(random) : request.context();
        List<Migration> migrations = new ArrayList<>();
        for (DdlStatement statement : statements) {
            MigrationUuid uuid = request.uuid().orElseGet(() -> MigrationUuid.generate(clock.instant(), random));
            migrations.add(newMigration(uuid, statement, setting, context));
        }
        if (!setting.capabilities().queued()) {
            return runWhileWaiting(migrations, setting);
        }
        List<MigrationUuid> uuids = new ArrayList<>();
        for (Migration migration : migrations) {
            submitQueued(migration, setting);
            uuids.add(migration.uuid());
        }
        lifecycle.trigger().triggerNow();
        return new SubmissionResult(uuids);
    }

    private static StrategySetting parseStrategy(String strategyText, StrategyRegistry registry) {
        try {
            return StrategySetting.parse(strategyText, registry.knownStrategies());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage() + ". Accepted strategies: "
                    + String.join(", ", registry.acceptedStrategies()));
        }
    }

    /**
     * CREATE, DROP, views and REVERTs run in the core under any strategy, as in Vitess; an ALTER
     * TABLE needs its strategy's engine, and a strategy that runs at submit needs its engine for
     * every statement.
     */
    private static void requireRunnable(StrategySetting setting, List<DdlStatement> statements, StrategyRegistry registry) {
        String strategy = setting.strategy();
        boolean installed = registry.isInstalled(strategy);
        if (!setting.capabilities().queued()) {
            if (!installed) {
                throw notInstalled(strategy, "it runs every statement itself", registry);
            }
            for (DdlStatement statement : statements) {
                if (statement.isRevert()) {
                    throw new InvalidInputException("strategy " + strategy + " runs statements at once and cannot run "
                            + statement.sql() + ": submit the REVERT with a queued strategy, e.g. "
                            + BuiltInStrategy.MYSQL.strategyName() + " or " + BuiltInStrategy.VITESS.strategyName());
                }
            }
            return;
        }
        if (installed) {
            return;
        }
        for (DdlStatement statement : statements) {
            if (statement.kind() == DdlStatementKind.ALTER_TABLE) {
                throw notInstalled(strategy, "ALTER TABLE " + statement.table() + " needs it", registry);
            }
        }
    }

    private static InvalidInputException notInstalled(String strategy, String why, StrategyRegistry registry) {
        String installed = registry.installedStrategies().isEmpty()
                ? "no strategy plugin is installed"
                : "installed: " + String.join(", ", registry.installedStrategies());
        return new InvalidInputException("strategy " + strategy + " is not installed: " + why
                + ". Put the plugin that provides " + strategy + " on the class path, or submit with an installed strategy ("
                + installed + ")");
    }

    private Migration newMigration(MigrationUuid uuid, DdlStatement statement, StrategySetting setting,
            MigrationContext context) {
        ExecutorConfig config = lifecycle.config();
        return Migration.builder(uuid)
                .keyspace(config.target().keyspace())
                .shard(config.target().shard())
                .mysqlSchema(config.target().mysqlSchema())
                .mysqlTable(statement.table())
                .migrationStatement(statement.sql())
                .strategy(setting.strategy())
                .options(setting.options())
                .ddlAction(statement.action())
                .context(context)
                .status(MigrationStatus.QUEUED)
                .tablet(config.executorId())
                .retainArtifactsSeconds(config.retainArtifactsSeconds())
                .postponeLaunch(setting.isPostponeLaunch())
                .postponeCompletion(setting.isPostponeCompletion())
                .allowConcurrent(ConcurrencyRules.allowConcurrentMigration(setting.isAllowConcurrent(), statement.action(),
                        setting.capabilities()))
                .revertedUuid(statement.revertOf().map(MigrationUuid::value).orElse(""))
                .view(statement.isView())
                .build();
    }

    private void submitQueued(Migration migration, StrategySetting setting) {
        submissionLock.lock();
        try {
            serverLock.whileHeld(() -> {
                checkAndInsert(migration, setting);
                return null;
            });
        } finally {
            submissionLock.unlock();
        }
    }

    /** The idempotency and singleton decision and what follows from it; under both submission locks. */
    private void checkAndInsert(Migration migration, StrategySetting setting) {
        MigrationUuid uuid = migration.uuid();
        Optional<Migration> existing = store.findMigration(uuid);
        SubmittedMigration submitted = new SubmittedMigration(uuid, migration.context(), setting.isSingleton(),
                setting.isSingletonContext());
        List<PendingMigrationContext> pending = setting.isSingleton() || setting.isSingletonContext()
                ? pendingContexts()
                : List.of();
        SubmissionDecision decision = SubmissionRules.decide(submitted, existing.map(ExistingMigration::of), pending);
        decision.match(
                insertNew -> {
                    if (!store.insert(migration)) {
                        // UUIDs are unique across the control schema: another target database has this one
                        throw new InvalidInputException("migration " + uuid + " already exists for another target"
                                + " database sharing this control schema: choose another UUID, or omit it to get one generated");
                    }
                    MigrationStatusLog.created(migration, submittedMessage(migration, setting));
                    return null;
                },
                retryExisting -> lifecycle.reports().retry(uuid, lifecycle.config().executorId(), "resubmitted"),
                alreadySubmitted -> {
                    LOG.info("migration {} resubmitted: already {}, nothing to do", uuid,
                            existing.map(row -> row.status().wireName()).orElse("submitted"));
                    return null;
                },
                rejected -> {
                    throw new InvalidInputException(rejected.message());
                });
    }

    /** What was submitted: the action, and the statement where no table is known yet (a REVERT). */
    private static String submittedMessage(Migration migration, StrategySetting setting) {
        String what = migration.mysqlTable().isEmpty() ? " " + migration.migrationStatement() : "";
        String options = setting.options().isEmpty() ? "" : " with options " + setting.options();
        return "submitted " + migration.ddlAction().wireName() + what + options;
    }

    private List<PendingMigrationContext> pendingContexts() {
        List<PendingMigrationContext> contexts = new ArrayList<>();
        for (PendingMigration pending : store.pendingMigrations()) {
            store.findMigration(pending.uuid()).ifPresent(row -> contexts.add(PendingMigrationContext.of(row,
                    lifecycle.strategies().settingOf(row).map(StrategySetting::isSingletonContext).orElse(false))));
        }
        return contexts;
    }

    /**
     * {@code direct}: each statement runs through the strategy's engine before the next, while the
     * caller waits; each is stored with its outcome for the audit trail. The first failure stops
     * the submission.
     */
    private SubmissionResult runWhileWaiting(List<Migration> migrations, StrategySetting setting) {
        StrategyEngine engine = lifecycle.strategies().engine(setting.strategy()).orElseThrow();
        List<MigrationUuid> completed = new ArrayList<>();
        for (Migration queued : migrations) {
            Migration migration = queued.toBuilder().status(MigrationStatus.RUNNING).build();
            MigrationUuid uuid = migration.uuid();
            CompletableFuture<Migration> ended = lifecycle.reports().whenEnded(uuid);
            submissionLock.lock();
            try {
                if (!store.insert(migration)) {
                    lifecycle.reports().stopWaiting(uuid);
                    throw new InvalidInputException("migration " + uuid + " already exists: a " + setting.strategy()
                            + " migration runs once; submit again without the UUID to run the statement again");
                }
            } finally {
                submissionLock.unlock();
            }
            store.markStarted(uuid);
            counters.started();
            MigrationStatusLog.created(migration, "runs now while its submitter waits");
            Migration outcome = awaitDirect(engine, migration, ended);
            if (outcome.status() != MigrationStatus.COMPLETE) {
                throw new MigrationFailedException(uuid, completed, "migration " + uuid + " (" + setting.strategy() + ") on table "
                        + migration.mysqlTable() + " " + outcome.status().wireName() + ": " + outcome.message());
            }
            completed.add(uuid);
        }
        lifecycle.trigger().triggerSoon();
        return new SubmissionResult(completed);
    }

    private Migration awaitDirect(StrategyEngine engine, Migration migration, CompletableFuture<Migration> ended) {
        MigrationUuid uuid = migration.uuid();
        try {
            engine.start(lifecycle.runOf(store.findMigration(uuid).orElse(migration)));
        } catch (RuntimeException e) {
            lifecycle.reports().stopWaiting(uuid);
            lifecycle.fail(uuid, "strategy " + migration.strategy() + " could not start migration " + uuid + ": "
                    + MigrationRunner.messageOf(e));
            return lifecycle.requireMigration(uuid);
        }
        long timeoutMillis = lifecycle.config().directTimeout().toMillis();
        try {
            return ended.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lifecycle.reports().stopWaiting(uuid);
            String message = "migration " + uuid + " did not end within " + lifecycle.config().directTimeout()
                    + "; it was cancelled. Raise the direct timeout for long statements, or use a queued strategy";
            lifecycle.cancel(uuid, message, false);
            return lifecycle.requireMigration(uuid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lifecycle.reports().stopWaiting(uuid);
            throw new IllegalStateException("interrupted while migration " + uuid + " ran; it keeps running and is "
                    + "recorded in schema_migrations", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for migration " + uuid + " failed", e.getCause());
        }
    }
}
