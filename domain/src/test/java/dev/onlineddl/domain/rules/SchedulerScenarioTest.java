package dev.onlineddl.domain.rules;

import static dev.onlineddl.domain.rules.TestUuids.u;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stories of the Vitess scheduler end-to-end suite (onlineddl_scheduler) replayed through the
 * rules alone: a toy executor ticks schedule → run → review running, as Vitess does, with the
 * "engine" reduced to a readiness switch the story flips.
 */
class SchedulerScenarioTest {

    /** One migration row and its engine, as far as the scheduler cares. */
    private static final class Row {
        final MigrationUuid uuid;
        final String table;
        final DdlAction action;
        final boolean allowConcurrent;
        final boolean immediate;
        final boolean inOrderCompletion;
        boolean postponeCompletion;
        boolean readyToComplete;
        boolean engineReady;
        MigrationStatus status = MigrationStatus.QUEUED;
        int startedAtTick = -1;
        int completedAtTick = -1;

        Row(MigrationUuid uuid, String table, DdlAction action, boolean allowConcurrent, boolean immediate,
                boolean postponeCompletion, boolean inOrderCompletion) {
            this.uuid = uuid;
            this.table = table;
            this.action = action;
            this.allowConcurrent = allowConcurrent;
            this.immediate = immediate;
            this.postponeCompletion = postponeCompletion;
            this.inOrderCompletion = inOrderCompletion;
        }
    }

    /** Ticks like Vitess's onMigrationCheckTick, minus review, staleness and GC. */
    private static final class ToyExecutor {
        private final List<Row> rows = new ArrayList<>();
        private int tick;

        Row submit(String table, DdlAction action, boolean allowConcurrentFlag, boolean postponeCompletion,
                boolean inOrderCompletion) {
            boolean allowConcurrent = ConcurrencyRules.allowConcurrentMigration(
                    allowConcurrentFlag, action, BuiltInStrategy.VITESS.capabilities());
            // CREATE/DROP are immediate; reverts of ALTER TABLE replay through the engine
            Immediacy immediacy = ReviewRules.immediacyAtReview(
                    action == DdlAction.REVERT ? DdlAction.ALTER : action, action == DdlAction.REVERT, false);
            Row row = new Row(u(rows.size() + 1), table, action, allowConcurrent, immediacy.isImmediate(false),
                    postponeCompletion, inOrderCompletion);
            rows.add(row);
            return row;
        }

        void tick() {
            tick++;
            schedule();
            run();
            reviewRunning();
        }

        void ticks(int count) {
            for (int i = 0; i < count; i++) {
                tick();
            }
        }

        void complete(Row row) {
            row.postponeCompletion = false;
        }

        void cancelByUser(Row row) {
            // a user's cancel stamps cancelled_timestamp, so the failure that follows ends cancelled
            row.status = CancelRules.planCancel(row.status, true).match(
                    none -> row.status,
                    failNow -> CancelRules.statusAfterFailure(failNow.stampCancelledTimestamp()),
                    terminate -> CancelRules.statusAfterFailure(terminate.stampCancelledTimestamp()));
        }

        private List<MigrationUuid> pendingInIdOrder() {
            return rows.stream().filter(r -> r.status.isPending()).map(r -> r.uuid).toList();
        }

        private Row row(MigrationUuid uuid) {
            return rows.stream().filter(r -> r.uuid.equals(uuid)).findFirst().orElseThrow();
        }

        private void schedule() {
            ScheduleDecision decision = SchedulingRules.scheduleNext(rows.stream()
                    .filter(r -> r.status == MigrationStatus.QUEUED)
                    .map(r -> new QueuedMigration(r.uuid, false, r.postponeCompletion, r.immediate, r.readyToComplete))
                    .toList());
            decision.markReadyToComplete().forEach(uuid -> row(uuid).readyToComplete = true);
            decision.becomesReady().ifPresent(uuid -> row(uuid).status = MigrationStatus.READY);
        }

