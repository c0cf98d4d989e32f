package dev.onlineddl.domain.rules;

/**
 * Whether review marks a queued migration as an immediate operation (one that completes within a
 * second, so it needs no engine and is ready to complete by nature).
 */
public enum Immediacy {
    IMMEDIATE,
    NOT_IMMEDIATE,
    /** A plain ALTER TABLE: immediate only if special-plan analysis finds a plan (instant DDL, partition rotation). */
    IMMEDIATE_IF_SPECIAL_PLAN;

    /** The answer once the special-plan analysis (only needed for {@link #IMMEDIATE_IF_SPECIAL_PLAN}) is known. */
    public boolean isImmediate(boolean specialPlanFound) {
        return switch (this) {
            case IMMEDIATE -> true;
            case NOT_IMMEDIATE -> false;
            case IMMEDIATE_IF_SPECIAL_PLAN -> specialPlanFound;
        };
    }
}
