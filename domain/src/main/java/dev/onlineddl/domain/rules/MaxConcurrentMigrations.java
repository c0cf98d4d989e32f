package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.InvalidInputException;

/**
 * How many owned migrations may run at once (vttablet {@code --max_concurrent_online_ddl}).
 *
 * @param value at least 1
 */
public record MaxConcurrentMigrations(int value) {

    /** Vitess's default. */
    public static final MaxConcurrentMigrations DEFAULT = new MaxConcurrentMigrations(256);

    public MaxConcurrentMigrations {
        if (value < 1) {
            throw new InvalidInputException("max concurrent migrations is " + value
                    + "; it must be at least 1, or no migration could ever run");
        }
    }

    /** Vitess's sanitizing: a configured value below 1 becomes 1, because 0 would run nothing ever. */
    public static MaxConcurrentMigrations sanitized(int configured) {
        return new MaxConcurrentMigrations(Math.max(1, configured));
    }
}
