package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.StrategyCapabilities;
import java.util.Objects;
import java.util.Optional;

/**
 * Which migrations may run side by side (Vitess {@code allowConcurrentMigration},
 * {@code proposedMigrationConflictsWithRunningMigration}, {@code isAnyConflictingMigrationRunning}).
 */
public final class ConcurrencyRules {

    private ConcurrencyRules() {
    }

    /**
     * What is stored as {@code allow_concurrent} at submit: the user asked for
     * {@code --allow-concurrent} and the statement is eligible. CREATE, DROP and REVERT always
     * are (a REVERT of a gh-ost or pt-osc ALTER is refused later, at revert validation); an ALTER
     * only if its strategy can run one beside others (built-in: vitess and online).
     *
     * <p>Views follow their statement, as in Vitess: CREATE VIEW and DROP VIEW are CREATE and
     * DROP; ALTER VIEW (and CREATE OR REPLACE VIEW, which is submitted as CREATE) is judged as its
     * action says, so an ALTER VIEW needs the strategy's concurrent ALTER capability.
     *
     * @param allowConcurrentRequested the strategy options carry {@code --allow-concurrent}
     * @param statementAction what the statement does (REVERT for a revert); null when it cannot be told
     * @param capabilities the migration's strategy's capabilities
     */
    public static boolean allowConcurrentMigration(
            boolean allowConcurrentRequested, DdlAction statementAction, StrategyCapabilities capabilities) {
        Objects.requireNonNull(capabilities, "capabilities");
        if (!allowConcurrentRequested || statementAction == null) {
            return false;
        }
        return switch (statementAction) {
            case CREATE, DROP, REVERT -> true;
            case ALTER -> capabilities.concurrentAlter();
        };
    }

    /**
     * Whether {@code proposed} may not start while {@code running} runs, and why. Checked in
     * Vitess's order, so the reason is the first that applies: same table; neither allows
     * concurrency; the proposed is an ALTER and the running one is not ready to complete.
     */
    public static Optional<ConflictReason> conflictBetween(OwnedRunningMigration running, ReadyMigration proposed) {
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(proposed, "proposed");
        if (running.table().equals(proposed.table())) {
            return Optional.of(new ConflictReason.SameTable(running.uuid(), running.table()));
        }
        if (!running.allowConcurrent() && !proposed.allowConcurrent()) {
            return Optional.of(new ConflictReason.NeitherAllowsConcurrency(running.uuid()));
        }
        if (proposed.statementAction() == DdlAction.ALTER && !running.readyToComplete()) {
            return Optional.of(new ConflictReason.RunningNotReadyToComplete(running.uuid()));
        }
        return Optional.empty();
    }

    /** The first running migration (in the given order) that conflicts with {@code proposed}, if any. */
    public static Optional<ConflictReason> findConflict(ReadyMigration proposed, Iterable<OwnedRunningMigration> running) {
        Objects.requireNonNull(running, "running");
        for (OwnedRunningMigration candidate : running) {
            Optional<ConflictReason> conflict = conflictBetween(candidate, proposed);
            if (conflict.isPresent()) {
                return conflict;
            }
        }
        return Optional.empty();
    }
}
