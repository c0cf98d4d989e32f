package dev.onlineddl.domain.rules;

import static dev.onlineddl.domain.rules.TestUuids.u;
import static dev.onlineddl.domain.rules.TestUuids.uuids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionRulesTest {

    @Test
    void firstPendingIsTheLowestId() {
        assertThat(CompletionRules.isFirstPending(u(1), uuids(1, 2, 3))).isTrue();
        assertThat(CompletionRules.isFirstPending(u(2), uuids(1, 2, 3))).isFalse();
        assertThat(CompletionRules.isFirstPending(u(9), List.of())).isTrue();
    }

    @ParameterizedTest(name = "in-order={0}, first pending={1} => allowed {2}")
    @CsvSource({"false, false, true", "false, true, true", "true, true, true", "true, false, false"})
    void inOrderCompletionAllows(boolean inOrder, boolean first, boolean allowed) {
        List<MigrationUuid> pending = first ? uuids(4, 1) : uuids(1, 4);
        assertThat(CompletionRules.inOrderCompletionAllows(inOrder, u(4), pending)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "engine ready={0}, test suite={1}, elapsed {2}s => report ready {3}")
    @CsvSource({
            "false, false, 100, false",
            "false, true,  100, false",
            "true,  false, 0,   true",
            "true,  true,  4,   false",
            "true,  true,  5,   true",
            "true,  true,  60,  true",
    })
    void readinessToReport(boolean engineReady, boolean testSuite, long elapsed, boolean expected) {
        assertThat(CompletionRules.readinessToReport(engineReady, testSuite, elapsed)).isEqualTo(expected);
    }

    enum Expected { CUT_OVER, NOT_READY, POSTPONED, WAIT_FOR_1 }

    @ParameterizedTest(name = "[{index}] ready={0}, postponed={1}, in-order={2}, first={3} => {4}")
    @CsvSource({
            "false, false, false, true,  NOT_READY",
            "false, true,  true,  false, NOT_READY",
            "true,  true,  false, true,  POSTPONED",
            "true,  true,  true,  false, POSTPONED",
            "true,  false, true,  false, WAIT_FOR_1",
            "true,  false, true,  true,  CUT_OVER",
            "true,  false, false, false, CUT_OVER",
    })
    void decideCutOver(boolean ready, boolean postponed, boolean inOrder, boolean first, Expected expected) {
        CutOverCandidate candidate = new CutOverCandidate(u(4), ready, postponed, inOrder);
        List<MigrationUuid> pending = first ? uuids(4, 1) : uuids(1, 4);

        CutOverDecision decision = CompletionRules.decideCutOver(candidate, pending);

        CutOverDecision expectedDecision = switch (expected) {
            case CUT_OVER -> new CutOverDecision.CutOverNow();
            case NOT_READY -> new CutOverDecision.NotReady();
            case POSTPONED -> new CutOverDecision.CompletionPostponed();
            case WAIT_FOR_1 -> new CutOverDecision.WaitForEarlierMigration(u(1));
        };
        assertThat(decision).isEqualTo(expectedDecision);
    }
}
