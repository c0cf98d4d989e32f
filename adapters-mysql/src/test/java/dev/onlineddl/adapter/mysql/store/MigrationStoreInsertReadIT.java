package dev.onlineddl.adapter.mysql.store;

import static dev.onlineddl.adapter.mysql.store.StoreFixture.number;
import static dev.onlineddl.adapter.mysql.store.StoreFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.MigrationNotFoundException;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Vitess's sqlInsertMigration and sqlSelectMigration, each checked with plain JDBC. */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationStoreInsertReadIT {

    private StoreFixture fixture;

    @BeforeAll
    void createControlSchema(TestDatabase db) throws Exception {
        fixture = StoreFixture.create(db);
    }

    @Test
    void insertWritesTheSubmittedColumnsAndTheTargetAndStampsRequestedTime() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid reverted = fixture.newUuid();
        Migration migration = fixture.alter(store, "orders")
                .keyspace("ignored: the store's target decides")
                .shard("ignored too")
                .context(MigrationContext.of("deploy-42"))
                .postponeLaunch(true)
                .postponeCompletion(true)
                .allowConcurrent(true)
                .revertedUuid(reverted.value())
                .view(true)
                .build();

        boolean inserted = store.insert(migration);

        assertThat(inserted).isTrue();
        Map<String, Object> row = fixture.existingRow(migration.uuid());
        assertThat(row)
                .containsEntry("keyspace", store.target().keyspace())
                .containsEntry("shard", "0")
                .containsEntry("mysql_schema", store.target().mysqlSchema())
                .containsEntry("mysql_table", "orders")
                .containsEntry("migration_statement", "alter table `orders` add column `c` int")
                .containsEntry("strategy", "vitess")
                .containsEntry("options", "--postpone-completion")
                .containsEntry("ddl_action", "alter")
                .containsEntry("migration_context", "deploy-42")
                .containsEntry("migration_status", "queued")
                .containsEntry("tablet", "executor-1")
                .containsEntry("reverted_uuid", reverted.value())
                // the NOT NULL TEXT columns without a default are empty, not missing
                .containsEntry("log_path", "")
                .containsEntry("artifacts", "")
                .containsEntry("message", "")
                .containsEntry("stage", "")
                .containsEntry("special_plan", "");
        assertThat(number(row, "retain_artifacts_seconds")).isEqualTo(86400);
        assertThat(number(row, "postpone_launch")).isEqualTo(1);
        assertThat(number(row, "postpone_completion")).isEqualTo(1);
        assertThat(number(row, "allow_concurrent")).isEqualTo(1);
        assertThat(number(row, "is_view")).isEqualTo(1);
        // column defaults untouched
        assertThat(number(row, "eta_seconds")).isEqualTo(-1);
        assertThat(number(row, "retries")).isZero();
        assertThat(row.get("started_timestamp")).isNull();
        assertThat(row.get("reviewed_timestamp")).isNull();
        assertThat(fixture.microsAgo(migration.uuid(), "requested_timestamp")).isBetween(0L, 60_000_000L);
    }

    @Test
    void insertOfAnExistingUuidIsIgnoredAndReported() {
        JooqMigrationStore store = fixture.newStore();
        Migration first = fixture.alter(store, "first").build();
        store.insert(first);
        long id = number(fixture.existingRow(first.uuid()), "id");

        boolean insertedAgain = store.insert(first.toBuilder().mysqlTable("second").strategy("gh-ost").build());

        assertThat(insertedAgain).isFalse();
        Map<String, Object> row = fixture.existingRow(first.uuid());
        assertThat(number(row, "id")).isEqualTo(id);
        assertThat(row).containsEntry("mysql_table", "first").containsEntry("strategy", "vitess");
        assertThat(fixture.count("migration_uuid = ?", first.uuid().value())).isEqualTo(1);
    }

    @Test
    void insertRejectsAMigrationOfAnotherDatabase() {
        JooqMigrationStore store = fixture.newStore();
        Migration foreign = fixture.alter(store, "t").mysqlSchema("someone_else").build();

        assertThatThrownBy(() -> store.insert(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("someone_else")
                .hasMessageContaining(store.target().mysqlSchema());
        assertThat(fixture.row(foreign.uuid())).isEmpty();
    }

    @Test
    void selectMigrationReadsEveryColumnOfTheRow() {
        // The fixture writes the timestamps in UTC; the store's sessions are 5:30 ahead.
        JooqMigrationStore store = fixture.newStoreInSessionTimeZone("+05:30");
        MigrationUuid uuid = fixture.submit(store, "items");
        fixture.given(uuid, "ready_timestamp = '2024-01-02 03:04:05', started_timestamp = '2024-01-02 03:04:06',"
                + " liveness_timestamp = '2024-01-02 03:04:07', completed_timestamp = '2024-01-02 03:04:08.123456',"
                + " cleanup_timestamp = NULL, migration_status = 'complete', log_path = 'host:/tmp/x', log_file = '/tmp/x/log',"
                + " artifacts = '_vt_HOLD_a,_vt_HOLD_b,', retries = 2, tablet_failure = 1, progress = 37.5,"
                + " message = 'all good', eta_seconds = 12, rows_copied = 1000, table_rows = 2000,"
                + " added_unique_keys = 1, removed_unique_keys = 2, removed_unique_key_names = '`uk`',"
                + " dropped_no_default_column_names = '`d`', expanded_column_names = '`e`', revertible_notes = 'note',"
                + " ready_to_complete = 1, stowaway_table = 'stow', vitess_liveness_indicator = 1700000000,"
                + " user_throttle_ratio = 0.25, special_plan = '{\"type\":\"instant-ddl\"}',"
                + " last_throttled_timestamp = '2024-01-02 03:04:09', component_throttled = 'vplayer',"
                + " cancelled_timestamp = '2024-01-02 03:04:10', stage = 'cut-over', cutover_attempts = 3,"
                + " is_immediate_operation = 1, reviewed_timestamp = '2024-01-02 03:04:11', postpone_completion = 1,"
                + " postpone_launch = 1, allow_concurrent = 1, migration_context = 'ctx', reverted_uuid = 'r'");
        Migration migration = store.readMigration(uuid);

        Map<String, Object> row = fixture.existingRow(uuid);
        assertThat(migration.id()).isEqualTo(number(row, "id"));
        assertThat(migration.uuid()).isEqualTo(uuid);
        assertThat(migration.keyspace()).isEqualTo(store.target().keyspace());
        assertThat(migration.mysqlSchema()).isEqualTo(store.target().mysqlSchema());
        assertThat(migration.mysqlTable()).isEqualTo("items");
        assertThat(migration.status()).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(migration.ddlAction()).isEqualTo(DdlAction.ALTER);
        assertThat(migration.readyTimestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(migration.startedTimestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:06Z"));
        assertThat(migration.livenessTimestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:07Z"));
        assertThat(migration.completedTimestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:08.123456Z"));
        assertThat(migration.lastThrottledTimestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:09Z"));
        assertThat(migration.cancelledTimestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:10Z"));
        assertThat(migration.reviewedTimestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:11Z"));
        assertThat(Duration.between(migration.addedTimestamp(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
        assertThat(migration.cleanupTimestamp()).isNull();
        assertThat(migration.logPath()).isEqualTo("host:/tmp/x");
        assertThat(migration.logFile()).isEqualTo("/tmp/x/log");
        assertThat(migration.artifactList()).containsExactly("_vt_HOLD_a", "_vt_HOLD_b");
        assertThat(migration.retries()).isEqualTo(2);
        assertThat(migration.tabletFailure()).isTrue();
        assertThat(migration.progress()).isEqualTo(37.5);
        assertThat(migration.message()).isEqualTo("all good");
        assertThat(migration.etaSeconds()).isEqualTo(12);
        assertThat(migration.rowsCopied()).isEqualTo(1000);
        assertThat(migration.tableRows()).isEqualTo(2000);
        assertThat(migration.addedUniqueKeys()).isEqualTo(1);
        assertThat(migration.removedUniqueKeys()).isEqualTo(2);
        assertThat(migration.removedUniqueKeyNames()).isEqualTo("`uk`");
        assertThat(migration.droppedNoDefaultColumnNames()).isEqualTo("`d`");
        assertThat(migration.expandedColumnNames()).isEqualTo("`e`");
        assertThat(migration.revertibleNotes()).isEqualTo("note");
        assertThat(migration.readyToComplete()).isTrue();
        assertThat(migration.stowawayTable()).isEqualTo("stow");
        assertThat(migration.livenessIndicator()).isEqualTo(1_700_000_000L);
        assertThat(migration.userThrottleRatio()).isEqualTo(0.25);
        assertThat(migration.specialPlan()).isEqualTo("{\"type\":\"instant-ddl\"}");
        assertThat(migration.componentThrottled()).isEqualTo("vplayer");
        assertThat(migration.stage()).isEqualTo("cut-over");
        assertThat(migration.cutoverAttempts()).isEqualTo(3);
        assertThat(migration.immediateOperation()).isTrue();
        assertThat(migration.postponeCompletion()).isTrue();
        assertThat(migration.postponeLaunch()).isTrue();
        assertThat(migration.allowConcurrent()).isTrue();
        assertThat(migration.context()).isEqualTo(MigrationContext.of("ctx"));
        assertThat(migration.revertedUuid()).isEqualTo("r");
        assertThat(migration.migrationStatement()).isEqualTo("alter table `items` add column `c` int");
        assertThat(migration.strategy()).isEqualTo("vitess");
        assertThat(migration.options()).isEqualTo("--postpone-completion");
        assertThat(migration.shard()).isEqualTo("0");
        assertThat(migration.tablet()).isEqualTo("executor-1");
        assertThat(migration.retainArtifactsSeconds()).isEqualTo(86400);
        assertThat(text(row, "tablet")).isEqualTo(migration.tablet());
    }

    @Test
    void selectOfAnUnknownUuidIsMigrationNotFound() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid unknown = fixture.newUuid();

        assertThat(store.findMigration(unknown)).isEmpty();
        assertThatThrownBy(() -> store.readMigration(unknown))
                .isInstanceOf(MigrationNotFoundException.class)
                .hasMessageStartingWith("migration not found: " + unknown);
    }
}
