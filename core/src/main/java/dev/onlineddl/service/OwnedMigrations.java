package dev.onlineddl.service;

import dev.onlineddl.domain.MigrationUuid;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The running migrations this executor drives (Vitess's {@code ownedRunningMigrations}): what the
 * conflict rules and the concurrency limit count. Rows in the store say {@code running}; only the
 * executor knows which of them its engines actually run.
 *
 * <p>Each also carries its engine's latest stream lag, if the engine reported one. The lag lives
 * in the same entry as the ownership so that disowning forgets it in the same step: a late report
 * racing the end cannot leave a lag behind for a migration that no longer runs.
 */
final class OwnedMigrations {

    private final Map<MigrationUuid, Optional<Duration>> owned = new ConcurrentHashMap<>();

    void own(MigrationUuid uuid) {
        owned.putIfAbsent(uuid, Optional.empty());
    }

    void disown(MigrationUuid uuid) {
        owned.remove(uuid);
    }

    boolean owns(MigrationUuid uuid) {
        return owned.containsKey(uuid);
    }

    /** A copy, safe to iterate while engines report. */
    Set<MigrationUuid> snapshot() {
        return Set.copyOf(owned.keySet());
    }

    /** Keeps the engine's latest lag of a migration this executor runs; for any other it is dropped. */
    void streamLag(MigrationUuid uuid, Duration lag) {
        owned.computeIfPresent(uuid, (key, previous) -> Optional.of(lag));
    }

    /** The latest lag of each owned migration whose engine reported one. */
    Map<MigrationUuid, Duration> streamLags() {
        return owned.entrySet().stream()
                .filter(entry -> entry.getValue().isPresent())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().orElseThrow()));
    }

    void clear() {
        owned.clear();
    }
}