        private void run() {
            RunDecision decision = SchedulingRules.selectNextToRun(
                    rows.stream().filter(r -> r.status == MigrationStatus.READY)
                            .map(r -> new ReadyMigration(r.uuid, r.table, r.action, r.allowConcurrent, r.immediate,
                                    r.inOrderCompletion))
                            .toList(),
                    rows.stream().filter(r -> r.status == MigrationStatus.RUNNING)
                            .map(r -> new OwnedRunningMigration(r.uuid, r.table, r.allowConcurrent, r.readyToComplete))
                            .toList(),
                    pendingInIdOrder(), MaxConcurrentMigrations.DEFAULT);
            decision.next().map(this::row).ifPresent(started -> {
                started.startedAtTick = tick;
                // an immediate operation completes within the same tick
                started.status = started.immediate ? MigrationStatus.COMPLETE : MigrationStatus.RUNNING;
                if (started.immediate) {
                    started.completedAtTick = tick;
                }
            });
        }

        private void reviewRunning() {
            List<MigrationUuid> pending = pendingInIdOrder();
            for (Row running : rows.stream().filter(r -> r.status == MigrationStatus.RUNNING).toList()) {
                running.readyToComplete = CompletionRules.readinessToReport(running.engineReady, false, 0);
                CutOverDecision decision = CompletionRules.decideCutOver(new CutOverCandidate(
                        running.uuid, running.readyToComplete, running.postponeCompletion, running.inOrderCompletion), pending);
                if (decision instanceof CutOverDecision.CutOverNow) {
                    running.status = MigrationStatus.COMPLETE;
                    running.completedAtTick = tick;
                }
            }
        }
    }

