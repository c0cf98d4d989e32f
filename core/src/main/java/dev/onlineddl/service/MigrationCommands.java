package dev.onlineddl.service;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.domain.rules.PendingMigration;
import dev.onlineddl.domain.rules.QueuedMigration;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.ControlMigration;
import dev.onlineddl.port.in.ThrottleMigrations;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.Throttler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's commands (Vitess {@code ALTER VITESS_MIGRATION ...}) with Vitess's outcomes: each
 * returns how many migrations it changed, and 0 is a success (cancelling a completed migration,
 * completing one that was not postponed). A UUID this target does not have is the user's error.
 */
final class MigrationCommands implements ControlMigration, ThrottleMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationCommands.class);

    static final String CANCEL_MESSAGE = "cancel by user";
    static final String CANCEL_ALL_MESSAGE = "cancel-all by user";

    private final MigrationLifecycle lifecycle;
    private final MigrationStore store;
    private final Throttler throttler;

    MigrationCommands(MigrationLifecycle lifecycle, Throttler throttler) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.store = lifecycle.store();
        this.throttler = Objects.requireNonNull(throttler, "throttler");
    }

    @Override
    public CommandResult cancel(MigrationUuid uuid) {
        lifecycle.requireOpen("cancel of migration " + uuid);
        return lifecycle.cancel(uuid, CANCEL_MESSAGE, true);
    }

    @Override
    public CommandResult cancelAll() {
        lifecycle.requireOpen("cancel --all");
        int cancelled = 0;
        for (PendingMigration pending : store.pendingMigrations()) {
            cancelled += lifecycle.cancel(pending.uuid(), CANCEL_ALL_MESSAGE, true).migrationsAffected();
        }
        return new CommandResult(cancelled);
    }

    @Override
    public CommandResult retry(MigrationUuid uuid) {
        lifecycle.requireOpen("retry of migration " + uuid);
        return underMigrationLock(() -> {
            Migration before = lifecycle.requireMigration(uuid);
            boolean retried = lifecycle.reports().retry(uuid, lifecycle.config().executorId(), "retried by the user");
            if (!retried) {
                LOG.info("retry of migration {}: it is {}, not failed or cancelled: nothing to do", uuid,
                        before.status().wireName());
            }
            return retried ? CommandResult.ONE : CommandResult.NONE;
        });
    }

    @Override
    public CommandResult cleanup(MigrationUuid uuid) {
        lifecycle.requireOpen("cleanup of migration " + uuid);
        return underMigrationLock(() -> {
            Migration migration = lifecycle.requireMigration(uuid);
            if (migration.retainArtifactsSeconds() == -1) {
                return CommandResult.NONE;
            }
            store.markReadyForCleanup(uuid);
            lifecycle.trigger().triggerSoon();
            LOG.info("migration {}: artifacts collectable now", uuid);
            return CommandResult.ONE;
        });
    }

    @Override
    public CommandResult complete(MigrationUuid uuid) {
        lifecycle.requireOpen("complete of migration " + uuid);
        return underMigrationLock(() -> {
            lifecycle.requireMigration(uuid);
            boolean changed = store.clearPostponeCompletion(uuid);
            lifecycle.trigger().triggerSoon();
            LOG.info("complete of migration {}: {}", uuid, changed ? "completion no longer postponed" : "was not postponed");
            return changed ? CommandResult.ONE : CommandResult.NONE;
        });
    }

    @Override
    public CommandResult completeAll() {
        lifecycle.requireOpen("complete --all");
        return underMigrationLock(() -> {
            int completed = 0;
            for (PendingMigration pending : store.pendingMigrations()) {
                if (store.clearPostponeCompletion(pending.uuid())) {
                    completed++;
                }
            }
            lifecycle.trigger().triggerSoon();
            return new CommandResult(completed);
        });
    }

    @Override
    public CommandResult launch(MigrationUuid uuid, List<String> shards) {
        lifecycle.requireOpen("launch of migration " + uuid);
        Objects.requireNonNull(shards, "shards");
        return underMigrationLock(() -> {
            lifecycle.requireMigration(uuid);
            if (!matchesShard(shards)) {
                LOG.info("launch of migration {} is for shards {}, not this executor's shard {}", uuid, shards,
                        lifecycle.config().target().shard());
                return CommandResult.NONE;
            }
            boolean changed = store.clearPostponeLaunch(uuid);
            lifecycle.trigger().triggerSoon();
            return changed ? CommandResult.ONE : CommandResult.NONE;
        });
    }

    /** Launches every reviewed queued migration, as Vitess does (a queued one not yet reviewed is not seen). */
    @Override
    public CommandResult launchAll() {
        lifecycle.requireOpen("launch --all");
        return underMigrationLock(() -> {
            int launched = 0;
            for (QueuedMigration queued : store.queuedReviewedMigrations()) {
                if (store.clearPostponeLaunch(queued.uuid())) {
                    launched++;
                }
            }
            lifecycle.trigger().triggerSoon();
            return new CommandResult(launched);
        });
    }

    /**
     * Vitess's {@code matchesShards}: no shard named means all shards; names may also be given
     * as one delimited list ({@code "x, y, 1"}).
     */
    private boolean matchesShard(List<String> shards) {
        List<String> names = new ArrayList<>();
        for (String entry : shards) {
            names.addAll(Identifiers.splitDelimitedList(entry));
        }
        return names.isEmpty() || names.contains(lifecycle.config().target().shard());
    }

    // ------------------------------------------------------------------ throttling

    @Override
    public CommandResult throttle(ThrottleRequest request) {
        lifecycle.requireOpen("throttle");
        Objects.requireNonNull(request, "request");
        requireKnownTarget(request.target());
        throttler.throttle(request);
        LOG.info("throttled {} for {} with ratio {}", request.appName(), request.expireText(), request.ratio());
        return CommandResult.NONE;
    }

    @Override
    public CommandResult unthrottle(ThrottleTarget target) {
        lifecycle.requireOpen("unthrottle");
        Objects.requireNonNull(target, "target");
        requireKnownTarget(target);
        throttler.unthrottle(target);
        lifecycle.trigger().triggerSoon();
        LOG.info("unthrottled {}", target.appName());
        return CommandResult.NONE;
    }

    @Override
    public List<Throttler.ThrottledApp> throttledApps() {
        return throttler.throttledApps();
    }

    private void requireKnownTarget(ThrottleTarget target) {
        if (target instanceof ThrottleTarget.OneMigration one) {
            lifecycle.requireMigration(one.uuid());
        }
    }

    private <T> T underMigrationLock(java.util.function.Supplier<T> command) {
        ReentrantLock lock = lifecycle.migrationLock();
        lock.lock();
        try {
            return command.get();
        } finally {
            lock.unlock();
        }
    }
}
