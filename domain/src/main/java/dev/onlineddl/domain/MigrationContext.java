package dev.onlineddl.domain;

import java.util.Objects;

/**
 * Groups migrations submitted together (Vitess {@code migration_context}): used to search, to make
 * a re-submission of the same UUID idempotent, to short-circuit an exact duplicate statement that
 * already completed, and by {@code --singleton-context}. Empty means "no context".
 */
public record MigrationContext(String value) {

    /** The column is varchar(1024). */
    public static final int MAX_LENGTH = 1024;

    public static final MigrationContext NONE = new MigrationContext("");

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

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
