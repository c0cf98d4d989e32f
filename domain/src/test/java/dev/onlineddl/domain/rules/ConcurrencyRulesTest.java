package dev.onlineddl.domain.rules;

import static dev.onlineddl.domain.rules.TestUuids.u;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.StrategyCapabilities;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConcurrencyRulesTest {

    @ParameterizedTest(name = "--allow-concurrent {1} with {0} => {2}")
    @CsvSource({
            // CREATE, DROP and REVERT are eligible with every strategy
            "VITESS, CREATE, true", "ONLINE, CREATE, true", "GH_OST, CREATE, true",
            "PT_OSC, CREATE, true", "MYSQL, CREATE, true", "DIRECT, CREATE, true",
            "VITESS, DROP, true", "ONLINE, DROP, true", "GH_OST, DROP, true",
            "PT_OSC, DROP, true", "MYSQL, DROP, true", "DIRECT, DROP, true",
            "VITESS, REVERT, true", "ONLINE, REVERT, true", "GH_OST, REVERT, true",
            "PT_OSC, REVERT, true", "MYSQL, REVERT, true", "DIRECT, REVERT, true",
            // an ALTER (table or view) only with vitess/online
            "VITESS, ALTER, true", "ONLINE, ALTER, true", "GH_OST, ALTER, false",
            "PT_OSC, ALTER, false", "MYSQL, ALTER, false", "DIRECT, ALTER, false",
    })
    void allowConcurrentWhenRequested(BuiltInStrategy strategy, DdlAction action, boolean expected) {
        assertThat(ConcurrencyRules.allowConcurrentMigration(true, action, strategy.capabilities())).isEqualTo(expected);
    }

    static Stream<Arguments> everyStrategyAndAction() {
        return Stream.of(BuiltInStrategy.values())
                .flatMap(strategy -> Stream.of(DdlAction.values()).map(action -> Arguments.of(strategy, action)));
    }

    @ParameterizedTest(name = "no --allow-concurrent: {1} with {0} is never concurrent")
    @MethodSource("everyStrategyAndAction")
    void neverConcurrentWithoutTheFlag(BuiltInStrategy strategy, DdlAction action) {
        assertThat(ConcurrencyRules.allowConcurrentMigration(false, action, strategy.capabilities())).isFalse();
    }

    @Test
    void unknownActionIsNeverConcurrent() {
        assertThat(ConcurrencyRules.allowConcurrentMigration(true, null, BuiltInStrategy.VITESS.capabilities())).isFalse();
    }

    @Test
    void pluginCapabilitiesDecideForAlter() {
        StrategyCapabilities concurrentPlugin = new StrategyCapabilities(false, true, false, false, false, true, true);
        assertThat(ConcurrencyRules.allowConcurrentMigration(true, DdlAction.ALTER, concurrentPlugin)).isTrue();
        assertThat(ConcurrencyRules.allowConcurrentMigration(true, DdlAction.ALTER, StrategyCapabilities.MINIMAL)).isFalse();
    }

    enum Expected { NONE, SAME_TABLE, NEITHER_CONCURRENT, RUNNING_NOT_READY }

    @ParameterizedTest(name = "[{index}] running {0} (concurrent={2}, ready={3}) vs proposed {4} {1} (concurrent={5}) => {6}")
    @CsvSource({
            // same table always conflicts, whatever the flags
            "t1, t1, true,  true,  DROP,   true,  SAME_TABLE",
            "t1, t1, false, false, CREATE, false, SAME_TABLE",
            // table names compare case-sensitively, as Vitess's Go string compare does
            "T1, t1, true,  true,  DROP,   true,  NONE",
            // neither allows concurrency
            "t1, t2, false, true,  DROP,   false, NEITHER_CONCURRENT",
            "t1, t2, false, false, ALTER,  false, NEITHER_CONCURRENT",
            // one of them allowing concurrency is enough for non-ALTERs
            "t1, t2, true,  false, DROP,   false, NONE",
            "t1, t2, false, false, CREATE, true,  NONE",
            "t1, t2, false, false, REVERT, true,  NONE",
            // a proposed ALTER waits for a running migration that still copies rows
            "t1, t2, true,  false, ALTER,  true,  RUNNING_NOT_READY",
            "t1, t2, false, false, ALTER,  true,  RUNNING_NOT_READY",
            "t1, t2, true,  true,  ALTER,  true,  NONE",
            "t1, t2, true,  true,  ALTER,  false, NONE",
            // an unknown proposed action is not an ALTER
            "t1, t2, true,  false, ,       true,  NONE",
    })
    void conflictBetweenRunningAndProposed(String runningTable, String proposedTable, boolean runningConcurrent,
            boolean runningReady, DdlAction proposedAction, boolean proposedConcurrent, Expected expected) {
        OwnedRunningMigration running = new OwnedRunningMigration(u(1), runningTable, runningConcurrent, runningReady);
        ReadyMigration proposed = new ReadyMigration(u(2), proposedTable, proposedAction, proposedConcurrent, false, false);

        Optional<ConflictReason> conflict = ConcurrencyRules.conflictBetween(running, proposed);

        switch (expected) {
            case NONE -> assertThat(conflict).isEmpty();
            case SAME_TABLE -> assertThat(conflict).contains(new ConflictReason.SameTable(u(1), runningTable));
            case NEITHER_CONCURRENT -> assertThat(conflict).contains(new ConflictReason.NeitherAllowsConcurrency(u(1)));
            case RUNNING_NOT_READY -> assertThat(conflict).contains(new ConflictReason.RunningNotReadyToComplete(u(1)));
        }
    }

    @Test
    void findConflictReportsTheFirstConflictingRunningMigration() {
        ReadyMigration proposed = new ReadyMigration(u(9), "t9", DdlAction.ALTER, true, false, false);
        List<OwnedRunningMigration> running = List.of(
                new OwnedRunningMigration(u(1), "t1", true, true),
                new OwnedRunningMigration(u(2), "t2", true, false),
                new OwnedRunningMigration(u(3), "t9", true, true));

        assertThat(ConcurrencyRules.findConflict(proposed, running))
                .contains(new ConflictReason.RunningNotReadyToComplete(u(2)));
        assertThat(ConcurrencyRules.findConflict(proposed, running.subList(0, 1))).isEmpty();
        assertThat(ConcurrencyRules.findConflict(proposed, List.of())).isEmpty();
    }

    @Test
    void conflictReasonsDescribeTheRunningMigration() {
        assertThat(new ConflictReason.SameTable(u(1), "t1").describe())
                .isEqualTo("migration 00000000_0000_0000_0000_000000000001 is running on the same table t1");
        assertThat(new ConflictReason.NeitherAllowsConcurrency(u(1)).describe())
                .startsWith("migration 00000000_0000_0000_0000_000000000001 is running and neither")
                .contains("--allow-concurrent");
        assertThat(new ConflictReason.RunningNotReadyToComplete(u(1)).describe())
                .startsWith("migration 00000000_0000_0000_0000_000000000001 is running and not yet ready to complete");
    }

    @Test
    void recordsAreBuiltFromRows() {
        Migration revert = Migration.builder(u(4)).mysqlTable("t4").ddlAction(DdlAction.ALTER)
                .revertedUuid(u(3).value()).allowConcurrent(true).immediateOperation(false).readyToComplete(true).build();

        assertThat(OwnedRunningMigration.of(revert)).isEqualTo(new OwnedRunningMigration(u(4), "t4", true, true));
        // a reviewed REVERT is stored as 'alter' but its statement is still a REVERT
        assertThat(ReadyMigration.of(revert, true)).isEqualTo(new ReadyMigration(u(4), "t4", DdlAction.REVERT, true, false, true));
        assertThat(MigrationFacts.statementAction(revert.toBuilder().revertedUuid("").build())).isEqualTo(DdlAction.ALTER);
    }

    @Test
    void recordsRejectMissingIdentity() {
        assertThatThrownBy(() -> new OwnedRunningMigration(null, "t", false, false)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ReadyMigration(u(1), null, DdlAction.ALTER, false, false, false))
                .isInstanceOf(NullPointerException.class);
    }
}
