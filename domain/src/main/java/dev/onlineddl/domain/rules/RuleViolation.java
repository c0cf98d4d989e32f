package dev.onlineddl.domain.rules;

import java.util.Objects;

/**
 * A rule said no. The message is the text Vitess reports (and stores in
 * {@code schema_migrations.message} when the rule fails a migration), word for word, so that
 * tooling that matches Vitess' messages keeps working.
 */
public record RuleViolation(String message) {

    public RuleViolation {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message;
    }
}
