package dev.onlineddl.example.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.domain.naming.ArtifactNames;
import dev.onlineddl.domain.naming.ConstraintNames;
import dev.onlineddl.domain.naming.ConstraintType;
import dev.onlineddl.domain.naming.GcState;
import dev.onlineddl.domain.naming.GcTableName;
import dev.onlineddl.domain.rules.ConcurrencyRules;
import dev.onlineddl.domain.rules.ConflictReason;
import dev.onlineddl.domain.rules.ExistingMigration;
import dev.onlineddl.domain.rules.OwnedRunningMigration;
import dev.onlineddl.domain.rules.PendingMigration;
import dev.onlineddl.domain.rules.PendingMigrationContext;
import dev.onlineddl.domain.rules.ReadyMigration;
import dev.onlineddl.domain.rules.RevertCandidate;
import dev.onlineddl.domain.rules.RevertRules;
import dev.onlineddl.domain.rules.RuleViolation;
import dev.onlineddl.domain.rules.SubmissionDecision;
import dev.onlineddl.domain.rules.SubmissionRules;
import dev.onlineddl.domain.rules.SubmittedMigration;
import dev.onlineddl.domain.strategy.KnownStrategies;
import dev.onlineddl.domain.strategy.StrategyFlag;
import dev.onlineddl.domain.strategy.StrategySetting;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of {@code docs/domain.md}: migration rules checked without a database, as a user of
 * the {@code domain} module would write them. The guide quotes these methods; change both together.
 */
class DomainExamplesTest {

