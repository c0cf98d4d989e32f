package dev.onlineddl.domain;

import java.util.Locale;

/**
 * What a migration does, as stored in {@code schema_migrations.ddl_action}. A REVERT is stored as
 * {@code revert} at submit and rewritten at review to the action it mimics (revert of a CREATE is
 * a DROP, and so on).
 */
public enum DdlAction {
    CREATE,
    ALTER,
    DROP,
    REVERT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The action a REVERT of a migration with this action performs (Vitess reviewQueuedMigrations):
     * create becomes drop, drop becomes create, alter stays alter. A revert of a revert is
     * resolved against the action the reverted revert was rewritten to, never REVERT itself.
     *
     * @throws IllegalStateException for REVERT, which is rewritten before it can be reverted
     */
    public DdlAction revertedAction() {
        return switch (this) {
            case CREATE -> DROP;
            case DROP -> CREATE;
            case ALTER -> ALTER;
            case REVERT -> throw new IllegalStateException(
                    "unexpected action revert: a reverted migration is rewritten to the action it mimics at review");
        };
    }

    /** Parses the stored spelling (case-insensitive); the empty string of a fresh row is not an action. */
    public static DdlAction fromWireName(String name) {
        if (name != null) {
            for (DdlAction action : values()) {
                if (action.wireName().equalsIgnoreCase(name.trim())) {
                    return action;
                }
            }
        }
        throw new InvalidInputException("unsupported online DDL action '" + name
                + "': expected one of create, alter, drop, revert");
    }
}
