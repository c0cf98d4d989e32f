package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationStatus;
import java.util.Objects;

/** Cancelling, and how a failure ends (Vitess {@code CancelMigration}, {@code sqlUpdateMigrationStatusFailedOrCancelled}). */
public final class CancelRules {

    private CancelRules() {
    }

    /**
     * What cancelling a migration in {@code status} does. A user's cancel stamps
     * {@code cancelled_timestamp}, so the migration ends {@code cancelled}; a cancel the executor
     * decides (stale, unrecoverable engine error) does not, so it ends {@code failed}, unless a
     * user had already cancelled it.
     *
     * @param issuedByUser a user asked (CANCEL, CANCEL ALL), as opposed to the executor itself
     */
    public static CancelPlan planCancel(MigrationStatus status, boolean issuedByUser) {
        Objects.requireNonNull(status, "status");
        if (status.isTerminal()) {
            return new CancelPlan.NotCancellable();
        }
        if (status == MigrationStatus.RUNNING) {
            return new CancelPlan.TerminateThenFail(issuedByUser);
        }
        return new CancelPlan.FailWithoutRunning(issuedByUser);
    }

    /**
     * Every failure path ends here, and only here is it decided: {@code cancelled} if a user
     * cancelled the migration (its row has a {@code cancelled_timestamp}), else {@code failed}.
     */
    public static MigrationStatus statusAfterFailure(boolean cancelledTimestampSet) {
        return cancelledTimestampSet ? MigrationStatus.CANCELLED : MigrationStatus.FAILED;
    }
}
