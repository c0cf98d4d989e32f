package dev.onlineddl.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a migration is in its lifecycle, as stored in {@code schema_migrations.migration_status}.
 *
 * <p>The legal moves follow what the Vitess executor does, including its short paths: a queued
 * migration can fail at review or be cancelled before it ever runs, an immediate operation
 * (CREATE, DROP, views, instant DDL) goes from ready straight to complete, and a retry puts a
 * failed or cancelled migration back in the queue. Staying in the same status is always allowed
 * (status reports repeat, e.g. "running" on every progress update).
 */
public enum MigrationStatus {
    QUEUED,
    READY,
    RUNNING,
    COMPLETE,
    FAILED,
    CANCELLED;

    /** The spelling stored in the database and printed to users: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** complete, failed and cancelled: nothing runs any more. */
    public boolean isTerminal() {
        return this == COMPLETE || this == FAILED || this == CANCELLED;
    }

    /** queued, ready and running: what Vitess calls "pending". */
    public boolean isPending() {
        return !isTerminal();
    }

    /** failed and cancelled can be retried (Vitess {@code sqlRetryMigration}). */
    public boolean isRetryable() {
        return this == FAILED || this == CANCELLED;
    }

    public boolean canTransitionTo(MigrationStatus next) {
        return next == this || successors().contains(next);
    }

    /** @throws IllegalStateException naming both statuses when the move is not legal */
    public MigrationStatus transitionTo(MigrationStatus next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateException(
                    "illegal migration status transition: " + wireName() + " -> " + next.wireName()
                            + " (allowed from " + wireName() + ": " + describe(successors()) + ")");
        }
        return next;
    }

    public Set<MigrationStatus> successors() {
        return switch (this) {
            case QUEUED -> EnumSet.of(READY, FAILED, CANCELLED);
            case READY -> EnumSet.of(RUNNING, COMPLETE, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(COMPLETE, FAILED, CANCELLED);
            case FAILED, CANCELLED -> EnumSet.of(QUEUED);
            case COMPLETE -> EnumSet.noneOf(MigrationStatus.class);
        };
    }

    /** Parses the stored spelling (case-insensitive). */
    public static MigrationStatus fromWireName(String name) {
        if (name != null) {
            for (MigrationStatus status : values()) {
                if (status.wireName().equalsIgnoreCase(name.trim())) {
                    return status;
                }
            }
        }
        throw new InvalidInputException("unknown migration status '" + name
                + "': expected one of queued, ready, running, complete, failed, cancelled");
    }

    private static String describe(Set<MigrationStatus> statuses) {
        if (statuses.isEmpty()) {
            return "none, it is final";
        }
        StringBuilder text = new StringBuilder();
        for (MigrationStatus status : statuses) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(status.wireName());
        }
        return text.toString();
    }
}
