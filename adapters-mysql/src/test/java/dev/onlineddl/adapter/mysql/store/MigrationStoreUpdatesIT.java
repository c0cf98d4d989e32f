package dev.onlineddl.adapter.mysql.store;

import static dev.onlineddl.adapter.mysql.store.StoreFixture.decimal;
import static dev.onlineddl.adapter.mysql.store.StoreFixture.number;
import static dev.onlineddl.adapter.mysql.store.StoreFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.MigrationTimestamp;
import dev.onlineddl.port.out.SchemaAnalysis;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vitess's update statements, each checked by reading the row with plain JDBC. */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationStoreUpdatesIT {

    private StoreFixture fixture;
    private JooqMigrationStore store;

    @BeforeAll
    void createControlSchema(TestDatabase db) throws Exception {
        fixture = StoreFixture.create(db);
        store = fixture.newStore();
    }

    private MigrationUuid submitted() {
        return fixture.submit(store, "t");
    }

    private Map<String, Object> row(MigrationUuid uuid) {
        return fixture.existingRow(uuid);
    }

    // ------------------------------------------------------------------ status and timestamps

    @ParameterizedTest
    @EnumSource(MigrationStatus.class)
    void updateMigrationStatus(MigrationStatus status) {
        MigrationUuid uuid = submitted();

        store.updateStatus(uuid, status);

        assertThat(row(uuid)).containsEntry("migration_status", status.wireName());
    }

    @ParameterizedTest(name = "cancelled_timestamp set: {0} -> {1}")
    @CsvSource({"true, cancelled", "false, failed"})
    void updateMigrationStatusFailedOrCancelled(boolean userCancelled, String expectedStatus) {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "migration_status = 'running', cancelled_timestamp = IF(?, NOW(), NULL)", userCancelled);

        store.updateStatusFailedOrCancelled(uuid);

        assertThat(row(uuid)).containsEntry("migration_status", expectedStatus);
    }

    @ParameterizedTest
    @EnumSource(MigrationTimestamp.class)
    void updateMigrationTimestampSetsTheNamedColumnToNowWithMicroseconds(MigrationTimestamp timestamp) {
        String column = switch (timestamp) {
            case READY -> "ready_timestamp";
            case LIVENESS -> "liveness_timestamp";
            case COMPLETED -> "completed_timestamp";
            case CANCELLED -> "cancelled_timestamp";
            case CLEANUP -> "cleanup_timestamp";
            case REVIEWED -> "reviewed_timestamp";
        };
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "`" + column + "` = NOW() - INTERVAL 1 DAY");

        store.markTimestamp(uuid, timestamp);

        assertThat(fixture.microsAgo(uuid, column)).as(column).isBetween(0L, 60_000_000L);
        // the other named timestamps are untouched
        for (String other : new String[] {"ready_timestamp", "liveness_timestamp", "completed_timestamp",
                "cancelled_timestamp", "cleanup_timestamp", "reviewed_timestamp"}) {
            if (!other.equals(column)) {
                assertThat(row(uuid).get(other)).as(other).isNull();
            }
        }
    }

    @Test
    void updateMigrationStartedTimestampSetsStartedAndLivenessOnlyIfUnset() {
        MigrationUuid fresh = submitted();
        MigrationUuid startedBefore = submitted();
        fixture.given(startedBefore, "started_timestamp = NOW() - INTERVAL 1 HOUR");

        store.markStarted(fresh);
        store.markStarted(startedBefore);

        assertThat(fixture.microsAgo(fresh, "started_timestamp")).isBetween(0L, 60_000_000L);
        assertThat(fixture.microsAgo(fresh, "liveness_timestamp")).isBetween(0L, 60_000_000L);
        assertThat(fixture.microsAgo(startedBefore, "started_timestamp")).isGreaterThanOrEqualTo(3_600_000_000L);
        assertThat(fixture.microsAgo(startedBefore, "liveness_timestamp")).isBetween(0L, 60_000_000L);
    }

    @Test
    void retryMigrationRequeuesFailedAndResetsExactlyVitessColumns() {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "migration_status = 'failed', tablet = 'old-executor', retries = 2, tablet_failure = 1,"
                + " message = 'boom', stage = 'cut-over', cutover_attempts = 4, ready_timestamp = NOW(),"
                + " started_timestamp = NOW(), liveness_timestamp = NOW(), cancelled_timestamp = NOW(),"
                + " completed_timestamp = NOW(), cleanup_timestamp = NOW(), reviewed_timestamp = NOW(),"
                + " artifacts = 'a,', ready_to_complete = 1, is_immediate_operation = 1, progress = 50");

        boolean retried = store.retryMigration(uuid, "new-executor");

        assertThat(retried).isTrue();
        Map<String, Object> row = row(uuid);
        assertThat(row).containsEntry("migration_status", "queued")
                .containsEntry("tablet", "new-executor")
                .containsEntry("message", "")
                .containsEntry("stage", "");
        assertThat(number(row, "retries")).isEqualTo(3);
        assertThat(number(row, "tablet_failure")).isZero();
        assertThat(number(row, "cutover_attempts")).isZero();
        for (String reset : new String[] {"ready_timestamp", "started_timestamp", "liveness_timestamp",
                "cancelled_timestamp", "completed_timestamp", "cleanup_timestamp"}) {
            assertThat(row.get(reset)).as(reset).isNull();
        }
        // not reset by Vitess
        assertThat(row.get("reviewed_timestamp")).isNotNull();
        assertThat(row).containsEntry("artifacts", "a,");
        assertThat(number(row, "ready_to_complete")).isEqualTo(1);
        assertThat(number(row, "is_immediate_operation")).isEqualTo(1);
        assertThat(decimal(row, "progress")).isEqualTo(50.0);
    }

    @ParameterizedTest(name = "{0}: retried {1}")
    @CsvSource({"failed, true", "cancelled, true", "queued, false", "ready, false", "running, false", "complete, false"})
    void retryMigrationOnlyRetriesFailedOrCancelled(String status, boolean expectRetried) {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "migration_status = ?, retries = 0", status);

        boolean retried = store.retryMigration(uuid, "executor-2");

        assertThat(retried).isEqualTo(expectRetried);
        assertThat(row(uuid)).containsEntry("migration_status", expectRetried ? "queued" : status);
        assertThat(number(row(uuid), "retries")).isEqualTo(expectRetried ? 1 : 0);
    }

    @Test
    void retryMigrationWhereTabletFailureRequeuesOneNeverRetriedExecutorFailurePerCall() {
        JooqMigrationStore own = fixture.newStore();
        MigrationUuid retriedBefore = fixture.submit(own, "a");
        fixture.given(retriedBefore, "migration_status = 'failed', tablet_failure = 1, retries = 1");
        MigrationUuid plainFailure = fixture.submit(own, "b");
        fixture.given(plainFailure, "migration_status = 'failed', tablet_failure = 0");
        MigrationUuid cancelledWithFailure = fixture.submit(own, "c");
        fixture.given(cancelledWithFailure, "migration_status = 'cancelled', tablet_failure = 1");
        MigrationUuid first = fixture.submit(own, "d");
        fixture.given(first, "migration_status = 'failed', tablet_failure = 1, message = 'executor went away'");
        MigrationUuid second = fixture.submit(own, "e");
        fixture.given(second, "migration_status = 'failed', tablet_failure = 1");

        assertThat(own.retryTabletFailureMigration("executor-9")).contains(first);
        assertThat(row(first)).containsEntry("migration_status", "queued").containsEntry("tablet", "executor-9")
                .containsEntry("message", "");
        assertThat(number(row(first), "tablet_failure")).isZero();
        assertThat(number(row(first), "retries")).isEqualTo(1);
        assertThat(row(second)).containsEntry("migration_status", "failed");

        assertThat(own.retryTabletFailureMigration("executor-9")).contains(second);
        assertThat(row(second)).containsEntry("migration_status", "queued");

        assertThat(own.retryTabletFailureMigration("executor-9")).isEmpty();
        assertThat(row(retriedBefore)).containsEntry("migration_status", "failed");
        assertThat(row(plainFailure)).containsEntry("migration_status", "failed");
        assertThat(row(cancelledWithFailure)).containsEntry("migration_status", "cancelled");
    }

    @Test
    void fixCompletedTimestampStampsOnlyFailedUncleanedRowsWithoutIt() {
        JooqMigrationStore own = fixture.newStore();
        MigrationUuid broken = fixture.submit(own, "a");
        fixture.given(broken, "migration_status = 'failed'");
        MigrationUuid cleaned = fixture.submit(own, "b");
        fixture.given(cleaned, "migration_status = 'failed', cleanup_timestamp = NOW()");
        MigrationUuid complete = fixture.submit(own, "c");
        fixture.given(complete, "migration_status = 'complete'");
        MigrationUuid alreadyStamped = fixture.submit(own, "d");
        fixture.given(alreadyStamped, "migration_status = 'failed', completed_timestamp = NOW(6) - INTERVAL 1 DAY");

        int fixed = own.fixCompletedTimestampOfFailedMigrations();

        assertThat(fixed).isEqualTo(1);
        assertThat(fixture.microsAgo(broken, "completed_timestamp")).isBetween(0L, 60_000_000L);
        assertThat(row(cleaned).get("completed_timestamp")).isNull();
        assertThat(row(complete).get("completed_timestamp")).isNull();
        assertThat(fixture.microsAgo(alreadyStamped, "completed_timestamp")).isGreaterThan(86_000_000_000L);
    }

    // ------------------------------------------------------------------ progress

    private MigrationUuid running() {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "migration_status = 'running'");
        return uuid;
    }

    @ParameterizedTest(name = "progress {0} -> stored {1}")
    @CsvSource({"42.5, 42.5", "100, 100", "0, 7", "-3, 7"})
    void updateMigrationProgressWritesOnlyPositiveValues(double progress, double stored) {
        MigrationUuid uuid = running();
        fixture.given(uuid, "progress = 7");

        store.updateProgress(uuid, progress);

        assertThat(decimal(row(uuid), "progress")).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{1} of {0} rows copied -> progress {2}")
    @CsvSource({"0, 0, 100", "0, 50, 100", "1000, 250, 25", "1000, 0, 0", "1000, 2000, 100", "3, 1, 33.333332"})
    void updateMigrationProgressByRowsCopied(long tableRows, long rowsCopied, double expectedProgress) {
        MigrationUuid uuid = running();
        fixture.given(uuid, "table_rows = ?, rows_copied = 5", tableRows);

        store.updateProgressByRowsCopied(uuid, rowsCopied);

        assertThat(decimal(row(uuid), "progress")).isCloseTo(expectedProgress, within(0.0001));
        // only progress is written; rows_copied has its own update
        assertThat(number(row(uuid), "rows_copied")).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0, 3600})
    void updateMigrationEtaSeconds(long eta) {
        MigrationUuid uuid = running();
        fixture.given(uuid, "eta_seconds = 12345");

        store.updateEtaSeconds(uuid, eta);

        assertThat(number(row(uuid), "eta_seconds")).isEqualTo(eta);
    }

    @ParameterizedTest(name = "progress {0}, table rows {1}, started {2}s ago -> ETA {3}..{4}")
    @CsvSource({
            "0,   1000, 100,  -1,  -1",
            "50,     0, 100,   0,   0",
            "25,  1000, 100, 300, 330",
            "100, 1000, 100,   0,   0",
    })
    void updateMigrationEtaSecondsByProgress(double progress, long tableRows, int startedSecondsAgo,
            long minEta, long maxEta) {
        MigrationUuid uuid = running();
        fixture.given(uuid, "progress = ?, table_rows = ?, started_timestamp = NOW() - INTERVAL ? SECOND",
                progress, tableRows, startedSecondsAgo);

        store.updateEtaSecondsByProgress(uuid);

        // elapsed × (100/progress − 1); a slow machine may add a few seconds to "elapsed"
        assertThat(number(row(uuid), "eta_seconds")).isBetween(minEta, maxEta);
    }

    @ParameterizedTest(name = "rows copied {0} -> stored {1}")
    @CsvSource({"1234, 1234", "0, 77", "-5, 77"})
    void updateMigrationRowsCopiedWritesOnlyPositiveValues(long rowsCopied, long stored) {
        MigrationUuid uuid = running();
        fixture.given(uuid, "rows_copied = 77");

        store.updateRowsCopied(uuid, rowsCopied);

        assertThat(number(row(uuid), "rows_copied")).isEqualTo(stored);
    }

    /** The five probe writes, each as the tick calls it with a late probe's figures. */
    enum ProbeWrite {
        PROGRESS((store, uuid) -> store.updateProgress(uuid, 97)),
        PROGRESS_BY_ROWS_COPIED((store, uuid) -> store.updateProgressByRowsCopied(uuid, 970)),
        ETA_SECONDS((store, uuid) -> store.updateEtaSeconds(uuid, 30)),
        ETA_SECONDS_BY_PROGRESS((store, uuid) -> store.updateEtaSecondsByProgress(uuid)),
        ROWS_COPIED((store, uuid) -> store.updateRowsCopied(uuid, 970));

        private final BiConsumer<JooqMigrationStore, MigrationUuid> write;

        ProbeWrite(BiConsumer<JooqMigrationStore, MigrationUuid> write) {
            this.write = write;
        }
    }

    /**
     * Figures every probe write would change (each write's value differs from these), so that
     * "nothing changed" can only mean "nothing written".
     */
    private static final String FIGURES_A_PROBE_WOULD_CHANGE =
            "progress = 60, eta_seconds = 40, rows_copied = 600, table_rows = 1000,"
                    + " started_timestamp = NOW() - INTERVAL 100 SECOND";

    @ParameterizedTest(name = "{0} on a {1} migration changes nothing")
    @MethodSource("probeWritesOnRowsThatAreNotRunning")
    void probeWritesLeaveAMigrationThatIsNotRunningAsItIs(ProbeWrite write, MigrationStatus status) {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, FIGURES_A_PROBE_WOULD_CHANGE + ", migration_status = ?", status.wireName());
        Map<String, Object> before = row(uuid);

        write.write.accept(store, uuid);

        assertThat(row(uuid)).isEqualTo(before);
    }

    static Stream<Arguments> probeWritesOnRowsThatAreNotRunning() {
        return Arrays.stream(ProbeWrite.values()).flatMap(write -> Arrays
                .stream(MigrationStatus.values())
                .filter(status -> status != MigrationStatus.RUNNING)
                .map(status -> Arguments.of(write, status)));
    }

    @ParameterizedTest(name = "{0} on a running migration writes")
    @EnumSource(ProbeWrite.class)
    void probeWritesChangeARunningMigration(ProbeWrite write) {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, FIGURES_A_PROBE_WOULD_CHANGE + ", migration_status = 'running'");
        Map<String, Object> before = row(uuid);

        write.write.accept(store, uuid);

        assertThat(row(uuid)).isNotEqualTo(before);
    }

    @ParameterizedTest(name = "{0}: reported progress {1}, ETA {2}, rows {3} -> stored {4}, {5}, {6}")
    @CsvSource({
            "complete,  100, 0,  1000, 100, 0,  1000",
            "complete,  100, 0,     0, 100, 0,   970",
            "failed,      0, -1,    0,  97, -1,  970",
            "running,  42.5, 60,  425, 42.5, 60, 425",
            "ready,       0, -1,    0,  97, -1,  970",
    })
    void updateReportedProgressWritesTheReportsFiguresWhateverTheStatus(String status, double progress,
            long eta, long rowsCopied, double storedProgress, long storedEta, long storedRows) {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "migration_status = ?, progress = 97, eta_seconds = 3, rows_copied = 970", status);

        store.updateReportedProgress(uuid, progress, eta, rowsCopied);

        assertThat(decimal(row(uuid), "progress")).isEqualTo(storedProgress);
        assertThat(number(row(uuid), "eta_seconds")).isEqualTo(storedEta);
        assertThat(number(row(uuid), "rows_copied")).isEqualTo(storedRows);
    }

    @Test
    void updateMigrationTableRows() {
        MigrationUuid uuid = submitted();

        store.updateTableRows(uuid, 987_654_321L);

        assertThat(number(row(uuid), "table_rows")).isEqualTo(987_654_321L);
    }

    @Test
    void updateMigrationVitessLivenessIndicator() {
        MigrationUuid uuid = submitted();

        store.updateLivenessIndicator(uuid, 1_712_345_678L);

        assertThat(number(row(uuid), "vitess_liveness_indicator")).isEqualTo(1_712_345_678L);
    }

    @Test
    void updateStage() {
        MigrationUuid uuid = submitted();

        store.updateStage(uuid, "waiting for post-sentry pos: 1-2-3");

        assertThat(row(uuid)).containsEntry("stage", "waiting for post-sentry pos: 1-2-3");
    }

    @Test
    void updateMessageKeepsAShortMessageAsIs() {
        MigrationUuid uuid = submitted();

        store.updateMessage(uuid, "duplicate DDL as x for migration context y — ✓ 🚀");

        assertThat(row(uuid)).containsEntry("message", "duplicate DDL as x for migration context y — ✓ 🚀");
    }

    @Test
    void updateMessageCutsTo16383BytesOfValidUtf8AndReplacesInvalidText() {
        MigrationUuid uuid = submitted();
        // 3-byte characters: 16383 is divisible by 3, so add one ASCII byte to force a cut inside a character
        String longMessage = "x" + "€".repeat(6000) + "\uD800 after a lone surrogate";

        store.updateMessage(uuid, longMessage);

        String stored = text(row(uuid), "message");
        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(16383).isGreaterThan(16383 - 3);
        assertThat(stored).startsWith("x€€").doesNotContain("\uD800");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(stored);

        store.updateMessage(uuid, "bad \uDC00 surrogate");
        assertThat(row(uuid)).containsEntry("message", "bad \uFFFD surrogate");
    }

    @Test
    void incrementCutoverAttempts() {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "cutover_attempts = 2");

        store.incrementCutoverAttempts(uuid);

        assertThat(number(row(uuid), "cutover_attempts")).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"true, 1", "false, 0"})
    void updateMigrationReadyToComplete(boolean ready, int stored) {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "ready_to_complete = 1 - ?", stored);

        store.updateReadyToComplete(uuid, ready);

        assertThat(number(row(uuid), "ready_to_complete")).isEqualTo(stored);
    }

    @Test
    void updateMigrationStowawayTable() {
        MigrationUuid uuid = submitted();

        store.updateStowawayTable(uuid, "_vt_HOLD_stowed_20240101000000");
        assertThat(row(uuid)).containsEntry("stowaway_table", "_vt_HOLD_stowed_20240101000000");

        store.updateStowawayTable(uuid, "");
        assertThat(row(uuid)).containsEntry("stowaway_table", "");
    }

    @Test
    void updateMigrationUserThrottleRatio() {
        MigrationUuid uuid = submitted();

        store.updateUserThrottleRatio(uuid, 0.75);

        assertThat(decimal(row(uuid), "user_throttle_ratio")).isEqualTo(0.75);
    }

    @Test
    void updateLastThrottled() {
        MigrationUuid uuid = submitted();

        store.updateLastThrottled(uuid, Instant.parse("2024-03-04T05:06:07.890Z"), "vstreamer");

        Map<String, Object> row = fixture.queryRow("SELECT UNIX_TIMESTAMP(last_throttled_timestamp) AS at,"
                + " component_throttled FROM " + fixture.table() + " WHERE migration_uuid = ?", uuid.value()).orElseThrow();
        assertThat(number(row, "at")).isEqualTo(Instant.parse("2024-03-04T05:06:07Z").getEpochSecond());
        assertThat(row).containsEntry("component_throttled", "vstreamer");
    }

    // ------------------------------------------------------------------ what the migration is

    @ParameterizedTest
    @EnumSource(DdlAction.class)
    void updateDdlAction(DdlAction action) {
        MigrationUuid uuid = fixture.submit(store, fixture.alter(store, "t").ddlAction(null).build());

        store.updateDdlAction(uuid, action);

        assertThat(row(uuid)).containsEntry("ddl_action", action.wireName());
    }

    @Test
    void updateMySqlTable() {
        MigrationUuid uuid = fixture.submit(store, fixture.alter(store, "").ddlAction(DdlAction.REVERT).build());

        store.updateMysqlTable(uuid, "reverted_table");

        assertThat(row(uuid)).containsEntry("mysql_table", "reverted_table");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void updateMigrationIsView(boolean view) {
        MigrationUuid uuid = fixture.submit(store, fixture.alter(store, "v").view(!view).build());

        store.updateIsView(uuid, view);

        assertThat(number(row(uuid), "is_view")).isEqualTo(view ? 1 : 0);
    }

    @Test
    void updateMigrationSetImmediateOperation() {
        MigrationUuid uuid = submitted();

        store.markImmediateOperation(uuid);

        assertThat(number(row(uuid), "is_immediate_operation")).isEqualTo(1);
    }

    @Test
    void updateSpecialPlan() {
        MigrationUuid uuid = submitted();

        store.updateSpecialPlan(uuid, "{\"operation\":\"drop-range-partition\",\"details\":\"p1\"}");

        assertThat(row(uuid)).containsEntry("special_plan", "{\"operation\":\"drop-range-partition\",\"details\":\"p1\"}");
    }

    @Test
    void updateSchemaAnalysis() {
        MigrationUuid uuid = submitted();

        store.updateSchemaAnalysis(uuid, new SchemaAnalysis(1, 2, "`uk1`,`uk2`", "`c1`", "`c2`,`c3`",
                "column c1 dropped\ncolumn c2 expanded"));

        Map<String, Object> row = row(uuid);
        assertThat(number(row, "added_unique_keys")).isEqualTo(1);
        assertThat(number(row, "removed_unique_keys")).isEqualTo(2);
        assertThat(row).containsEntry("removed_unique_key_names", "`uk1`,`uk2`")
                .containsEntry("dropped_no_default_column_names", "`c1`")
                .containsEntry("expanded_column_names", "`c2`,`c3`")
                .containsEntry("revertible_notes", "column c1 dropped\ncolumn c2 expanded");
    }

    // ------------------------------------------------------------------ ownership, controls

    @Test
    void updateTablet() {
        MigrationUuid uuid = submitted();

        store.updateExecutor(uuid, "zone1-0000000101");

        assertThat(row(uuid)).containsEntry("tablet", "zone1-0000000101");
    }

    @Test
    void updateTabletFailure() {
        MigrationUuid uuid = submitted();

        store.markTabletFailure(uuid);

        assertThat(number(row(uuid), "tablet_failure")).isEqualTo(1);
    }

    @Test
    void updateCompleteMigrationClearsPostponeCompletionAndReportsWhetherItChanged() {
        MigrationUuid uuid = fixture.submit(store, fixture.alter(store, "t").postponeCompletion(true).build());

        assertThat(store.clearPostponeCompletion(uuid)).isTrue();
        assertThat(number(row(uuid), "postpone_completion")).isZero();
        assertThat(store.clearPostponeCompletion(uuid)).isFalse();
        assertThat(number(row(uuid), "postpone_completion")).isZero();
    }

    @Test
    void updateLaunchMigrationClearsPostponeLaunchAndReportsWhetherItChanged() {
        MigrationUuid uuid = fixture.submit(store, fixture.alter(store, "t").postponeLaunch(true).build());

        assertThat(store.clearPostponeLaunch(uuid)).isTrue();
        assertThat(number(row(uuid), "postpone_launch")).isZero();
        assertThat(store.clearPostponeLaunch(uuid)).isFalse();
        assertThat(number(row(uuid), "postpone_launch")).isZero();
    }

    @Test
    void updateReadyForCleanupSetsRetentionToMinusOne() {
        MigrationUuid uuid = submitted();

        store.markReadyForCleanup(uuid);

        assertThat(number(row(uuid), "retain_artifacts_seconds")).isEqualTo(-1);
    }

    // ------------------------------------------------------------------ artifacts, logs

    @Test
    void updateArtifactsPrependsTheNameAndClearsCleanupTimestamp() {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "artifacts = '_vt_HOLD_old,', cleanup_timestamp = NOW()");

        store.addArtifact(uuid, "_vt_HOLD_new");

        Map<String, Object> row = row(uuid);
        assertThat(row).containsEntry("artifacts", "_vt_HOLD_new,_vt_HOLD_old,");
        assertThat(row.get("cleanup_timestamp")).isNull();
    }

    @Test
    void clearArtifacts() {
        MigrationUuid uuid = submitted();
        fixture.given(uuid, "artifacts = 'a,b,'");

        store.clearArtifacts(uuid);

        assertThat(row(uuid)).containsEntry("artifacts", "");
    }

    @Test
    void updateMigrationLogPath() {
        MigrationUuid uuid = submitted();

        store.updateLogPath(uuid, "db-host-1:/tmp/online-ddl-" + uuid, "/tmp/online-ddl-" + uuid + "/migration.log");

        assertThat(row(uuid)).containsEntry("log_path", "db-host-1:/tmp/online-ddl-" + uuid)
                .containsEntry("log_file", "/tmp/online-ddl-" + uuid + "/migration.log");
    }

    @Test
    void updatesOfAnUnknownUuidChangeNothing() {
        MigrationUuid existing = submitted();
        Migration before = store.readMigration(existing);
        MigrationUuid unknown = fixture.newUuid();

        store.updateStatus(unknown, MigrationStatus.FAILED);
        store.updateMessage(unknown, "nobody");

        assertThat(fixture.row(unknown)).isEmpty();
        assertThat(store.readMigration(existing)).isEqualTo(before);
    }
}
