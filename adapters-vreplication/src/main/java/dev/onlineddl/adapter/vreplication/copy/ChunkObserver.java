package dev.onlineddl.adapter.vreplication.copy;

import java.util.List;

/**
 * Sees each chunk while it is copied: for tests that aim writes at the chunk in flight, and for
 * nothing else. Called on the copier's thread; keep it quick.
 */
public interface ChunkObserver {

    ChunkObserver NONE = new ChunkObserver() {
    };

    /**
     * A chunk is about to be read: keys after {@code after} (null: from the start) up to and
     * including {@code upTo} (null: to the end).
     */
    default void chunkStarting(List<Object> after, List<Object> upTo) {
    }

    /** The chunk is committed. */
    default void chunkCommitted() {
    }
}
