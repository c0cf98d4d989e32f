package dev.onlineddl.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancelRulesTest {

    @ParameterizedTest(name = "[{index}] cancel {0} by user={1}, already cancelled={2} => {3}")
    @CsvSource(delimiter = '|', value = {
            "COMPLETE  | true  | false | none",
            "FAILED    | true  | false | none",
            "CANCELLED | false | true  | none",
            "QUEUED    | true  | false | fail now, stamp, cancelled",
            "READY     | true  | false | fail now, stamp, cancelled",
            "QUEUED    | false | false | fail now, no stamp, failed",
            "READY     | false | true  | fail now, no stamp, cancelled",
            "RUNNING   | true  | false | terminate, stamp, cancelled",
            "RUNNING   | false | false | terminate, no stamp, failed",
            "RUNNING   | false | true  | terminate, no stamp, cancelled",
    })
    void planCancel(MigrationStatus status, boolean byUser, boolean alreadyCancelled, String expected) {
        CancelPlan plan = CancelRules.planCancel(status, byUser, alreadyCancelled);

        assertThat(describe(plan)).isEqualTo(expected);
    }

    private static String describe(CancelPlan plan) {
        if (plan instanceof CancelPlan.FailWithoutRunning fail) {
            return "fail now, " + (fail.stampCancelledTimestamp() ? "stamp" : "no stamp") + ", " + fail.finalStatus().wireName();
        }
        if (plan instanceof CancelPlan.TerminateThenFail terminate) {
            return "terminate, " + (terminate.stampCancelledTimestamp() ? "stamp" : "no stamp") + ", "
                    + terminate.finalStatus().wireName();
        }
        assertThat(plan).isInstanceOf(CancelPlan.NotCancellable.class);
        return "none";
    }

    @Test
    void rowsAffected() {
        CancelPlan none = new CancelPlan.NotCancellable();
        CancelPlan queued = new CancelPlan.FailWithoutRunning(true, MigrationStatus.CANCELLED);
        CancelPlan running = new CancelPlan.TerminateThenFail(true, MigrationStatus.CANCELLED);

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