    @Test
    void twoNonConcurrentAltersRunOneAfterTheOther() {
        ToyExecutor executor = new ToyExecutor();
        Row t1 = executor.submit("t1", DdlAction.ALTER, false, false, false);
        Row t2 = executor.submit("t2", DdlAction.ALTER, false, false, false);

        executor.ticks(3);
        assertThat(t1.status).isEqualTo(MigrationStatus.RUNNING);
        assertThat(t2.status).isEqualTo(MigrationStatus.READY);

        t1.engineReady = true;
        t2.engineReady = true;
        executor.ticks(3);

        assertThat(t1.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(t2.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(t2.startedAtTick).isGreaterThanOrEqualTo(t1.completedAtTick);
    }

    @Test
    void postponedNonConcurrentAltersStaySequentialEvenWhenTheSecondIsCompleted() {
        ToyExecutor executor = new ToyExecutor();
        Row t1 = executor.submit("t1", DdlAction.ALTER, false, true, false);
        Row t2 = executor.submit("t2", DdlAction.ALTER, false, true, false);
        t1.engineReady = true;
        t2.engineReady = true;

        executor.ticks(3);
        executor.complete(t2);
        executor.ticks(3);
        assertThat(t1.status).isEqualTo(MigrationStatus.RUNNING);
        assertThat(t1.readyToComplete).isTrue();
        assertThat(t2.status).isEqualTo(MigrationStatus.READY);

        executor.complete(t1);
        executor.ticks(3);

        assertThat(t1.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(t2.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(t2.completedAtTick).isGreaterThan(t1.completedAtTick);
    }

    @Test
    void concurrentPostponedAltersBothRunAndCompleteInTheOrderTheUserSays() {
        ToyExecutor executor = new ToyExecutor();
        Row t1 = executor.submit("t1", DdlAction.ALTER, true, true, false);
        Row t2 = executor.submit("t2", DdlAction.ALTER, true, true, false);
        assertThat(t1.allowConcurrent).isTrue();
        assertThat(t2.allowConcurrent).isTrue();

        // throttled: t1 copies rows and is not ready to complete, so the second ALTER waits
        executor.ticks(3);
        assertThat(t1.status).isEqualTo(MigrationStatus.RUNNING);
        assertThat(t2.status).isEqualTo(MigrationStatus.READY);

        // unthrottled: t1 catches up, t2 may start beside it
        t1.engineReady = true;
        t2.engineReady = true;
        executor.ticks(2);
        assertThat(t1.status).isEqualTo(MigrationStatus.RUNNING);
        assertThat(t2.status).isEqualTo(MigrationStatus.RUNNING);

        executor.complete(t2);
        executor.tick();
        assertThat(t2.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(t1.status).isEqualTo(MigrationStatus.RUNNING);

        executor.complete(t1);
        executor.tick();
        assertThat(t1.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(t2.completedAtTick).isLessThan(t1.completedAtTick);
    }

    @Test
    void aBlockedReadyDropDoesNotBlockAnotherDrop() {
        ToyExecutor executor = new ToyExecutor();
        Row revertT1 = executor.submit("t1", DdlAction.REVERT, true, true, false);
        revertT1.engineReady = true;
        executor.ticks(2);
        assertThat(revertT1.status).isEqualTo(MigrationStatus.RUNNING);

        Row dropT1 = executor.submit("t1", DdlAction.DROP, true, false, false);
        Row dropT3 = executor.submit("t3", DdlAction.DROP, false, false, false);
        assertThat(dropT3.allowConcurrent).isFalse();
        executor.ticks(4);

        assertThat(dropT3.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(dropT1.status).isEqualTo(MigrationStatus.READY);
        assertThat(dropT1.readyToComplete).isTrue();

        executor.cancelByUser(dropT1);
        assertThat(dropT1.status).isEqualTo(MigrationStatus.CANCELLED);

        executor.complete(revertT1);
        executor.tick();
        assertThat(revertT1.status).isEqualTo(MigrationStatus.COMPLETE);
    }

    @Test
    void postponedDropStaysQueuedUntilCompletedThenRuns() {
        ToyExecutor executor = new ToyExecutor();
        Row drop4 = executor.submit("t4", DdlAction.DROP, true, true, false);

        executor.ticks(3);
        assertThat(drop4.status).isEqualTo(MigrationStatus.QUEUED);
        assertThat(drop4.readyToComplete).isTrue();

        executor.complete(drop4);
        executor.tick();
        assertThat(drop4.status).isEqualTo(MigrationStatus.COMPLETE);
    }

    @Test
    void inOrderCompletionDropsCompleteInSubmissionOrder() {
        ToyExecutor executor = new ToyExecutor();
        List<Row> drops = new ArrayList<>();
        for (String table : List.of("t1", "t2", "v1", "v2")) {
            drops.add(executor.submit(table, DdlAction.DROP, true, false, true));
        }

        executor.ticks(8);

        assertThat(drops).allSatisfy(drop -> assertThat(drop.status).isEqualTo(MigrationStatus.COMPLETE));
        for (int i = 1; i < drops.size(); i++) {
            assertThat(drops.get(i).completedAtTick).isGreaterThanOrEqualTo(drops.get(i - 1).completedAtTick);
        }
    }

    @Test
    void inOrderCompletionHoldsAnImmediateOperationBehindARunningAlter() {
        ToyExecutor executor = new ToyExecutor();
        Row alter = executor.submit("t1", DdlAction.ALTER, true, true, true);
        Row createView = executor.submit("v1", DdlAction.CREATE, true, false, true);
        alter.engineReady = true;

        executor.ticks(4);
        assertThat(alter.status).isEqualTo(MigrationStatus.RUNNING);
        assertThat(createView.status).isEqualTo(MigrationStatus.READY);

        executor.complete(alter);
        executor.ticks(2);
        assertThat(alter.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(createView.status).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(createView.completedAtTick).isGreaterThan(alter.completedAtTick);
    }

    @Test
    void aSingletonIsRefusedWhileAnythingIsPending() {
        ToyExecutor executor = new ToyExecutor();
        Row running = executor.submit("stress_test", DdlAction.ALTER, false, true, false);
        executor.ticks(2);

        SubmissionDecision decision = SubmissionRules.decide(
                new SubmittedMigration(u(99), MigrationContext.NONE, true, false),
                Optional.empty(),
                executor.pendingInIdOrder().stream()
                        .map(uuid -> new PendingMigrationContext(uuid, MigrationContext.NONE, false, false))
                        .toList());

        assertThat(decision).isInstanceOf(SubmissionDecision.Rejected.class);
        assertThat(((SubmissionDecision.Rejected) decision).message()).contains("rejected").contains(running.uuid.value());
    }
}
