package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.StrategyCapabilities;
import java.util.Objects;

/**
 * The migration a REVERT asks to undo, as revert validation sees it.
 *
 * @param uuid the migration to revert
 * @param statementAction what its statement did; REVERT if it was itself a revert (see {@link MigrationFacts#statementAction}); null if unknown
 * @param strategyName its strategy's name, as printed in messages
 * @param capabilities its strategy's capabilities
 * @param status its status
 * @param table its table or view
 */
public record RevertCandidate(
        MigrationUuid uuid,
        DdlAction statementAction,
        String strategyName,
        StrategyCapabilities capabilities,
        MigrationStatus status,
        String table) {

    public RevertCandidate {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(strategyName, "strategyName");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(table, "table");
    }

    /** @param capabilities the capabilities of the strategy named in the row */
    public static RevertCandidate of(Migration migration, StrategyCapabilities capabilities) {
        return new RevertCandidate(migration.uuid(), MigrationFacts.statementAction(migration), migration.strategy(),
                capabilities, migration.status(), migration.mysqlTable());
    }
}
