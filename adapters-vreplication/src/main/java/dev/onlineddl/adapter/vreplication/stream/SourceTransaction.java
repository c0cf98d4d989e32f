package dev.onlineddl.adapter.vreplication.stream;

import dev.onlineddl.adapter.vreplication.plan.RowKey;
import dev.onlineddl.domain.server.BinlogPosition;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One committed transaction that changed rows of the source table: the iteration keys it
 * touched (before and after images both), and the stream position right after it.
 */
public record SourceTransaction(Set<RowKey> keys, BinlogPosition positionAfter, Instant committedAt) {
    public SourceTransaction {
        keys = Set.copyOf(keys);
        Objects.requireNonNull(positionAfter, "positionAfter");
        Objects.requireNonNull(committedAt, "committedAt");
    }
}
