package dev.onlineddl.adapter.mysql.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.rules.PendingMigration;
import dev.onlineddl.domain.rules.QueuedMigration;
import dev.onlineddl.port.out.CompletedMigration;
import dev.onlineddl.port.out.RunningMigration;
import dev.onlineddl.port.out.UncollectedArtifacts;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vitess's scheduler selects. Rows are set up with plain SQL; each store has a target of
 * its own, so a test sees only the rows it made.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationStoreSelectsIT {

    private StoreFixture fixture;

    @BeforeAll
    void createControlSchema(TestDatabase db) throws Exception {
        fixture = StoreFixture.create(db);
    }

    private MigrationUuid migrationWithStatus(JooqMigrationStore store, String table, String status) {
        MigrationUuid uuid = fixture.submit(store, table);
        fixture.given(uuid, "migration_status = ?", status);
        return uuid;
    }

    @Test
    void pendingMigrationsAreQueuedReadyAndRunningInSubmissionOrder() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid running = migrationWithStatus(store, "t1", "running");
        migrationWithStatus(store, "t2", "complete");
        MigrationUuid queued = migrationWithStatus(store, "t3", "queued");
        migrationWithStatus(store, "t4", "failed");
        MigrationUuid ready = migrationWithStatus(store, "t5", "ready");
        migrationWithStatus(store, "t6", "cancelled");

        List<PendingMigration> pending = store.pendingMigrations();

        String keyspace = store.target().keyspace();
        assertThat(pending).containsExactly(
                new PendingMigration(running, keyspace, "t1", MigrationStatus.RUNNING),
                new PendingMigration(queued, keyspace, "t3", MigrationStatus.QUEUED),
                new PendingMigration(ready, keyspace, "t5", MigrationStatus.READY));
    }

    @Test
    void queuedUnreviewedMigrationsAreQueuedWithoutReviewTimestampInSubmissionOrder() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid first = fixture.submit(store, "a");
        MigrationUuid reviewed = fixture.submit(store, "b");
        fixture.given(reviewed, "reviewed_timestamp = NOW()");
        MigrationUuid readyUnreviewed = migrationWithStatus(store, "c", "ready");
        MigrationUuid last = fixture.submit(store, "d");

        assertThat(store.queuedUnreviewedMigrations()).containsExactly(first, last)
                .doesNotContain(reviewed, readyUnreviewed);
    }

    @Test
    void queuedReviewedMigrationsCarryWhatSchedulingNeeds() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid unreviewed = fixture.submit(store, "a");
        MigrationUuid plain = fixture.submit(store, "b");
        fixture.given(plain, "reviewed_timestamp = NOW(), postpone_completion = 0");
        MigrationUuid special = fixture.submit(store, "c");
        fixture.given(special, "reviewed_timestamp = NOW(), is_immediate_operation = 1, postpone_launch = 1,"
                + " postpone_completion = 1, ready_to_complete = 1");
        MigrationUuid launchOnly = fixture.submit(store, "d");
        fixture.given(launchOnly, "reviewed_timestamp = NOW(), postpone_launch = 1, postpone_completion = 0");
        MigrationUuid reviewedButRunning = migrationWithStatus(store, "e", "running");
        fixture.given(reviewedButRunning, "reviewed_timestamp = NOW()");

        List<QueuedMigration> queued = store.queuedReviewedMigrations();

        assertThat(queued).containsExactly(
                new QueuedMigration(plain, false, false, false, false),
                new QueuedMigration(special, true, true, true, true),
                new QueuedMigration(launchOnly, true, false, false, false));
        assertThat(queued).extracting(QueuedMigration::uuid).doesNotContain(unreviewed);
    }

    @Test
    void readyMigrationsInSubmissionOrder() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid first = migrationWithStatus(store, "a", "ready");
        migrationWithStatus(store, "b", "queued");
        migrationWithStatus(store, "c", "running");
        MigrationUuid second = migrationWithStatus(store, "d", "ready");

        assertThat(store.readyMigrations()).containsExactly(first, second);
    }

    @Test
    void runningMigrationsWithSecondsSinceStart() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid started = migrationWithStatus(store, "a", "running");
        fixture.given(started, "started_timestamp = NOW() - INTERVAL 100 SECOND, postpone_completion = 1,"
                + " stowaway_table = 'stowed'");
        MigrationUuid neverStarted = migrationWithStatus(store, "b", "running");
        fixture.given(neverStarted, "postpone_completion = 0");
        migrationWithStatus(store, "c", "ready");

        List<RunningMigration> running = store.runningMigrations();

        assertThat(running).extracting(RunningMigration::uuid).containsExactlyInAnyOrder(started, neverStarted);
        RunningMigration first = running.stream().filter(m -> m.uuid().equals(started)).findFirst().orElseThrow();
        assertThat(first.postponeCompletion()).isTrue();
        assertThat(first.stowawayTable()).isEqualTo("stowed");
        // a slow machine may take a few seconds between set-up and select
        assertThat(first.elapsedSeconds()).isBetween(100L, 130L);
        RunningMigration second = running.stream().filter(m -> m.uuid().equals(neverStarted)).findFirst().orElseThrow();
        assertThat(second).isEqualTo(new RunningMigration(neverStarted, false, "", 0));
    }

    @Test
    void staleMigrationsAreRunningWithoutLivenessForLongerThanTheLimit() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid stale = migrationWithStatus(store, "a", "running");
        fixture.given(stale, "liveness_timestamp = NOW() - INTERVAL 181 MINUTE");
        MigrationUuid alive = migrationWithStatus(store, "b", "running");
        fixture.given(alive, "liveness_timestamp = NOW() - INTERVAL 179 MINUTE");
        MigrationUuid staleButFailed = migrationWithStatus(store, "c", "failed");
        fixture.given(staleButFailed, "liveness_timestamp = NOW() - INTERVAL 500 MINUTE");

        assertThat(store.staleMigrations(Duration.ofMinutes(180))).containsExactly(stale);
        assertThat(store.staleMigrations(Duration.ofMinutes(170))).containsExactly(stale, alive);
    }

    @Test
    void lastCompleteMigrationOnTableIsTheMostRecentlyCompletedOne() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid older = migrationWithStatus(store, "orders", "complete");
        fixture.given(older, "completed_timestamp = NOW(6) - INTERVAL 2 HOUR, strategy = 'gh-ost'");
        MigrationUuid latest = migrationWithStatus(store, "orders", "complete");
        fixture.given(latest, "completed_timestamp = NOW(6) - INTERVAL 1 HOUR, strategy = 'online'");
        MigrationUuid submittedEarlierCompletedLater = migrationWithStatus(store, "orders", "failed");
        fixture.given(submittedEarlierCompletedLater, "completed_timestamp = NOW(6)");
        MigrationUuid otherTable = migrationWithStatus(store, "items", "complete");
        fixture.given(otherTable, "completed_timestamp = NOW(6)");

        assertThat(store.lastCompleteMigrationOnTable("orders")).contains(new CompletedMigration(latest, "online"));
        assertThat(store.lastCompleteMigrationOnTable("customers")).isEmpty();
    }

    @Test
    void completeMigrationByContextAndStatementMatchesBothExactly() {
        JooqMigrationStore store = fixture.newStore();
        String statement = "alter table `t` add column `c` int";
        MigrationUuid done = fixture.submit(store, fixture.alter(store, "t")
                .context(MigrationContext.of("ctx-1")).migrationStatement(statement).build());
        fixture.given(done, "migration_status = 'complete'");
        MigrationUuid notDone = fixture.submit(store, fixture.alter(store, "t")
                .context(MigrationContext.of("ctx-2")).migrationStatement(statement).build());
        fixture.given(notDone, "migration_status = 'failed'");
        MigrationUuid noContext = fixture.submit(store, fixture.alter(store, "t").migrationStatement(statement).build());
        fixture.given(noContext, "migration_status = 'complete'");

        assertThat(store.completeMigrationByContextAndStatement(MigrationContext.of("ctx-1"), statement))
                .contains(new CompletedMigration(done, "vitess"));
        assertThat(store.completeMigrationByContextAndStatement(MigrationContext.of("ctx-1"), statement.toUpperCase()))
                .isEmpty();
        assertThat(store.completeMigrationByContextAndStatement(MigrationContext.of("ctx-2"), statement)).isEmpty();
        assertThat(store.completeMigrationByContextAndStatement(MigrationContext.NONE, statement)).isEmpty();
    }

    /**
     * Retention: the row's own seconds, 0 = the default passed in (here 1 hour), -1 = now.
     * Completed how long ago (minutes) decides together with the retention.
     */
    @ParameterizedTest(name = "{0}, retain {1}s, completed {2} min ago, cleaned {3} -> due {4}")
    @CsvSource({
            "complete,     0,   59, false, false",
            "complete,     0,   61, false, true",
            "failed,       0,   61, false, true",
            "complete,  7200,   61, false, false",
            "complete,  7200,  121, false, true",
            "complete,    -1,    0, false, true",
            "failed,      -1,    0, false, true",
            "complete,    -1,    0, true,  false",
            "cancelled,   -1,   61, false, false",
            "running,     -1,   61, false, false",
    })
    void uncollectedArtifactsFollowRetention(String status, long retainSeconds, int completedMinutesAgo,
            boolean cleanedUp, boolean due) {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid uuid = migrationWithStatus(store, "t", status);
        fixture.given(uuid, "retain_artifacts_seconds = ?, completed_timestamp = NOW(6) - INTERVAL ? MINUTE,"
                        + " cleanup_timestamp = IF(?, NOW(), NULL), artifacts = '_vt_HOLD_x,', log_path = 'h:/logs'",
                retainSeconds, completedMinutesAgo, cleanedUp);

        List<UncollectedArtifacts> uncollected = store.uncollectedArtifacts(Duration.ofHours(1));

        if (due) {
            assertThat(uncollected).containsExactly(new UncollectedArtifacts(uuid, "_vt_HOLD_x,", "h:/logs"));
        } else {
            assertThat(uncollected).isEmpty();
        }
    }
}
