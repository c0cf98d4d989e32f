package dev.onlineddl.embedded;

import java.util.Objects;

/**
 * A database password: handed to the driver as a property or written to a mode-0600 file, never
 * printed: {@link #toString()} masks it, so it cannot leak through a log line or a message.
 */
public record Password(String value) {

    public Password {
        Objects.requireNonNull(value, "password");
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "(none)" : "***";
    }
}
