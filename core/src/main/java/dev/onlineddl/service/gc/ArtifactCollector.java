package dev.onlineddl.service.gc;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.GcTableName;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationTimestamp;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.UncollectedArtifacts;
import dev.onlineddl.spi.StrategyEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the artifacts of finished migrations once their retention has passed (Vitess
 * {@code gcArtifacts}). Per migration due (complete or failed, not cleaned up yet, completed at
 * least its {@code retain_artifacts_seconds} ago; 0 there means the default retention, -1 "now",
 * as CLEANUP sets it):
 * <ol>
 *   <li>each of its artifact tables that still exists is renamed to a PURGE name carrying the
 *       migration's UUID, {@code _vt_PURGE_<gc uuid>_<now + i seconds>} for the i-th artifact, so
 *       that {@link TableGarbageCollector} purges and drops it;</li>
 *   <li>its strategy's engine removes what else it kept ({@link StrategyEngine#collectArtifacts}:
 *       streams, hooks);</li>
 *   <li>its work directory {@code <work root>/<uuid>} and the log directory of its
 *       {@code log_path} are removed; the latter only when it lies below the work root, since a
 *       path read from the database must never make us delete elsewhere;</li>
 *   <li>cleanup_timestamp is stamped, which ends its collection.</li>
 * </ol>
 * Before that, failed migrations lacking completed_timestamp get one (Vitess
 * {@code sqlFixCompletedTimestamp}), or their retention could never pass.
 *
 * <p>The executor's tick calls {@link #collect()} as its last step but one, followed by
 * {@link TableGarbageCollector#collect()}:
 * <pre>{@code
 *     artifactCollector.collect();
 *     tableGarbageCollector.collect();
 * }</pre>
 *
 * <p>Not for concurrent use: one tick thread calls it.
 */
public final class ArtifactCollector {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactCollector.class);

    private final MigrationStore store;
    private final SchemaInspector inspector;
    private final DdlExecutor ddlExecutor;
    private final Function<Migration, Optional<StrategyEngine>> engineOf;
    private final Clock clock;
    private final Duration defaultRetention;
    private final WorkDirectories workDirectories;

    /**
     * @param engineOf         the engine that ran a migration, if its strategy is installed (the
     *                         executor's choice, e.g. a REVERT of an ALTER belongs to the engine
     *                         of the migration it reverts)
     * @param clock            gives the times in the PURGE names
     * @param defaultRetention how long artifacts of a migration with retain_artifacts_seconds 0 are kept
     * @param workRoot         the executor's work directory, under which engines get one per migration
     */
    public ArtifactCollector(MigrationStore store, SchemaInspector inspector, DdlExecutor ddlExecutor,
            Function<Migration, Optional<StrategyEngine>> engineOf, Clock clock, Duration defaultRetention, Path workRoot) {
        this.store = Objects.requireNonNull(store, "store");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.ddlExecutor = Objects.requireNonNull(ddlExecutor, "ddlExecutor");
        this.engineOf = Objects.requireNonNull(engineOf, "engineOf");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultRetention = Objects.requireNonNull(defaultRetention, "defaultRetention");
        this.workDirectories = new WorkDirectories(workRoot);
    }

    /**
     * One pass. A failure on one migration is logged with its UUID and leaves it for the next
     * pass; the other migrations are collected all the same.
     *
     * @throws dev.onlineddl.port.out.MigrationStoreException when the fix-up or the listing of due
     *         migrations fails: then there is nothing to go through
     */
    public ArtifactCollection collect() {
        int fixed = store.fixCompletedTimestampOfFailedMigrations();
        if (fixed > 0) {
            LOG.info("stamped completed_timestamp on {} failed migrations that lacked it", fixed);
        }
        Map<MigrationUuid, List<String>> collected = new LinkedHashMap<>();
        List<MigrationUuid> failed = new ArrayList<>();
        for (UncollectedArtifacts due : store.uncollectedArtifacts(defaultRetention)) {
            try {
                collected.put(due.uuid(), collect(due));
            } catch (RuntimeException e) {
                failed.add(due.uuid());
                LOG.warn("collecting the artifacts of migration {} failed; the next pass tries again: {}",
                        due.uuid(), e.getMessage());
            }
        }
        return new ArtifactCollection(fixed, collected, failed);
    }

    private List<String> collect(UncollectedArtifacts due) {
        MigrationUuid uuid = due.uuid();
        LOG.info("collecting the artifacts of migration {}", uuid);
        List<String> purgeNames = renameArtifactsToPurge(uuid, Identifiers.splitDelimitedList(due.artifacts()));
        store.findMigration(uuid).ifPresent(this::collectEngineArtifacts);
        removeDirectories(uuid, due.logPath());
        store.markTimestamp(uuid, MigrationTimestamp.CLEANUP);
        LOG.info("collected the artifacts of migration {}", uuid);
        return purgeNames;
    }

    private List<String> renameArtifactsToPurge(MigrationUuid uuid, List<String> artifacts) {
        String schema = store.target().mysqlSchema();
        // All artifacts get the migration's UUID; the seconds added per index keep their names apart.
        Instant now = clock.instant();
        List<String> purgeNames = new ArrayList<>();
        for (int index = 0; index < artifacts.size(); index++) {
            String artifact = artifacts.get(index);
            if (!inspector.tableOrViewExists(schema, artifact)) {
                continue; // gone already: a DROP of it, a revert that reused it, an earlier partial pass
            }
            GcTableName purged = GcTableName.purgedArtifact(uuid, now, index);
            ddlExecutor.execute(DdlExecution.of(schema, artifact, purged.renameStatement(artifact)));
            purgeNames.add(purged.name());
            LOG.info("artifact {}.{} of migration {} renamed to {}", schema, artifact, uuid, purged.name());
        }
        return purgeNames;
    }

    private void collectEngineArtifacts(Migration migration) {
        Optional<StrategyEngine> engine = engineOf.apply(migration);
        if (engine.isEmpty()) {
            LOG.debug("no engine of strategy {} is installed to collect what migration {} left besides tables",
                    migration.strategy(), migration.uuid());
            return;
        }
        engine.get().collectArtifacts(migration);
    }

    private void removeDirectories(MigrationUuid uuid, String logPath) {
        removeTree(workDirectories.ofMigration(uuid), uuid);
        Optional<String> logDirectory = WorkDirectories.directoryOfLogPath(logPath);
        if (logDirectory.isEmpty()) {
            return;
        }
        Optional<Path> removable = workDirectories.belowRoot(logDirectory.get());
        if (removable.isPresent()) {
            removeTree(removable.get(), uuid);
        } else {
            LOG.warn("the log directory {} of migration {} is not below the work directory {}: it is left in place;"
                    + " remove it by hand if it is no longer needed", logDirectory.get(), uuid, workDirectories.root());
        }
    }

    private void removeTree(Path directory, MigrationUuid uuid) {
        try {
            workDirectories.removeTree(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + directory + " of migration " + uuid
                    + ": " + e.getMessage() + "; check the executor's permissions on its work directory", e);
        }
    }
}
