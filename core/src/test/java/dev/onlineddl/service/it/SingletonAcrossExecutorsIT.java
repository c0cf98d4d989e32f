package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.service.OnlineDdl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --singleton} holds across every executor that accepts submissions for a target (an
 * active daemon and its standby both do): the check and the insert run under the target's lock on
 * the server, not under a lock of one JVM.
 */
class SingletonAcrossExecutorsIT extends ExecutorItSupport {

    private static final int SUBMISSIONS = 50;

    private final TestAlterPlugin secondPlugin = new TestAlterPlugin();
    private ExecutorService threads;

    @AfterEach
    void stopThreads() throws InterruptedException {
        if (threads != null) {
            threads.shutdownNow();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }
        secondPlugin.close();
    }

    /** What one submission came to: the UUID it got, or the rejection. */
    private record Outcome(MigrationUuid accepted, InvalidInputException rejected) {
    }

    @Test
    void fiftyConcurrentSingletonSubmissionsSplitBetweenTwoExecutorsAcceptExactlyOne() throws Exception {
        OnlineDdl second = target.executor("executor-2", List.of(secondPlugin, new BuiltInMysqlPlugin()));
        List<OnlineDdl> executors = List.of(executor, second);
        threads = Executors.newFixedThreadPool(SUBMISSIONS);
        CountDownLatch allReady = new CountDownLatch(SUBMISSIONS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            OnlineDdl submitter = executors.get(i % 2);
            // nothing ticks here, so the accepted migration stays queued, pending for every later check
            SubmissionRequest request = SubmissionRequest.of("create table t" + i + " (id int primary key)",
                    "vitess --singleton");
            outcomes.add(threads.submit(() -> {
                allReady.countDown();
                go.await();
                try {
                    return new Outcome(submitter.submitMigration().submit(request).uuids().get(0), null);
                } catch (InvalidInputException e) {
                    return new Outcome(null, e);
                }
            }));
        }
        assertThat(allReady.await(30, TimeUnit.SECONDS)).as("all submitters ready").isTrue();
        go.countDown();

        List<MigrationUuid> accepted = new ArrayList<>();
        List<InvalidInputException> rejected = new ArrayList<>();
        for (Future<Outcome> future : outcomes) {
            Outcome outcome;
            try {
                outcome = future.get(120, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("a submission failed otherwise than by a singleton rejection", e.getCause());
            }
            if (outcome.accepted() != null) {
                accepted.add(outcome.accepted());
            } else {
                rejected.add(outcome.rejected());
            }
        }

        assertThat(accepted).as("accepted singleton submissions").hasSize(1);
        assertThat(rejected).hasSize(SUBMISSIONS - 1).allSatisfy(rejection -> assertThat(rejection)
                .hasMessageContaining("singleton migration rejected: found pending migrations [" + accepted.get(0) + "]"));
        assertThat(target.migrationRows()).hasSize(1);
    }
}
