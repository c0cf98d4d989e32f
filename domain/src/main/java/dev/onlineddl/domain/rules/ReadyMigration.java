package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/**
 * A migration in status {@code ready}, proposed to run: what the run selection needs of it.
 *
 * @param uuid the proposed migration
 * @param table its table or view ({@code mysql_table})
 * @param statementAction what its statement does; REVERT for a revert (see {@link MigrationFacts#statementAction}); null if unknown
 * @param allowConcurrent its stored {@code allow_concurrent}
 * @param immediateOperation its {@code is_immediate_operation}: completes within a second or two once run
 * @param inOrderCompletion its strategy carries {@code --in-order-completion}
 */
public record ReadyMigration(
        MigrationUuid uuid,
        String table,
        DdlAction statementAction,
        boolean allowConcurrent,
        boolean immediateOperation,
        boolean inOrderCompletion) {

    public ReadyMigration {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(table, "table");
    }

    /**
     * @param inOrderCompletion whether the migration's strategy options carry {@code --in-order-completion}
     *                          (the row keeps options as text; parsing them is the strategy setting's job)
     */
    public static ReadyMigration of(Migration migration, boolean inOrderCompletion) {
        return new ReadyMigration(migration.uuid(), migration.mysqlTable(), MigrationFacts.statementAction(migration),
                migration.allowConcurrent(), migration.immediateOperation(), inOrderCompletion);
    }
}
