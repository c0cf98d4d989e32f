package dev.onlineddl.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancelRulesTest {

    @ParameterizedTest(name = "[{index}] cancel {0} by user={1} => {2}")
    @CsvSource(delimiter = '|', value = {
            "COMPLETE  | true  | none",
            "FAILED    | true  | none",
            "CANCELLED | false | none",
            "QUEUED    | true  | fail now, stamp",
            "READY     | true  | fail now, stamp",
            "QUEUED    | false | fail now, no stamp",
            "READY     | false | fail now, no stamp",
            "RUNNING   | true  | terminate, stamp",
            "RUNNING   | false | terminate, no stamp",
    })
    void planCancel(MigrationStatus status, boolean byUser, String expected) {
        CancelPlan plan = CancelRules.planCancel(status, byUser);

        assertThat(describe(plan)).isEqualTo(expected);
    }

    private static String describe(CancelPlan plan) {
        return plan.match(
                none -> "none",
                fail -> "fail now, " + (fail.stampCancelledTimestamp() ? "stamp" : "no stamp"),
                terminate -> "terminate, " + (terminate.stampCancelledTimestamp() ? "stamp" : "no stamp"));
    }

    @Test
    void rowsAffected() {
        CancelPlan none = new CancelPlan.NotCancellable();
        CancelPlan queued = new CancelPlan.FailWithoutRunning(true);
        CancelPlan running = new CancelPlan.TerminateThenFail(true);

        assertThat(none.rowsAffected(true)).isZero();
        assertThat(queued.rowsAffected(false)).isEqualTo(1);
        assertThat(running.rowsAffected(true)).isEqualTo(1);
        assertThat(running.rowsAffected(false)).isZero();
    }

    @Test
    void failuresEndCancelledOnlyWhenAUserCancelled() {
        assertThat(CancelRules.statusAfterFailure(true)).isEqualTo(MigrationStatus.CANCELLED);
        assertThat(CancelRules.statusAfterFailure(false)).isEqualTo(MigrationStatus.FAILED);
    }
}
