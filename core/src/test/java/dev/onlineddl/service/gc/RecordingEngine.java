package dev.onlineddl.service.gc;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An engine as artifact collection sees it: it records whose leftovers it was asked to collect,
 * and fails for the migrations it is told to. Running migrations is not its business here.
 */
final class RecordingEngine implements StrategyEngine {

    final List<MigrationUuid> collected = new ArrayList<>();
    private final Set<MigrationUuid> failFor = new HashSet<>();

    void failFor(MigrationUuid uuid) {
        failFor.add(uuid);
    }

    void recover() {
        failFor.clear();
    }

    @Override
    public void collectArtifacts(Migration migration) {
        if (failFor.contains(migration.uuid())) {
            throw new StrategyException("the stream of migration " + migration.uuid() + " could not be deleted");
        }
        collected.add(migration.uuid());
    }

    @Override
    public void start(MigrationRun run) {
        throw new AssertionError("artifact collection never starts a migration");
    }

    @Override
    public Probe probe(MigrationRun run) {
        throw new AssertionError("artifact collection never probes a migration");
    }

    @Override
    public void complete(MigrationRun run) {
        throw new AssertionError("artifact collection never completes a migration");
    }

    @Override
    public boolean terminate(MigrationRun run) {
        throw new AssertionError("artifact collection never terminates a migration");
    }
}
