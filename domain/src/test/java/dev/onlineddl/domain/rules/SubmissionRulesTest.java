package dev.onlineddl.domain.rules;

import static dev.onlineddl.domain.rules.TestUuids.u;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SubmissionRulesTest {

    private static final MigrationContext CTX_A = MigrationContext.of("migrate:ctx");
    private static final MigrationContext CTX_B = MigrationContext.of("rev:ctx");

    private static SubmittedMigration submitted(MigrationContext context, boolean singleton, boolean singletonContext) {
        return new SubmittedMigration(u(100), context, singleton, singletonContext);
    }

    private static PendingMigrationContext pending(int n, MigrationContext context, boolean revert, boolean singletonContext) {
        return new PendingMigrationContext(u(n), context, revert, singletonContext);
    }

    @Test
    void plainSubmissionIgnoresPendingMigrations() {
        List<PendingMigrationContext> busy = List.of(pending(1, CTX_B, false, true));
        assertThat(SubmissionRules.singletonViolation(submitted(CTX_A, false, false), busy)).isEmpty();
        assertThat(SubmissionRules.decide(submitted(CTX_A, false, false), Optional.empty(), busy))
                .isEqualTo(new SubmissionDecision.InsertNew());
    }

    @Test
    void singletonIsAcceptedWhenNothingIsPending() {
        assertThat(SubmissionRules.singletonViolation(submitted(CTX_A, true, false), List.of())).isEmpty();
    }

    @Test
    void singletonIsRejectedByAnyPendingMigrationListingThemAll() {
        List<PendingMigrationContext> pending = List.of(pending(1, CTX_A, false, false), pending(2, CTX_A, true, false));

        assertThat(SubmissionRules.singletonViolation(submitted(CTX_A, true, false), pending))
                .contains(new RuleViolation("singleton migration rejected: found pending migrations "
                        + "[00000000_0000_0000_0000_000000000001, 00000000_0000_0000_0000_000000000002]"));
    }

    @Test
    void singletonWinsOverSingletonContext() {
        // same context would satisfy --singleton-context, but --singleton refuses any pending migration
        List<PendingMigrationContext> pending = List.of(pending(1, CTX_A, false, false));
        assertThat(SubmissionRules.singletonViolation(submitted(CTX_A, true, true), pending))
                .map(RuleViolation::message)
                .contains("singleton migration rejected: found pending migrations [00000000_0000_0000_0000_000000000001]");
    }

    @ParameterizedTest(name = "[{index}] pending in {0} context, revert={1}, its --singleton-context={2} => conflict {3}")
    @CsvSource({
            "same,      false, false, false",
            "same,      true,  true,  false",
            "different, false, false, true",
            "different, false, true,  true",
            // a pending REVERT without --singleton-context lets other contexts through
            "different, true,  false, false",
            "different, true,  true,  true",
    })
    void singletonContextConflicts(String whichContext, boolean pendingIsRevert, boolean pendingSingletonContext,
            boolean expectedConflict) {
        MigrationContext pendingContext = whichContext.equals("same") ? CTX_A : CTX_B;
        PendingMigrationContext other = pending(1, pendingContext, pendingIsRevert, pendingSingletonContext);
        SubmittedMigration submitted = submitted(CTX_A, false, true);

        assertThat(SubmissionRules.conflictsInSingletonContext(submitted, other)).isEqualTo(expectedConflict);
        assertThat(SubmissionRules.singletonViolation(submitted, List.of(other)).isPresent()).isEqualTo(expectedConflict);
    }

    @Test
    void singletonContextNamesTheFirstConflictingPendingMigration() {
        List<PendingMigrationContext> pending = List.of(
                pending(1, CTX_A, false, false),
                pending(2, CTX_B, true, false),
                pending(3, CTX_B, false, false),
                pending(4, MigrationContext.NONE, false, false));

        assertThat(SubmissionRules.singletonViolation(submitted(CTX_A, false, true), pending))
                .contains(new RuleViolation("singleton-context migration rejected: found pending migration: "
                        + "00000000_0000_0000_0000_000000000003 in different context: rev:ctx"));
    }

    @Test
    void newSubmissionRejectionCarriesTheSubmittingPrefix() {
        SubmissionDecision decision = SubmissionRules.decide(submitted(CTX_A, true, false), Optional.empty(),
                List.of(pending(1, CTX_A, false, false)));

        assertThat(decision).isEqualTo(new SubmissionDecision.Rejected(
                "submitting migration 00000000_0000_0000_0000_000000000100: singleton migration rejected: "
                        + "found pending migrations [00000000_0000_0000_0000_000000000001]"));
    }

    @Test
    void resubmissionWithDifferentContextIsRejectedWithVitessSpelling() {
        SubmissionDecision decision = SubmissionRules.decide(submitted(CTX_A, false, false),
                Optional.of(new ExistingMigration(MigrationStatus.FAILED, CTX_B)), List.of());

        assertThat(decision).isEqualTo(new SubmissionDecision.Rejected(
                "migration rejected: found migration 00000000_0000_0000_0000_000000000100 with different context: "
                        + "rev:ctx than submmitted migration's context: migrate:ctx"));
    }

    @ParameterizedTest(name = "resubmission of a {0} migration with the same context")
    @EnumSource(MigrationStatus.class)
    void resubmissionWithSameContextRetriesOnlyFailedOrCancelled(MigrationStatus status) {
        SubmissionDecision decision = SubmissionRules.decide(submitted(CTX_A, false, false),
                Optional.of(new ExistingMigration(status, CTX_A)), List.of());

        SubmissionDecision expected = status == MigrationStatus.FAILED || status == MigrationStatus.CANCELLED
                ? new SubmissionDecision.RetryExisting()
                : new SubmissionDecision.AlreadySubmitted();
        assertThat(decision).isEqualTo(expected);
    }

    @Test
    void resubmissionStillPassesSingletonChecksWithoutThePrefix() {
        SubmissionDecision decision = SubmissionRules.decide(submitted(CTX_A, false, true),
                Optional.of(new ExistingMigration(MigrationStatus.CANCELLED, CTX_A)),
                List.of(pending(7, CTX_B, false, false)));

        assertThat(decision).isEqualTo(new SubmissionDecision.Rejected("singleton-context migration rejected: "
                + "found pending migration: 00000000_0000_0000_0000_000000000007 in different context: rev:ctx"));
    }

    @Test
    void resubmissionWithSingletonContextAndOnlySameContextPendingIsRetried() {
        // spec 9.1: idempotent submission with --singleton-context, cancelled then resubmitted
        SubmissionDecision decision = SubmissionRules.decide(submitted(CTX_A, false, true),
                Optional.of(new ExistingMigration(MigrationStatus.CANCELLED, CTX_A)),
                List.of(pending(5, CTX_A, false, true)));

        assertThat(decision).isEqualTo(new SubmissionDecision.RetryExisting());
    }

    @Test
    void recordsAreBuiltFromRows() {
        Migration row = Migration.builder(u(3)).context(CTX_B).status(MigrationStatus.RUNNING)
                .revertedUuid(u(2).value()).build();

        assertThat(PendingMigrationContext.of(row, true)).isEqualTo(pending(3, CTX_B, true, true));
        assertThat(ExistingMigration.of(row)).isEqualTo(new ExistingMigration(MigrationStatus.RUNNING, CTX_B));
    }
}
