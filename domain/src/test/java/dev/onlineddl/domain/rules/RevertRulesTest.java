package dev.onlineddl.domain.rules;

import static dev.onlineddl.domain.rules.TestUuids.u;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.StrategyCapabilities;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RevertRulesTest {

    private static final MigrationUuid REVERTED = u(1);
    private static final MigrationUuid REVERTING = u(50);
    private static final String R = "00000000_0000_0000_0000_000000000001";
    private static final String REV = "00000000_0000_0000_0000_000000000050";

    private static RevertCandidate candidate(DdlAction action, BuiltInStrategy strategy, MigrationStatus status) {
        return new RevertCandidate(REVERTED, action, strategy.strategyName(), strategy.capabilities(), status, "t1");
    }

    private static Optional<String> validate(RevertCandidate reverted, List<PendingMigration> pending,
            Optional<MigrationUuid> lastCompleted) {
        return RevertRules.validateRevertible(reverted, REVERTING, "ks", pending, lastCompleted).map(RuleViolation::message);
    }

    @ParameterizedTest(name = "revert of a complete {1} {0} migration => allowed {2}")
    @CsvSource({
            "VITESS, ALTER,  true", "ONLINE, ALTER,  true",
            "GH_OST, ALTER,  false", "PT_OSC, ALTER,  false", "MYSQL,  ALTER,  false", "DIRECT, ALTER, false",
            "GH_OST, CREATE, true", "PT_OSC, DROP,   true", "MYSQL,  CREATE, true", "VITESS, REVERT, true",
            "DIRECT, DROP,   true",
    })
    void onlyRevertibleStrategiesMayRevertAnAlter(BuiltInStrategy strategy, DdlAction action, boolean allowed) {
        Optional<String> violation = validate(candidate(action, strategy, MigrationStatus.COMPLETE), List.of(), Optional.of(REVERTED));

        if (allowed) {
            assertThat(violation).isEmpty();
        } else {
            assertThat(violation).contains("can only revert a online strategy migration. Migration " + R + " has "
                    + strategy.strategyName() + " strategy");
        }
    }

    @Test
    void aPluginThatDeclaresRevertibleAltersMayBeReverted() {
        StrategyCapabilities revertible = new StrategyCapabilities(true, false, false, false, false, true, true);
        RevertCandidate plugin = new RevertCandidate(REVERTED, DdlAction.ALTER, "acme-osc", revertible, MigrationStatus.COMPLETE, "t1");

        assertThat(validate(plugin, List.of(), Optional.empty())).isEmpty();
        assertThat(validate(new RevertCandidate(REVERTED, DdlAction.ALTER, "acme-osc", StrategyCapabilities.MINIMAL,
                MigrationStatus.COMPLETE, "t1"), List.of(), Optional.empty()))
                .contains("can only revert a online strategy migration. Migration " + R + " has acme-osc strategy");
    }

    @Test
    void anUnknownActionCannotBeReverted() {
        assertThat(validate(candidate(null, BuiltInStrategy.VITESS, MigrationStatus.COMPLETE), List.of(), Optional.empty()))
                .contains("cannot revert migration " + R + ": unexpected action ");
    }

    @ParameterizedTest(name = "revert of a {0} migration")
    @EnumSource(value = MigrationStatus.class, names = "COMPLETE", mode = EnumSource.Mode.EXCLUDE)
    void onlyCompleteMigrationsCanBeReverted(MigrationStatus status) {
        assertThat(validate(candidate(DdlAction.ALTER, BuiltInStrategy.VITESS, status), List.of(), Optional.empty()))
                .contains("can only revert a migration in a 'complete' state. Migration " + R + " is in '"
                        + status.wireName() + "' state");
    }

    @Test
    void theStrategyCheckComesBeforeTheStatusCheck() {
        assertThat(validate(candidate(DdlAction.ALTER, BuiltInStrategy.GH_OST, MigrationStatus.FAILED), List.of(), Optional.empty()))
                .contains("can only revert a online strategy migration. Migration " + R + " has gh-ost strategy");
    }

    @ParameterizedTest(name = "[{index}] pending {0} in {1}.{2} => blocks {3}")
    @CsvSource({
            "2,  ks,    t1, true",
            "2,  ks,    t2, false",
            "2,  other, t1, false",
            // table names compare case-sensitively
            "2,  ks,    T1, false",
            // the REVERT itself is pending and does not block itself
            "50, ks,    t1, false",
    })
    void anotherPendingMigrationOnTheTableBlocksTheRevert(int pendingNumber, String keyspace, String table, boolean blocks) {
        List<PendingMigration> pending = List.of(new PendingMigration(u(pendingNumber), keyspace, table, MigrationStatus.RUNNING));

        Optional<String> violation = validate(candidate(DdlAction.CREATE, BuiltInStrategy.VITESS, MigrationStatus.COMPLETE),
                pending, Optional.of(REVERTED));

        if (blocks) {
            assertThat(violation).contains("can not revert migration " + R + " on table t1 because migration "
                    + "00000000_0000_0000_0000_000000000002 is in running status. "
                    + "May only revert if all migrations on this table are completed or failed");
        } else {
            assertThat(violation).isEmpty();
        }
    }

    @Test
    void theFirstBlockingPendingMigrationIsNamedWithItsStatus() {
        List<PendingMigration> pending = List.of(
                new PendingMigration(REVERTING, "ks", "t1", MigrationStatus.RUNNING),
                new PendingMigration(u(3), "ks", "t1", MigrationStatus.QUEUED),
                new PendingMigration(u(4), "ks", "t1", MigrationStatus.READY));

        assertThat(validate(candidate(DdlAction.DROP, BuiltInStrategy.VITESS, MigrationStatus.COMPLETE), pending, Optional.empty()))
                .contains("can not revert migration " + R + " on table t1 because migration "
                        + "00000000_0000_0000_0000_000000000003 is in queued status. "
                        + "May only revert if all migrations on this table are completed or failed");
    }

    @Test
    void onlyTheLastCompletedMigrationOnTheTableCanBeReverted() {
        RevertCandidate reverted = candidate(DdlAction.ALTER, BuiltInStrategy.VITESS, MigrationStatus.COMPLETE);

        assertThat(validate(reverted, List.of(), Optional.of(u(7))))
                .contains("can not revert migration " + R + " on table t1 because it is not the last migration to "
                        + "complete on that table. The last migration to complete was 00000000_0000_0000_0000_000000000007");
        assertThat(validate(reverted, List.of(), Optional.of(REVERTED))).isEmpty();
        assertThat(validate(reverted, List.of(), Optional.empty())).isEmpty();
    }

    @ParameterizedTest(name = "revert of a stored {0} => mimics {1}")
    @CsvSource({"CREATE, DROP", "DROP, CREATE", "ALTER, ALTER"})
    void fillInMimicsTheInverseAction(DdlAction storedAction, DdlAction mimicked) {
        RevertedRow reverted = new RevertedRow(REVERTED, storedAction, "v1", true, List.of());

        assertThat(RevertRules.fillIn(REVERTING, reverted)).isEqualTo(new RevertFillIn.Filled(mimicked, "v1", true));
    }

    @Test
    void fillInFailsOnAnActionThatCannotBeReverted() {
        assertThat(RevertRules.fillIn(REVERTING, new RevertedRow(REVERTED, DdlAction.REVERT, "", false, List.of())))
                .isEqualTo(new RevertFillIn.Failed("cannot run migration " + REV + " reverting " + R + ": unexpected action revert"));
        assertThat(RevertRules.fillIn(REVERTING, new RevertedRow(REVERTED, null, "t1", false, List.of())))
                .isEqualTo(new RevertFillIn.Failed("cannot run migration " + REV + " reverting " + R + ": unexpected action "));
    }

    @ParameterizedTest(name = "[{index}] revert of {0} (view={1}) with artifacts [{2}]")
    @CsvSource(delimiter = '|', value = {
            "CREATE | false |           | noop",
            "CREATE | false | a1        | rename t1 -> a1",
            "CREATE | true  | a1        | rename t1 -> a1",
            "CREATE | false | a1 a2     | fail: found 2 artifact tables, expected maximum 1",
            "DROP   | false |           | noop",
            "DROP   | false | a1        | rename a1 -> t1",
            "DROP   | false | a1 a2 a3  | fail: found 3 artifact tables, expected maximum 1",
            "ALTER  | true  | a1        | swap t1 <-> a1",
            "ALTER  | true  |           | fail: found 0 artifact tables, expected 1",
            "ALTER  | true  | a1 a2     | fail: found 2 artifact tables, expected maximum 1",
            "ALTER  | false |           | vreplication",
            "ALTER  | false | a1 a2     | vreplication",
            "REVERT | false | a1        | fail: unexpected action revert",
    })
    void planExecution(DdlAction storedAction, boolean view, String artifacts, String expected) {
        List<String> artifactList = artifacts == null ? List.of() : List.of(artifacts.trim().split("\\s+"));
        RevertedRow reverted = new RevertedRow(REVERTED, storedAction, "t1", view, artifactList);

        RevertPlan plan = RevertRules.planExecution(REVERTING, reverted);

        assertThat(describe(plan)).isEqualTo(expected);
        if (plan instanceof RevertPlan.Fail fail) {
            assertThat(fail.message()).isEqualTo("cannot run migration " + REV + " reverting " + R + ": "
                    + expected.substring("fail: ".length()));
        }
    }

    @Test
    void planExecutionFailsOnAnEmptyStoredAction() {
        assertThat(RevertRules.planExecution(REVERTING, new RevertedRow(REVERTED, null, "t1", false, List.of())))
                .isEqualTo(new RevertPlan.Fail("cannot run migration " + REV + " reverting " + R + ": unexpected action "));
    }

    private static String describe(RevertPlan plan) {
        if (plan instanceof RevertPlan.CompleteAsNoop) {
            return "noop";
        }
        if (plan instanceof RevertPlan.RenameTable rename) {
            assertThat(rename.artifact()).isEqualTo("a1");
            return "rename " + rename.from() + " -> " + rename.to();
        }
        if (plan instanceof RevertPlan.SwapViewWithArtifact swap) {
            return "swap " + swap.view() + " <-> " + swap.artifact();
        }
        if (plan instanceof RevertPlan.RevertAlterTable) {
            return "vreplication";
        }
        String message = ((RevertPlan.Fail) plan).message();
        return "fail: " + message.substring(message.indexOf(": ") + 2);
    }

    @Test
    void recordsAreBuiltFromRows() {
        Migration revertOfCreate = Migration.builder(u(8)).strategy("online").ddlAction(DdlAction.DROP)
                .revertedUuid(u(7).value()).status(MigrationStatus.COMPLETE).mysqlTable("t8").view(true)
                .artifacts("_vt_HOLD_abc_20240101000000,").build();

        assertThat(RevertCandidate.of(revertOfCreate, BuiltInStrategy.ONLINE.capabilities())).isEqualTo(new RevertCandidate(
                u(8), DdlAction.REVERT, "online", BuiltInStrategy.ONLINE.capabilities(), MigrationStatus.COMPLETE, "t8"));
        assertThat(RevertedRow.of(revertOfCreate)).isEqualTo(
                new RevertedRow(u(8), DdlAction.DROP, "t8", true, List.of("_vt_HOLD_abc_20240101000000")));
    }
}
