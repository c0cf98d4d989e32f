package dev.onlineddl.domain.rules;

import static dev.onlineddl.domain.rules.TestUuids.u;
import static dev.onlineddl.domain.rules.TestUuids.uuids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulingRulesTest {

    /**
     * Queued rows as compact specs, one per migration in id order: {@code <n>[L][C][I][R]} where
     * L = postpone launch, C = postpone completion, I = immediate operation, R = ready to complete.
     */
    private static List<QueuedMigration> queued(String specs) {
        List<QueuedMigration> rows = new ArrayList<>();
        if (specs == null || specs.isBlank()) {
            return rows;
        }
        for (String spec : specs.trim().split("\\s+")) {
            int n = Integer.parseInt(spec.replaceAll("[^0-9]", ""));
            rows.add(new QueuedMigration(u(n), spec.contains("L"), spec.contains("C"), spec.contains("I"), spec.contains("R")));
        }
        return rows;
    }

    private static List<MigrationUuid> parseUuids(String numbers) {
        return numbers == null || numbers.isBlank() ? List.of()
                : Arrays.stream(numbers.trim().split("\\s+")).map(Integer::parseInt).map(TestUuids::u).toList();
    }

    @ParameterizedTest(name = "[{index}] queued [{0}] => ready {1}, mark ready_to_complete [{2}]")
    @CsvSource(delimiter = '|', value = {
            "          | -1 | ",
            // the first queued migration becomes ready, only one per pass
            "1 2 3     |  1 | ",
            // postponed launch is not looked at at all, not even marked ready to complete
            "1L 2 3    |  2 | ",
            "1LI 2LIC  | -1 | ",
            // an immediate operation is ready to complete by nature, postponed or not
            "1I 2      |  1 | 1",
            "1IR 2     |  1 | ",
            // a postponed immediate operation stays queued; later ones are still scheduled
            "1IC 2     |  2 | 1",
            "1IC 2IC   | -1 | 1 2",
            // a postponed ALTER becomes ready: its engine holds the cut-over back
            "1C 2      |  1 | ",
            // marking continues after the one-per-pass scheduling
            "1 2I 3IR 4I | 1 | 2 4",
    })
    void scheduleNext(String queuedSpecs, int expectedReady, String expectedMarked) {
        ScheduleDecision decision = SchedulingRules.scheduleNext(queued(queuedSpecs));

        assertThat(decision.becomesReady()).isEqualTo(expectedReady < 0 ? Optional.empty() : Optional.of(u(expectedReady)));
        assertThat(decision.markReadyToComplete()).isEqualTo(parseUuids(expectedMarked));
    }

    private static ReadyMigration ready(int n, String table, DdlAction action, boolean concurrent, boolean immediate,
            boolean inOrder) {
        return new ReadyMigration(u(n), table, action, concurrent, immediate, inOrder);
    }

    @Test
    void nothingReadyRunsNothing() {
        RunDecision decision = SchedulingRules.selectNextToRun(List.of(), List.of(), List.of(), MaxConcurrentMigrations.DEFAULT);
        assertThat(decision.next()).isEmpty();
        assertThat(decision.skipped()).isEmpty();
    }

    @Test
    void firstReadyRunsWhenNothingRuns() {
        RunDecision decision = SchedulingRules.selectNextToRun(
                List.of(ready(1, "t1", DdlAction.ALTER, false, false, false), ready(2, "t2", DdlAction.ALTER, false, false, false)),
                List.of(), uuids(1, 2), MaxConcurrentMigrations.DEFAULT);

        assertThat(decision.next()).contains(u(1));
        assertThat(decision.skipped()).isEmpty();
    }

    @Test
    void aBlockedReadyMigrationDoesNotBlockTheOnesBehindIt() {
        // spec 9.1: drop t1 is blocked by the running revert on t1; drop t3 still runs
        List<OwnedRunningMigration> running = List.of(new OwnedRunningMigration(u(1), "t1", true, true));
        RunDecision decision = SchedulingRules.selectNextToRun(
                List.of(ready(2, "t1", DdlAction.DROP, false, true, false), ready(3, "t3", DdlAction.DROP, true, true, false)),
                running, uuids(1, 2, 3), MaxConcurrentMigrations.DEFAULT);

        assertThat(decision.next()).contains(u(3));
        assertThat(decision.skipped()).containsExactly(new RunDecision.Skipped(u(2),
                new SkipReason.Conflicting(new ConflictReason.SameTable(u(1), "t1"))));
    }

    @Test
    void nonConcurrentMigrationsWaitForEachOther() {
        List<OwnedRunningMigration> running = List.of(new OwnedRunningMigration(u(1), "t1", false, true));
        RunDecision decision = SchedulingRules.selectNextToRun(
                List.of(ready(2, "t2", DdlAction.ALTER, false, false, false)),
                running, uuids(1, 2), MaxConcurrentMigrations.DEFAULT);

        assertThat(decision.next()).isEmpty();
        assertThat(decision.skipped()).extracting(RunDecision.Skipped::reason)
                .containsExactly(new SkipReason.Conflicting(new ConflictReason.NeitherAllowsConcurrency(u(1))));
    }

    @Test
    void theConcurrencyCapHoldsBackEvenNonConflictingMigrations() {
        List<OwnedRunningMigration> running = List.of(
                new OwnedRunningMigration(u(1), "t1", true, true),
                new OwnedRunningMigration(u(2), "t2", true, true));
        List<ReadyMigration> readyList = List.of(ready(3, "t3", DdlAction.ALTER, true, false, false));

        RunDecision capped = SchedulingRules.selectNextToRun(readyList, running, uuids(1, 2, 3), new MaxConcurrentMigrations(2));
        RunDecision roomy = SchedulingRules.selectNextToRun(readyList, running, uuids(1, 2, 3), new MaxConcurrentMigrations(3));

        assertThat(capped.next()).isEmpty();
        assertThat(capped.skipped()).extracting(RunDecision.Skipped::reason)
                .containsExactly(new SkipReason.ConcurrencyLimitReached(2, 2));
        assertThat(roomy.next()).contains(u(3));
    }

    @ParameterizedTest(name = "[{index}] immediate={0}, in-order={1}, pending [{2}] => runs {3}")
    @CsvSource({
            "true,  true,  '1 2',   true",
            "true,  true,  '',      true",
            "true,  true,  '5 1 2', false",
            // only immediate operations wait at start: an ALTER waits at its cut-over instead
            "false, true,  '5 1 2', true",
            "true,  false, '5 1 2', true",
    })
    void inOrderCompletionHoldsBackImmediateOperations(boolean immediate, boolean inOrder, String pending, boolean runs) {
        RunDecision decision = SchedulingRules.selectNextToRun(
                List.of(ready(1, "t1", DdlAction.DROP, true, immediate, inOrder)),
                List.of(), parseUuids(pending), MaxConcurrentMigrations.DEFAULT);

        assertThat(decision.next().isPresent()).isEqualTo(runs);
        if (!runs) {
            assertThat(decision.skipped()).extracting(RunDecision.Skipped::reason)
                    .containsExactly(new SkipReason.WaitingForEarlierMigration(u(5)));
        }
    }

    @Test
    void skipReasonsDescribeThemselves() {
        assertThat(new SkipReason.Conflicting(new ConflictReason.SameTable(u(1), "t1")).describe())
                .isEqualTo("migration 00000000_0000_0000_0000_000000000001 is running on the same table t1");
        assertThat(new SkipReason.ConcurrencyLimitReached(3, 3).describe())
                .isEqualTo("3 migrations are running; at most 3 may run at once");
        assertThat(new SkipReason.WaitingForEarlierMigration(u(5)).describe())
                .isEqualTo("--in-order-completion: waiting for earlier migration 00000000_0000_0000_0000_000000000005 to complete");
    }

    @ParameterizedTest(name = "configured {0} => {1}")
    @CsvSource({"256, 256", "1, 1", "0, 1", "-5, 1", "7, 7"})
    void maxConcurrentIsSanitizedToAtLeastOne(int configured, int expected) {
        assertThat(MaxConcurrentMigrations.sanitized(configured).value()).isEqualTo(expected);
    }

    @Test
    void maxConcurrentDefaultsTo256AndRejectsZeroWhenBuiltDirectly() {
        assertThat(MaxConcurrentMigrations.DEFAULT.value()).isEqualTo(256);
        assertThatThrownBy(() -> new MaxConcurrentMigrations(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("max concurrent migrations is 0; it must be at least 1, or no migration could ever run");
    }

    @Test
    void recordsAreBuiltFromRows() {
        Migration row = Migration.builder(u(6)).keyspace("ks").mysqlTable("t6").status(MigrationStatus.READY)
                .postponeLaunch(true).postponeCompletion(true).immediateOperation(true).readyToComplete(false).build();

        assertThat(QueuedMigration.of(row)).isEqualTo(new QueuedMigration(u(6), true, true, true, false));
        assertThat(PendingMigration.of(row)).isEqualTo(new PendingMigration(u(6), "ks", "t6", MigrationStatus.READY));
    }
}
