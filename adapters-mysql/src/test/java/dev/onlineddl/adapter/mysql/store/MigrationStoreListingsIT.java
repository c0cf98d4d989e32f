package dev.onlineddl.adapter.mysql.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The listings behind SHOW: whole rows of this target only, in submission order. */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationStoreListingsIT {

    private StoreFixture fixture;

    @BeforeAll
    void createControlSchema(TestDatabase db) throws Exception {
        fixture = StoreFixture.create(db);
    }

    private static List<MigrationUuid> uuids(List<Migration> migrations) {
        return migrations.stream().map(Migration::uuid).toList();
    }

    @Test
    void allMigrationsAreThisTargetsWholeRowsInSubmissionOrder() {
        JooqMigrationStore store = fixture.newStore();
        JooqMigrationStore otherTarget = fixture.newStore();
        MigrationUuid first = fixture.submit(store, "t1");
        fixture.submit(otherTarget, "t1");
        MigrationUuid second = fixture.submit(store, "t2");

        List<Migration> all = store.allMigrations();

        assertThat(uuids(all)).containsExactly(first, second);
        assertThat(all.get(1)).isEqualTo(store.readMigration(second));
    }

    @Test
    void migrationsInAContextAreOnlyThatContexts() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid inContext = fixture.submit(store, fixture.alter(store, "t1").context(MigrationContext.of("ctx:1")).build());
        fixture.submit(store, fixture.alter(store, "t2").context(MigrationContext.of("ctx:2")).build());
        MigrationUuid alsoInContext = fixture.submit(store,
                fixture.alter(store, "t3").context(MigrationContext.of("ctx:1")).build());
        fixture.submit(store, "t4");

        assertThat(uuids(store.migrationsInContext(MigrationContext.of("ctx:1")))).containsExactly(inContext, alsoInContext);
        assertThat(store.migrationsInContext(MigrationContext.of("ctx:none"))).isEmpty();
    }

    @Test
    void migrationsWithAStatusAreOnlyThoseInIt() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid failed = fixture.submit(store, "t1");
        fixture.given(failed, "migration_status = ?", "failed");
        MigrationUuid queued = fixture.submit(store, "t2");

        assertThat(uuids(store.migrationsWithStatus(MigrationStatus.FAILED))).containsExactly(failed);
        assertThat(uuids(store.migrationsWithStatus(MigrationStatus.QUEUED))).containsExactly(queued);
        assertThat(store.migrationsWithStatus(MigrationStatus.RUNNING)).isEmpty();
    }

    @Test
    void countByStatusCountsThisTargetsMigrationsWithEveryStatusPresent() {
        JooqMigrationStore store = fixture.newStore();
        JooqMigrationStore otherTarget = fixture.newStore();
        fixture.given(fixture.submit(store, "t1"), "migration_status = ?", "failed");
        fixture.submit(store, "t2");
        fixture.submit(store, "t3");
        fixture.submit(otherTarget, "t1");

        assertThat(store.countByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(
                MigrationStatus.QUEUED, 2L, MigrationStatus.READY, 0L, MigrationStatus.RUNNING, 0L,
                MigrationStatus.COMPLETE, 0L, MigrationStatus.FAILED, 1L, MigrationStatus.CANCELLED, 0L));
        assertThat(fixture.newStore().countByStatus().values()).containsOnly(0L);
    }

    @Test
    void recentMigrationsAreThoseRequestedWithinThePeriodByTheServersClock() {
        JooqMigrationStore store = fixture.newStore();
        MigrationUuid old = fixture.submit(store, "t1");
        fixture.given(old, "requested_timestamp = NOW() - INTERVAL 8 DAY");
        MigrationUuid recent = fixture.submit(store, "t2");
        fixture.given(recent, "requested_timestamp = NOW() - INTERVAL 6 DAY");
        MigrationUuid now = fixture.submit(store, "t3");

        assertThat(uuids(store.migrationsRequestedWithin(Duration.ofDays(7)))).containsExactly(recent, now);
        assertThat(uuids(store.migrationsRequestedWithin(Duration.ofDays(1)))).containsExactly(now);
    }
}
