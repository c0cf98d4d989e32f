package dev.onlineddl.port.in;

/**
 * Outcome of a command, as Vitess reports it: how many migrations it affected. Zero is a
 * success too (e.g. cancelling a migration that already completed).
 */
public record CommandResult(int migrationsAffected) {

    public static final CommandResult NONE = new CommandResult(0);
    public static final CommandResult ONE = new CommandResult(1);

    public CommandResult {
        if (migrationsAffected < 0) {
            throw new IllegalArgumentException("migrations affected cannot be negative: " + migrationsAffected);
        }
    }
}
