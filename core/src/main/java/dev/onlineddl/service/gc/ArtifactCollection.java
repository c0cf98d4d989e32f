package dev.onlineddl.service.gc;

import dev.onlineddl.domain.MigrationUuid;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one pass of artifact collection did, for logs and metrics.
 *
 * @param completedTimestampsFixed failed migrations that got their missing completed_timestamp
 * @param collected                the migrations now cleaned up, each with the PURGE names its
 *                                 artifact tables got (none when they were gone already), in order
 * @param failed                   migrations whose collection failed (the log says why); the next
 *                                 pass tries them again
 */
public record ArtifactCollection(int completedTimestampsFixed, Map<MigrationUuid, List<String>> collected,
        List<MigrationUuid> failed) {

    public ArtifactCollection {
        Map<MigrationUuid, List<String>> copy = new LinkedHashMap<>();
        collected.forEach((uuid, names) -> copy.put(uuid, List.copyOf(names)));
        collected = Collections.unmodifiableMap(copy);
        failed = List.copyOf(failed);
    }
}
