package dev.onlineddl.port.in;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;

/** The UUIDs of the migrations a submission created (or re-submitted), in statement order. */
public record SubmissionResult(List<MigrationUuid> uuids) {

    public SubmissionResult {
        uuids = List.copyOf(uuids);
    }
}
