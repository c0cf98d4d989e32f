package dev.onlineddl.service;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.rules.CancelPlan;
import dev.onlineddl.domain.rules.CancelRules;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.OnlineDdlDisabledException;
import dev.onlineddl.port.out.MigrationNotFoundException;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationTimestamp;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.StrategyEngine;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the tick, the execution paths and the user's commands share: failing and cancelling a
 * migration, finding the engine that runs it, and the lock that keeps them from changing one
 * migration at the same time (Vitess's {@code migrationMutex}).
 */
final class MigrationLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLifecycle.class);

    private final ExecutorConfig config;
    private final MigrationStore store;
    private final InstalledStrategies strategies;
    private final OwnedMigrations owned;
    private final MigrationStatusGateway reports;
    private final TickTrigger trigger;
    private final ReentrantLock migrationLock = new ReentrantLock();
    /** Set once by {@link OnlineDdl#close()}: from then on submissions and commands are refused. */
    private final AtomicBoolean closed = new AtomicBoolean();

    MigrationLifecycle(ExecutorConfig config, MigrationStore store, InstalledStrategies strategies,
            OwnedMigrations owned, MigrationStatusGateway reports, TickTrigger trigger) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.strategies = Objects.requireNonNull(strategies, "strategies");
        this.owned = Objects.requireNonNull(owned, "owned");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
    }

    ExecutorConfig config() {
        return config;
    }

    MigrationStore store() {
        return store;
    }

    InstalledStrategies strategies() {
        return strategies;
    }

    OwnedMigrations owned() {
        return owned;
    }

    MigrationStatusGateway reports() {
        return reports;
    }

    TickTrigger trigger() {
        return trigger;
    }

    ReentrantLock migrationLock() {
        return migrationLock;
    }

    /** Marks the executor closed; returns whether this call closed it (false if it already was). */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /**
     * Refuses a submission or command of a closed executor before it changes anything, as
     * Vitess's {@code isOpen} checks do.
     *
     * @param what what is refused, for the message
     */
    void requireOpen(String what) {
        if (closed.get()) {
            throw new OnlineDdlDisabledException(what, config.executorId() + " (" + config.target() + ")");
        }
    }

    /** The row, or {@link MigrationNotFoundException} (the user's error) for a UUID this target does not have. */
    Migration requireMigration(MigrationUuid uuid) {
        Objects.requireNonNull(uuid, "uuid");
        return store.readMigration(uuid);
    }

    /**
     * Ends a migration as failed, or as cancelled if a user cancelled it (Vitess {@code failMigration}),
     * with the message saying why. A migration that already ended is left as it is.
     */
    void fail(MigrationUuid uuid, String message) {
        reports.failPending(uuid, message);
    }

    /**
     * Vitess's {@code CancelMigration}: a queued or ready migration ends at once; a running one
     * is terminated through its engine first. A user's cancel ends it {@code cancelled}; the
     * executor's own ({@code issuedByUser} false: stale, unrecoverable error) ends it {@code failed}.
     *
     * @return 0 for a migration that already ended (a success that changes nothing)
     */
    CommandResult cancel(MigrationUuid uuid, String message, boolean issuedByUser) {
        migrationLock.lock();
        try {
            Migration migration = requireMigration(uuid);
            CancelPlan plan = CancelRules.planCancel(migration.status(), issuedByUser);
            return plan.match(
                    notCancellable -> {
                        LOG.info("cancel of migration {} changes nothing: it is {}", uuid, migration.status().wireName());
                        return CommandResult.NONE;
                    },
                    failNow -> {
                        stampCancelled(uuid, failNow.stampCancelledTimestamp());
                        fail(uuid, message);
                        return new CommandResult(failNow.rowsAffected(false));
                    },
                    terminateFirst -> {
                        stampCancelled(uuid, terminateFirst.stampCancelledTimestamp());
                        boolean foundRunning;
                        try {
                            foundRunning = terminate(migration);
                        } finally {
                            fail(uuid, message);
                        }
                        return new CommandResult(terminateFirst.rowsAffected(foundRunning));
                    });
        } finally {
            migrationLock.unlock();
        }
    }

    /** A user's cancel stamps the row first: the failure that follows then ends it cancelled. */
    private void stampCancelled(MigrationUuid uuid, boolean stamp) {
        if (stamp) {
            store.markTimestamp(uuid, MigrationTimestamp.CANCELLED);
        }
    }

    /**
     * Stops the migration's engine (Vitess {@code terminateMigration}). Whatever happens, this
     * executor no longer owns it.
     *
     * @return whether the engine found it running
     */
    boolean terminate(Migration migration) {
        try {
            Optional<StrategyEngine> engine = engineFor(migration);
            if (engine.isEmpty()) {
                LOG.warn("migration {} has strategy {}, which is not installed: nothing to terminate",
                        migration.uuid(), migration.strategy());
                return false;
            }
            return engine.get().terminate(runOf(migration));
        } finally {
            owned.disown(migration.uuid());
        }
    }

    /**
     * The engine that runs the migration: its strategy's, except for a REVERT of an ALTER TABLE,
     * which the reverted migration's engine runs whatever strategy the REVERT was submitted with.
     */
    Optional<StrategyEngine> engineFor(Migration migration) {
        return strategies.engine(engineStrategyOf(migration));
    }

    /** The strategy whose engine runs the migration (see {@link #engineFor}). */
    String engineStrategyOf(Migration migration) {
        if (isRevertOfTableAlter(migration)) {
            Optional<Migration> reverted = revertedMigration(migration);
            if (reverted.isPresent()) {
                return reverted.get().strategy();
            }
        }
        return migration.strategy();
    }

    static boolean isRevertOfTableAlter(Migration migration) {
        return migration.isRevert() && migration.ddlAction() == DdlAction.ALTER && !migration.view();
    }

    Optional<Migration> revertedMigration(Migration revert) {
        if (revert.revertedUuid().isEmpty() || !MigrationUuid.isValid(revert.revertedUuid())) {
            return Optional.empty();
        }
        return store.findMigration(MigrationUuid.parse(revert.revertedUuid()));
    }

    /** The migration as an engine sees it: the row, its parsed strategy, its statement. */
    MigrationRun runOf(Migration migration) {
        StrategySetting setting = strategies.settingOf(migration).orElseGet(() ->
                // a strategy nobody provides any more: the engine still needs something to print
                new StrategySetting(migration.strategy(), "", strategies.capabilitiesOrMinimal(migration.strategy())));
        return new MigrationRun(migration, setting, migration.migrationStatement());
    }

    String targetSchema() {
        return config.target().mysqlSchema();
    }
}
