package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;

/** Facts about a stored migration that several rules need and the row does not hold directly. */
public final class MigrationFacts {

    private MigrationFacts() {
    }

    /**
     * The action the migration's statement expresses, as Vitess's {@code GetAction} parses it:
     * {@link DdlAction#REVERT} for a revert even after review rewrote its {@code ddl_action} to
     * the action it mimics, otherwise the stored {@code ddl_action} (null while unknown).
     *
     * <p>The distinction matters: the concurrency rules and revert validation look at the
     * statement (a REVERT may always run concurrently), the scheduler looks at the stored action.
     */
    public static DdlAction statementAction(Migration migration) {
        return migration.isRevert() ? DdlAction.REVERT : migration.ddlAction();
    }
}
