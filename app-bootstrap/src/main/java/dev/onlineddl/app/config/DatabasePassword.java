package dev.onlineddl.app.config;

import java.util.Objects;

/** The database password: held, passed to the driver, never printed ({@link #toString()} masks it). */
public record DatabasePassword(String value) {

    public static final DatabasePassword NONE = new DatabasePassword("");

    public DatabasePassword {
        Objects.requireNonNull(value, "password");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(none)" : "***";
    }
}
