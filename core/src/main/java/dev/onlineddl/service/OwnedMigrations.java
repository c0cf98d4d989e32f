package dev.onlineddl.service;

import dev.onlineddl.domain.MigrationUuid;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running migrations this executor drives (Vitess's {@code ownedRunningMigrations}): what the
 * conflict rules and the concurrency limit count. Rows in the store say {@code running}; only the
 * executor knows which of them its engines actually run.
 */
final class OwnedMigrations {

    private final Set<MigrationUuid> uuids = ConcurrentHashMap.newKeySet();

    void own(MigrationUuid uuid) {
        uuids.add(uuid);
    }

    void disown(MigrationUuid uuid) {
        uuids.remove(uuid);
    }

    boolean owns(MigrationUuid uuid) {
        return uuids.contains(uuid);
    }

    /** A copy, safe to iterate while engines report. */
    Set<MigrationUuid> snapshot() {
        return Set.copyOf(uuids);
    }

    void clear() {
        uuids.clear();
    }
}