    private static final MigrationUuid FIRST = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid SECOND = MigrationUuid.parse("b1749f7c_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid REVERT = MigrationUuid.parse("c285a08d_ec7b_11ea_9bf8_000d3a9b8a9a");

    // ---- strategy strings

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            # strategy string                                 | name   | postpone completion | allow concurrent | runtime options
            vitess                                            | vitess | false               | false            |
            online --postpone-completion --allow-concurrent   | online | true                | true             |
            mysql -postpone-launch                            | mysql  | false               | false            |
            ''                                                | direct | false               | false            |
            gh-ost --max-load=Threads_running=100 --singleton | gh-ost | false               | false            | --max-load=Threads_running=100
            """)
    void parsesAStrategyString(String text, String name, boolean postponeCompletion, boolean allowConcurrent,
                               String runtimeOptions) {
        StrategySetting setting = StrategySetting.parse(text);

        assertThat(setting.strategy()).isEqualTo(name);
        assertThat(setting.isPostponeCompletion()).isEqualTo(postponeCompletion);
        assertThat(setting.isAllowConcurrent()).isEqualTo(allowConcurrent);
        assertThat(setting.runtimeOptions())
                .isEqualTo(runtimeOptions == null ? List.of() : List.of(runtimeOptions));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            vitess --postpone-complete   | invalid flags for vitess strategy: --postpone-complete
            mysql --max-load=5           | invalid flags for mysql strategy: --max-load=5
            my-copier --allow-concurrent | Unknown online DDL strategy: 'my-copier'
            """)
    void rejectsAMistypedFlagOrAnUnknownStrategy(String text, String message) {
        assertThatThrownBy(() -> StrategySetting.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @Test
    void parsesAPluginStrategyOnceItIsKnown() {
        StrategyCapabilities capabilities = new StrategyCapabilities(false, false, true, true, false, false, true);
        KnownStrategies plugins = KnownStrategies.of(Map.of("my-copier", capabilities));

        StrategySetting setting = StrategySetting.parse("my-copier --postpone-completion", plugins);

        assertThat(setting.builtIn()).isEmpty();
        assertThat(setting.capabilities()).isEqualTo(capabilities);
        assertThat(setting.flags()).containsExactly(StrategyFlag.POSTPONE_COMPLETION);
    }

    // ---- REVERT rules

    static Stream<Arguments> revertCases() {
        StrategyCapabilities vitess = BuiltInStrategy.VITESS.capabilities();
        StrategyCapabilities mysql = BuiltInStrategy.MYSQL.capabilities();
        List<PendingMigration> nothingPending = List.of();
        List<PendingMigration> alterPendingOnOrders =
                List.of(new PendingMigration(SECOND, "shop", "orders", MigrationStatus.QUEUED));
        return Stream.of(
                Arguments.of("a completed vitess ALTER, last on its table",
                        DdlAction.ALTER, "vitess", vitess, MigrationStatus.COMPLETE, nothingPending, Optional.of(FIRST),
                        null),
                Arguments.of("a mysql ALTER: the strategy cannot revert",
                        DdlAction.ALTER, "mysql", mysql, MigrationStatus.COMPLETE, nothingPending, Optional.of(FIRST),
                        "can only revert a online strategy migration"),
                Arguments.of("a mysql CREATE: every strategy's CREATE can be reverted",
                        DdlAction.CREATE, "mysql", mysql, MigrationStatus.COMPLETE, nothingPending, Optional.of(FIRST),
                        null),
                Arguments.of("a failed migration",
                        DdlAction.ALTER, "vitess", vitess, MigrationStatus.FAILED, nothingPending, Optional.empty(),
                        "can only revert a migration in a 'complete' state"),
                Arguments.of("another migration pending on the table",
                        DdlAction.ALTER, "vitess", vitess, MigrationStatus.COMPLETE, alterPendingOnOrders,
                        Optional.of(FIRST), "because migration " + SECOND + " is in queued status"),
                Arguments.of("a newer migration completed on the table",
                        DdlAction.ALTER, "vitess", vitess, MigrationStatus.COMPLETE, nothingPending, Optional.of(SECOND),
                        "it is not the last migration to complete on that table"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revertCases")
    void decidesWhetherAMigrationMayBeReverted(String situation, DdlAction action, String strategy,
                                               StrategyCapabilities capabilities, MigrationStatus status,
                                               List<PendingMigration> pending, Optional<MigrationUuid> lastCompleted,
                                               String expectedViolation) {
        RevertCandidate reverted = new RevertCandidate(FIRST, action, strategy, capabilities, status, "orders");

        Optional<RuleViolation> violation = RevertRules.validateRevertible(reverted, REVERT, "shop", pending, lastCompleted);

        if (expectedViolation == null) {
            assertThat(violation).isEmpty();
        } else {
            assertThat(violation).hasValueSatisfying(found -> assertThat(found.message()).contains(expectedViolation));
        }
    }

    // ---- submission rules

    @Test
    void aSingletonSubmissionIsRejectedWhileAnythingIsPending() {
        SubmittedMigration singleton = new SubmittedMigration(SECOND, MigrationContext.of("deploy-2"), true, false);
        List<PendingMigrationContext> pending =
                List.of(new PendingMigrationContext(FIRST, MigrationContext.of("deploy-1"), false, false));

        SubmissionDecision decision = SubmissionRules.decide(singleton, Optional.empty(), pending);

        assertThat(decision).isEqualTo(new SubmissionDecision.Rejected("submitting migration " + SECOND
                + ": singleton migration rejected: found pending migrations [" + FIRST + "]"));
        assertThat(SubmissionRules.decide(singleton, Optional.empty(), List.of()))
                .isEqualTo(new SubmissionDecision.InsertNew());
    }

    @ParameterizedTest(name = "stored {0} in context {1}")
    @CsvSource({
        "failed,    deploy-1, RetryExisting",
        "cancelled, deploy-1, RetryExisting",
        "complete,  deploy-1, AlreadySubmitted",
        "running,   deploy-1, AlreadySubmitted",
        "failed,    deploy-9, Rejected",
    })
    void resubmittingAUuidIsIdempotent(String storedStatus, String storedContext, String decision) {
        SubmittedMigration again = new SubmittedMigration(FIRST, MigrationContext.of("deploy-1"), false, false);
        ExistingMigration stored = new ExistingMigration(
                MigrationStatus.fromWireName(storedStatus), MigrationContext.of(storedContext));

        assertThat(SubmissionRules.decide(again, Optional.of(stored), List.of()).getClass().getSimpleName())
                .isEqualTo(decision);
    }

    // ---- concurrency: may a ready migration start beside a running one?

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // proposed table, proposed action, proposed allows concurrency, running table, running allows, running ready, conflict
        "'same table, whatever the flags',              orders, CREATE, true,  orders,    true,  true,  SameTable",
        "'neither with --allow-concurrent',             audit,  CREATE, false, customers, false, false, NeitherAllowsConcurrency",
        "'a concurrent CREATE beside a copying ALTER',  audit,  CREATE, true,  customers, false, false, ''",
        "'a concurrent ALTER waits for the row copy',   audit,  ALTER,  true,  customers, true,  false, RunningNotReadyToComplete",
        "'a concurrent ALTER once the copy is done',    audit,  ALTER,  true,  customers, true,  true,  ''",
    })
    void decidesWhetherAMigrationMayStartBesideARunningOne(String situation, String table, DdlAction action,
                                                           boolean allowConcurrent, String runningTable,
                                                           boolean runningAllowsConcurrent, boolean runningReady,
                                                           String expectedConflict) {
        OwnedRunningMigration running = new OwnedRunningMigration(FIRST, runningTable, runningAllowsConcurrent, runningReady);
        ReadyMigration proposed = new ReadyMigration(SECOND, table, action, allowConcurrent, false, false);

        Optional<ConflictReason> conflict = ConcurrencyRules.conflictBetween(running, proposed);

        assertThat(conflict.map(reason -> reason.getClass().getSimpleName()).orElse("")).isEqualTo(expectedConflict);
        conflict.ifPresent(reason -> assertThat(reason.runningUuid()).isEqualTo(FIRST));
    }

    @ParameterizedTest(name = "{0} {1} asking --allow-concurrent: stored {2}")
    @CsvSource({
        "vitess, ALTER,  true",
        "mysql,  ALTER,  false",
        "mysql,  CREATE, true",
        "gh-ost, REVERT, true",
    })
    void storesAllowConcurrentOnlyWhereTheStrategyCanHonourIt(String strategy, DdlAction action, boolean stored) {
        StrategyCapabilities capabilities = BuiltInStrategy.byName(strategy).orElseThrow().capabilities();

        assertThat(ConcurrencyRules.allowConcurrentMigration(true, action, capabilities)).isEqualTo(stored);
        assertThat(ConcurrencyRules.allowConcurrentMigration(false, action, capabilities)).isFalse();
    }

    // ---- naming of constraints and artifact tables

    @Test
    void renamesAShadowTablesConstraintDeterministicallyWithinMySqlsLimit() {
        ConstraintNames.GeneratedName renamed = ConstraintNames.newConstraintName(FIRST, "orders",
                ConstraintType.CHECK, "CHECK (`total` >= 0)", "orders_chk_1", Set.of());

        assertThat(renamed.name()).startsWith("chk_1_").hasSize("chk_1_".length() + 25);
        assertThat(renamed.name()).endsWith(renamed.hash());
        assertThat(ConstraintNames.extractOriginalName(renamed.name())).isEqualTo("chk_1");
        // Every shard computes the same name; a second constraint with the same body gets another one.
        assertThat(ConstraintNames.newConstraintName(FIRST, "orders", ConstraintType.CHECK,
                "CHECK (`total` >= 0)", "orders_chk_1", Set.of()))
                .isEqualTo(renamed);
        assertThat(ConstraintNames.newConstraintName(FIRST, "orders", ConstraintType.CHECK,
                "CHECK (`total` >= 0)", "orders_chk_1", Set.of(renamed.hash())).hash())
                .isNotEqualTo(renamed.hash());
    }

    @Test
    void namesTheTableADropHoldsForGarbageCollection() {
        Instant droppedAt = Instant.parse("2023-10-16T12:03:33Z");

        GcTableName held = GcTableName.heldAfterDrop(FIRST, droppedAt, Duration.ofHours(24));

        assertThat(held.name()).isEqualTo("_vt_HOLD_a0638f6bec7b11ea9bf8000d3a9b8a9a_20231017120333");
        assertThat(GcTableName.analyze(held.name())).contains(
                new GcTableName(GcState.HOLD, FIRST.gcForm(), Instant.parse("2023-10-17T12:03:33Z")));
    }

    @ParameterizedTest(name = "{0}: internal {1}")
    @CsvSource({
        "orders,                                                      false",
        "_a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a_20231016120333_vrepl,  true",
        "_orders_old,                                                 true",
        "_vt_PURGE_a0638f6bec7b11ea9bf8000d3a9b8a9a_20231017120333,   true",
        "_vt_HOLD_not_a_gc_table,                                     false",
    })
    void recognisesTablesThatAreNeverMigratedThemselves(String table, boolean internal) {
        assertThat(ArtifactNames.isInternalOperationTableName(table)).isEqualTo(internal);
    }

    @Test
    void namesTheVreplicationShadowTableInTheServersZone() {
        Instant now = Instant.parse("2023-10-15T11:48:30Z");

        assertThat(ArtifactNames.vreplicationShadowTable(FIRST, now, ZoneOffset.ofHours(2)))
                .isEqualTo("_a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a_20231015134830_vrepl");
    }
}
