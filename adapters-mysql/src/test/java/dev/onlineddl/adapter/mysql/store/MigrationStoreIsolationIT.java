package dev.onlineddl.adapter.mysql.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.rules.PendingMigration;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two target databases on one server share one control schema: each store sees and changes only
 * its own target's migrations, even for the same table names and the same keyspace.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationStoreIsolationIT {

    private TestDatabase db;
    private StoreFixture fixture;
    private JooqMigrationStore shop;
    private JooqMigrationStore billing;

    @BeforeAll
    void oneControlSchema(TestDatabase db) throws Exception {
        this.db = db;
        fixture = StoreFixture.create(db);
    }

    @BeforeEach
    void twoTargetDatabases() throws Exception {
        // Same keyspace and shard on purpose: only mysql_schema tells the targets apart.
        shop = fixture.storeFor(new MigrationTarget("ks", "0", db.createSiblingDatabase("shop").name()));
        billing = fixture.storeFor(new MigrationTarget("ks", "0", db.createSiblingDatabase("billing").name()));
    }

    @Test
    void everySelectSeesOnlyItsOwnTarget() {
        MigrationUuid shopQueued = fixture.submit(shop, "orders");
        MigrationUuid billingQueued = fixture.submit(billing, "orders");
        MigrationUuid shopRunning = fixture.submit(shop, "orders");
        MigrationUuid billingRunning = fixture.submit(billing, "orders");
        for (MigrationUuid running : new MigrationUuid[] {shopRunning, billingRunning}) {
            fixture.given(running, "migration_status = 'running', liveness_timestamp = NOW() - INTERVAL 1 DAY");
        }
        MigrationUuid shopDone = fixture.submit(shop, fixture.alter(shop, "orders")
                .context(MigrationContext.of("c")).retainArtifactsSeconds(-1).build());
        MigrationUuid billingDone = fixture.submit(billing, fixture.alter(billing, "orders")
                .context(MigrationContext.of("c")).retainArtifactsSeconds(-1).build());
        for (MigrationUuid done : new MigrationUuid[] {shopDone, billingDone}) {
            fixture.given(done, "migration_status = 'complete', completed_timestamp = NOW(6), reviewed_timestamp = NOW()");
        }
        String statement = fixture.existingRow(shopDone).get("migration_statement").toString();

        assertThat(shop.pendingMigrations()).extracting(PendingMigration::uuid).containsExactly(shopQueued, shopRunning);
        assertThat(billing.pendingMigrations()).extracting(PendingMigration::uuid).containsExactly(billingQueued, billingRunning);
        assertThat(shop.queuedUnreviewedMigrations()).containsExactly(shopQueued);
        assertThat(shop.runningMigrations()).extracting(m -> m.uuid()).containsExactly(shopRunning);
        assertThat(shop.staleMigrations(Duration.ofMinutes(180))).containsExactly(shopRunning);
        assertThat(shop.lastCompleteMigrationOnTable("orders")).hasValueSatisfying(m -> assertThat(m.uuid()).isEqualTo(shopDone));
        assertThat(billing.lastCompleteMigrationOnTable("orders")).hasValueSatisfying(m -> assertThat(m.uuid()).isEqualTo(billingDone));
        assertThat(shop.completeMigrationByContextAndStatement(MigrationContext.of("c"), statement))
                .hasValueSatisfying(m -> assertThat(m.uuid()).isEqualTo(shopDone));
        assertThat(shop.uncollectedArtifacts(Duration.ofHours(24))).extracting(a -> a.uuid()).containsExactly(shopDone);
        assertThat(billing.uncollectedArtifacts(Duration.ofHours(24))).extracting(a -> a.uuid()).containsExactly(billingDone);
        assertThat(shop.findMigration(billingQueued)).isEmpty();
        assertThat(billing.readMigration(billingQueued).mysqlSchema()).isEqualTo(billing.target().mysqlSchema());
    }

    @Test
    void updatesByUuidDoNotReachAnotherTargetsMigration() {
        MigrationUuid billingMigration = fixture.submit(billing, "invoices");
        fixture.given(billingMigration, "migration_status = 'failed', postpone_completion = 1");
        Map<String, Object> before = fixture.existingRow(billingMigration);

        shop.updateStatus(billingMigration, MigrationStatus.RUNNING);
        shop.markStarted(billingMigration);
        shop.updateMessage(billingMigration, "not yours");
        shop.addArtifact(billingMigration, "_vt_HOLD_x");
        assertThat(shop.retryMigration(billingMigration, "shop-executor")).isFalse();
        assertThat(shop.clearPostponeCompletion(billingMigration)).isFalse();

        assertThat(fixture.existingRow(billingMigration)).isEqualTo(before);
    }

    @Test
    void bulkUpdatesTouchOnlyTheirOwnTarget() {
        MigrationUuid shopFailure = fixture.submit(shop, "a");
        MigrationUuid billingFailure = fixture.submit(billing, "a");
        for (MigrationUuid failure : new MigrationUuid[] {shopFailure, billingFailure}) {
            fixture.given(failure, "migration_status = 'failed', tablet_failure = 1, retries = 0");
        }

        assertThat(shop.fixCompletedTimestampOfFailedMigrations()).isEqualTo(1);
        assertThat(shop.retryTabletFailureMigration("shop-executor")).contains(shopFailure);
        assertThat(shop.retryTabletFailureMigration("shop-executor")).isEmpty();

        assertThat(fixture.existingRow(shopFailure)).containsEntry("migration_status", "queued");
        assertThat(fixture.existingRow(billingFailure)).containsEntry("migration_status", "failed");
        assertThat(fixture.existingRow(billingFailure).get("completed_timestamp")).isNull();
    }
}
