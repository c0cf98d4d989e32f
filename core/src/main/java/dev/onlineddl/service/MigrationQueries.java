package dev.onlineddl.service;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.MigrationFilter;
import dev.onlineddl.port.in.QueryMigrations;
import dev.onlineddl.port.out.MigrationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** SHOW and LOGS: read-only views of this target's migrations. */
final class MigrationQueries implements QueryMigrations {

    private final MigrationLifecycle lifecycle;
    private final MigrationStore store;
    private final Path workRoot;

    /** @param workRoot where engines keep their per-migration directories; only log files below it are shown */
    MigrationQueries(MigrationLifecycle lifecycle, Path workRoot) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.store = lifecycle.store();
        this.workRoot = Objects.requireNonNull(workRoot, "workRoot").toAbsolutePath().normalize();
    }

    @Override
    public List<Migration> show(MigrationFilter filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter instanceof MigrationFilter.All) {
            return store.allMigrations();
        }
        if (filter instanceof MigrationFilter.Recent recent) {
            if (recent.within() == null || recent.within().isNegative()) {
                throw new InvalidInputException("show recent needs a positive period, not " + recent.within());
            }
            return store.migrationsRequestedWithin(recent.within());
        }
        if (filter instanceof MigrationFilter.ByUuid byUuid) {
            return store.findMigration(byUuid.uuid()).map(List::of).orElse(List.of());
        }
        if (filter instanceof MigrationFilter.ByContext byContext) {
            return store.migrationsInContext(byContext.context());
        }
        MigrationFilter.ByStatus byStatus = (MigrationFilter.ByStatus) filter;
        return store.migrationsWithStatus(byStatus.status());
    }

    @Override
    public Migration migration(MigrationUuid uuid) {
        return lifecycle.requireMigration(uuid);
    }

    @Override
    public Map<MigrationStatus, Long> countByStatus() {
        return store.countByStatus();
    }

    @Override
    public Map<MigrationUuid, Duration> streamLags() {
        return lifecycle.owned().streamLags();
    }

    /**
     * The log file an external tool wrote for the migration; for strategies that keep none, its
     * stored message (what failed, or why it is waiting).
     */
    @Override
    public String logs(MigrationUuid uuid) {
        Migration migration = lifecycle.requireMigration(uuid);
        if (migration.logFile().isEmpty()) {
            return migration.message();
        }
        Path logFile = Path.of(migration.logFile()).toAbsolutePath().normalize();
        try {
            // the path comes from the control schema, which others may write: never read outside our own directory
            if (!logFile.startsWith(workRoot) || !logFile.toRealPath().startsWith(workRoot.toRealPath())) {
                throw new InvalidInputException("the log file " + logFile + " of migration " + uuid
                        + " is not below this executor's work directory " + workRoot + ", so it is not shown;"
                        + " read it on the host that ran the migration (" + migration.logPath() + ")");
            }
            return Files.readString(logFile);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("the log file " + logFile + " of migration " + uuid
                    + " is gone: it is removed with the migration's artifacts, or lives on another host ("
                    + migration.logPath() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log file " + logFile + " of migration " + uuid, e);
        }
    }
}
