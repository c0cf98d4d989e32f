package dev.onlineddl.domain;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Groups migrations submitted together (Vitess {@code migration_context}): used to search, to make
 * a re-submission of the same UUID idempotent, to short-circuit an exact duplicate statement that
 * already completed, and by {@code --singleton-context}. Empty means "no context".
 */
public record MigrationContext(String value) {

    /** The column is varchar(1024). */
    public static final int MAX_LENGTH = 1024;

    public static final MigrationContext NONE = new MigrationContext("");

    /** How a context given to a submission without one starts (Vitess's vtctl uses {@code vtctl:}). */
    public static final String GENERATED_PREFIX = "onlineddl:";

    public MigrationContext {
        Objects.requireNonNull(value, "migration context");
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("migration context is " + value.length()
                    + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
    }

    public static MigrationContext of(String value) {
        return value == null || value.isEmpty() ? NONE : new MigrationContext(value);
    }

    /**
     * A fresh context for a submission that named none, {@code onlineddl:<uuid>} as Vitess's
     * {@code vtctl:<uuid>}: the statements of one submission share it, and differ from every other
     * submission's, so {@code --singleton-context} and duplicate detection see them as one batch.
     */
    public static MigrationContext generated(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        long most = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new MigrationContext(GENERATED_PREFIX + new UUID(most, least));
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
