package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reverts: what review fills into a REVERT, whether a migration may be reverted, and how the
 * REVERT runs (Vitess {@code reviewEmptyTableRevertMigrations}, {@code validateMigrationRevertible},
 * {@code executeRevert}).
 */
public final class RevertRules {

    private RevertRules() {
    }

    /**
     * Review of a REVERT submitted with no table: it mimics the inverse of the reverted
     * migration's stored action (create becomes drop, drop becomes create, alter stays alter) on
     * the same table, and is a view operation if that one was. Review applies it only while the
     * REVERT's {@code mysql_table} is still empty, so a retried REVERT is not filled in twice.
     *
     * @param revertingUuid the REVERT being reviewed
     */
    public static RevertFillIn fillIn(MigrationUuid revertingUuid, RevertedRow reverted) {
        Objects.requireNonNull(revertingUuid, "revertingUuid");
        Objects.requireNonNull(reverted, "reverted");
        if (!isRevertibleStoredAction(reverted.storedAction())) {
            return new RevertFillIn.Failed(unexpectedActionMessage(revertingUuid, reverted));
        }
        return new RevertFillIn.Filled(reverted.storedAction().revertedAction(), reverted.table(), reverted.view());
    }

    /**
     * Whether {@code reverted} may be reverted by {@code revertingUuid} now. In Vitess's order:
     * its statement must be a CREATE, a DROP, a REVERT, or an ALTER whose strategy can revert one
     * (built-in: vitess and online); it must be complete; no other migration may be pending on its
     * table (the REVERT itself excepted); and it must be the last migration completed on that
     * table, because reverting an older one would also silently drop the newer changes.
     *
     * @param keyspace the executor's keyspace; pending migrations of other keyspaces do not matter
     * @param pendingInIdOrder all queued, ready and running migrations, lowest id first
     * @param lastCompletedOnTable the most recently completed migration on the reverted migration's keyspace and table, if any
     */
    public static Optional<RuleViolation> validateRevertible(
            RevertCandidate reverted,
            MigrationUuid revertingUuid,
            String keyspace,
            List<PendingMigration> pendingInIdOrder,
            Optional<MigrationUuid> lastCompletedOnTable) {
        Objects.requireNonNull(reverted, "reverted");
        Objects.requireNonNull(revertingUuid, "revertingUuid");
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(pendingInIdOrder, "pendingInIdOrder");
        Objects.requireNonNull(lastCompletedOnTable, "lastCompletedOnTable");

        if (reverted.statementAction() == null) {
            return violation("cannot revert migration " + reverted.uuid() + ": unexpected action ");
        }
        if (reverted.statementAction() == DdlAction.ALTER && !reverted.capabilities().revertibleAlter()) {
            // Vitess names "online" here because only vitess/online ALTERs could be reverted.
            return violation("can only revert a online strategy migration. Migration " + reverted.uuid()
                    + " has " + reverted.strategyName() + " strategy");
        }
        if (reverted.status() != MigrationStatus.COMPLETE) {
            return violation("can only revert a migration in a 'complete' state. Migration " + reverted.uuid()
                    + " is in '" + reverted.status().wireName() + "' state");
        }
        for (PendingMigration pending : pendingInIdOrder) {
            if (pending.uuid().equals(revertingUuid)) {
                continue;
            }
            if (pending.keyspace().equals(keyspace) && pending.table().equals(reverted.table())) {
                return violation("can not revert migration " + reverted.uuid() + " on table " + reverted.table()
                        + " because migration " + pending.uuid() + " is in " + pending.status().wireName()
                        + " status. May only revert if all migrations on this table are completed or failed");
            }
        }
        if (lastCompletedOnTable.isPresent() && !lastCompletedOnTable.get().equals(reverted.uuid())) {
            return violation("can not revert migration " + reverted.uuid() + " on table " + reverted.table()
                    + " because it is not the last migration to complete on that table. The last migration to complete was "
                    + lastCompletedOnTable.get());
        }
        return Optional.empty();
    }

    /**
     * How a validated REVERT runs. The reverted migration's artifacts tell what it did: a CREATE
     * that created a table left one sentry artifact, a DROP that dropped one left the held table,
     * an ALTER VIEW left the previous definition. No artifact means the CREATE or DROP changed
     * nothing, so neither does its revert; more than one means the row is not what a CREATE or
     * DROP leaves, and renaming would guess.
     *
     * @param revertingUuid the REVERT being run
     */
    public static RevertPlan planExecution(MigrationUuid revertingUuid, RevertedRow reverted) {
        Objects.requireNonNull(revertingUuid, "revertingUuid");
        Objects.requireNonNull(reverted, "reverted");
        if (!isRevertibleStoredAction(reverted.storedAction())) {
            return new RevertPlan.Fail(unexpectedActionMessage(revertingUuid, reverted));
        }
        int artifactCount = reverted.artifacts().size();
        boolean renames = reverted.storedAction() != DdlAction.ALTER;
        if (!renames && !reverted.view()) {
            return new RevertPlan.RevertAlterTable();
        }
        if (artifactCount > 1) {
            return new RevertPlan.Fail("cannot run migration " + revertingUuid + " reverting " + reverted.uuid()
                    + ": found " + artifactCount + " artifact tables, expected maximum 1");
        }
        if (artifactCount == 0) {
            if (renames) {
                return new RevertPlan.CompleteAsNoop();
            }
            return new RevertPlan.Fail("cannot run migration " + revertingUuid + " reverting " + reverted.uuid()
                    + ": found 0 artifact tables, expected 1");
        }
        String artifact = reverted.artifacts().get(0);
        if (reverted.storedAction() == DdlAction.CREATE) {
            return new RevertPlan.RenameTable(artifact, reverted.table(), artifact);
        }
        if (reverted.storedAction() == DdlAction.DROP) {
            return new RevertPlan.RenameTable(artifact, artifact, reverted.table());
        }
        return new RevertPlan.SwapViewWithArtifact(reverted.table(), artifact);
    }

    private static boolean isRevertibleStoredAction(DdlAction storedAction) {
        return storedAction != null && storedAction != DdlAction.REVERT;
    }

    private static String unexpectedActionMessage(MigrationUuid revertingUuid, RevertedRow reverted) {
        // An empty ddl_action prints as empty, as Vitess prints the stored text.
        String action = reverted.storedAction() == null ? "" : reverted.storedAction().wireName();
        return "cannot run migration " + revertingUuid + " reverting " + reverted.uuid() + ": unexpected action " + action;
    }

    private static Optional<RuleViolation> violation(String message) {
        return Optional.of(new RuleViolation(message));
    }
}
