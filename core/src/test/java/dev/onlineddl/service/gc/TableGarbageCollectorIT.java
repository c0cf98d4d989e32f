package dev.onlineddl.service.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.gc.GcLifecycle;
import dev.onlineddl.domain.gc.TableGcPolicy;
import dev.onlineddl.domain.naming.GcState;
import dev.onlineddl.domain.naming.GcTableName;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.service.InMemoryThrottler;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Table garbage collection (Vitess {@code tablegc}) against the real server, with a clock the test moves. */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableGarbageCollectorIT {

    private static final String GC_UUID = "0a2f87c6d7a811eeb0a40a43f95f28a3";
    private static final Duration EVAC = Duration.ofSeconds(60);

    private TestDatabase classDatabase;
    private ControlSchema controlSchema;

    private GcTarget target;
    private MutableClock clock;
    private InMemoryThrottler throttler;

    @TempDir
    Path temp;

    @BeforeAll
    void controlSchema(TestDatabase db) {
        classDatabase = db;
        controlSchema = GcTarget.controlSchemaFor(db);
    }

    @BeforeEach
    void freshTarget() {
        target = GcTarget.fresh(classDatabase, controlSchema);
        clock = MutableClock.atCurrentSecond();
        throttler = new InMemoryThrottler(clock, new Random(7));
    }

    private TableGarbageCollector collector(String lifecycle, int batchSize, int batchesPerPass) {
        TableGcSettings settings = new TableGcSettings(new TableGcPolicy(GcLifecycle.parse(lifecycle), EVAC),
                batchSize, batchesPerPass);
        return new TableGarbageCollector(target.connections, target.inspector, target.ddlExecutor, throttler, clock, settings);
    }

    private String gcName(GcState state, Instant due) {
        return new GcTableName(state, GC_UUID, due).name();
    }

    @Test
    void artifactsArePurgedInBatchesThenEvacuatedThenDroppedAndFinallyGone() throws IOException {
        target.createTableWithRows("_orders_old_vrepl", 5000);
        target.createTableWithRows("orders", 20);
        MigrationUuid uuid = target.finishedMigration(MigrationStatus.COMPLETE, "orders", "_orders_old_vrepl");
        target.store.markReadyForCleanup(uuid);
        Path workRoot = Files.createDirectories(temp.resolve("work"));
        new ArtifactCollector(target.store, target.inspector, target.ddlExecutor, migration -> Optional.empty(),
                clock, Duration.ofHours(24), workRoot).collect();
        GcTableName purge = GcTableName.purgedArtifact(uuid, clock.instant(), 0);
        assertThat(target.tables()).containsExactlyInAnyOrder(purge.name(), "orders");
        assertThat(target.cleanedUp(uuid)).isTrue();

        TableGarbageCollector collector = collector("hold,purge,evac,drop", 1000, 3);

        TableGcPass first = collector.collect();
        assertThat(first.rowsPurged()).as("three batches of 1000").isEqualTo(3000);
        assertThat(target.rowCount(purge.name())).isEqualTo(2000);
        assertThat(first.renamed()).isEmpty();

        TableGcPass second = collector.collect();
        // two full batches, then one that finds nothing: the table is empty and moves on
        String evac = new GcTableName(GcState.EVAC, purge.gcUuid(), clock.instant().plus(EVAC)).name();
        assertThat(second.rowsPurged()).isEqualTo(2000);
        assertThat(second.renamed()).containsExactly(new TableGcPass.Renamed(purge.name(), evac));
        assertThat(target.tables()).containsExactlyInAnyOrder(evac, "orders");
        assertThat(target.rowCount(evac)).isZero();

        clock.advance(EVAC.minusSeconds(1));
        assertThat(collector.collect().renamed()).as("evacuation takes its time").isEmpty();
        assertThat(target.tables()).contains(evac);

        clock.advance(Duration.ofSeconds(1));
        String drop = new GcTableName(GcState.DROP, purge.gcUuid(), clock.instant()).name();
        assertThat(collector.collect().renamed()).containsExactly(new TableGcPass.Renamed(evac, drop));
        assertThat(target.tables()).containsExactlyInAnyOrder(drop, "orders");

        TableGcPass last = collector.collect();
        assertThat(last.dropped()).containsExactly(drop);
        assertThat(target.tables()).containsExactly("orders");
        assertThat(target.rowCount("orders")).isEqualTo(20);

        TableGcPass idle = collector.collect();
        assertThat(idle.renamed()).isEmpty();
        assertThat(idle.dropped()).isEmpty();
        assertThat(idle.failed()).isEmpty();
    }

    @Test
    void aHeldTableWaitsForItsTimeBeforeItIsPurged() {
        String hold = gcName(GcState.HOLD, clock.instant().plusSeconds(30));
        target.createTableWithRows(hold, 50);
        TableGarbageCollector collector = collector("hold,purge,evac,drop", 1000, 10);

        assertThat(collector.collect().renamed()).isEmpty();
        assertThat(target.tables()).containsExactly(hold);
        assertThat(target.rowCount(hold)).as("a held table keeps its rows: the user may rename it back").isEqualTo(50);

        clock.advance(Duration.ofSeconds(30));
        String purge = gcName(GcState.PURGE, clock.instant());
        assertThat(collector.collect().renamed()).containsExactly(new TableGcPass.Renamed(hold, purge));
        assertThat(target.rowCount(purge)).isEqualTo(50);

        TableGcPass purging = collector.collect();
        assertThat(purging.rowsPurged()).isEqualTo(50);
        assertThat(target.tables()).containsExactly(gcName(GcState.EVAC, clock.instant().plus(EVAC)));
    }

    @Test
    void aHoldDropLifecycleSkipsPurgeAndEvac() {
        String hold = gcName(GcState.HOLD, clock.instant().minusSeconds(1));
        target.createTableWithRows(hold, 300);
        String otherUuid = "1b2f87c6d7a811eeb0a40a43f95f28a3";
        // an artifact renamed to PURGE (always PURGE, whatever the lifecycle), due in the future
        String purge = new GcTableName(GcState.PURGE, otherUuid, clock.instant().plusSeconds(1)).name();
        target.createTableWithRows(purge, 300);
        TableGarbageCollector collector = collector("hold,drop", 100, 100);

        TableGcPass first = collector.collect();

        String holdDropped = gcName(GcState.DROP, clock.instant());
        String purgeDropped = new GcTableName(GcState.DROP, otherUuid, clock.instant()).name();
        assertThat(first.rowsPurged()).as("PURGE is not in the lifecycle: no rows are deleted").isZero();
        assertThat(first.renamed()).containsExactlyInAnyOrder(
                new TableGcPass.Renamed(hold, holdDropped), new TableGcPass.Renamed(purge, purgeDropped));
        assertThat(target.rowCount(holdDropped)).isEqualTo(300);
        assertThat(target.rowCount(purgeDropped)).isEqualTo(300);

        TableGcPass second = collector.collect();
        assertThat(second.dropped()).containsExactlyInAnyOrder(holdDropped, purgeDropped);
        assertThat(target.tables()).isEmpty();
    }

    @Test
    void aThrottledThrottlerStopsPurgingButNotDropping() {
        String purge = gcName(GcState.PURGE, clock.instant().minusSeconds(10));
        target.createTableWithRows(purge, 2000);
        String drop = new GcTableName(GcState.DROP, "2c2f87c6d7a811eeb0a40a43f95f28a3", clock.instant()).name();
        target.createTableWithRows(drop, 10);
        TableGarbageCollector collector = collector("hold,purge,evac,drop", 500, 100);
        throttler.throttle(ThrottleRequest.fully(ThrottleTarget.allMigrations()));

        TableGcPass throttled = collector.collect();

        assertThat(throttled.purgeThrottled()).isTrue();
        assertThat(throttled.rowsPurged()).isZero();
        assertThat(target.rowCount(purge)).isEqualTo(2000);
        assertThat(throttled.dropped()).as("a DROP is not held back").containsExactly(drop);
        assertThat(target.tables()).containsExactly(purge);

        throttler.unthrottle(ThrottleTarget.allMigrations());
        TableGcPass unthrottled = collector.collect();

        assertThat(unthrottled.purgeThrottled()).isFalse();
        assertThat(unthrottled.rowsPurged()).isEqualTo(2000);
        assertThat(target.tables()).containsExactly(gcName(GcState.EVAC, clock.instant().plus(EVAC)));
    }

    @Test
    void tablesWithoutAGcNameAreNeverTouched() {
        List<String> notGc = List.of(
                "orders",
                "_vt_something_else",
                "_vt_HOLD_" + GC_UUID,                                    // no time
                "_vt_HOLD_shortuuid_20240101000000",                      // not a GC uuid
                "_vt_hold_" + GC_UUID + "_20240101000000",                 // the state is upper case
                "_vt_DROP_" + GC_UUID + "_20241301000000",                 // month 13: looks like ours, is not
                "_vt_PURGE_" + GC_UUID + "_20240101000000_vrepl",          // something after the time
                "x_vt_DROP_" + GC_UUID + "_20240101000000");
        for (String table : notGc) {
            target.createTableWithRows(table, 5);
        }
        TableGarbageCollector collector = collector("hold,purge,evac,drop", 1000, 10);

        for (int pass = 0; pass < 4; pass++) {
            TableGcPass result = collector.collect();
            assertThat(result.renamed()).isEmpty();
            assertThat(result.dropped()).isEmpty();
            assertThat(result.rowsPurged()).isZero();
            clock.advance(Duration.ofDays(400));
        }

        assertThat(target.tables()).containsExactlyInAnyOrderElementsOf(notGc);
        for (String table : notGc) {
            assertThat(target.rowCount(table)).as(table).isEqualTo(5);
        }
    }

    @Test
    void aViewIsNeitherPurgedNorEvacuatedAndIsDroppedAsAView() {
        target.createTableWithRows("orders", 3);
        String purge = gcName(GcState.PURGE, clock.instant().minusSeconds(1));
        target.execute("CREATE VIEW `" + purge + "` AS SELECT id FROM orders");
        TableGarbageCollector collector = collector("hold,purge,evac,drop", 1000, 10);

        String evac = gcName(GcState.EVAC, clock.instant());
        assertThat(collector.collect().renamed()).as("a view has no rows and no pages to wait for")
                .containsExactly(new TableGcPass.Renamed(purge, evac));
        String drop = gcName(GcState.DROP, clock.instant());
        assertThat(collector.collect().renamed()).containsExactly(new TableGcPass.Renamed(evac, drop));
        assertThat(collector.collect().dropped()).containsExactly(drop);

        assertThat(target.tables()).containsExactly("orders");
        assertThat(target.rowCount("orders")).isEqualTo(3);
    }

    @Test
    void aTableThatCannotBeDroppedDoesNotStopTheOthers() {
        String referenced = gcName(GcState.DROP, clock.instant().minusSeconds(5));
        target.createTableWithRows(referenced, 1);
        target.execute("CREATE TABLE orders_child (id INT PRIMARY KEY, parent_id BIGINT, "
                + "FOREIGN KEY (parent_id) REFERENCES `" + referenced + "` (id))");
        String droppable = new GcTableName(GcState.DROP, "3d2f87c6d7a811eeb0a40a43f95f28a3", clock.instant()).name();
        target.createTableWithRows(droppable, 1);
        TableGarbageCollector collector = collector("hold,purge,evac,drop", 1000, 10);

        TableGcPass pass = collector.collect();

        assertThat(pass.failed()).as("a foreign key still points at it").containsExactly(referenced);
        assertThat(pass.dropped()).containsExactly(droppable);
        assertThat(target.tables()).containsExactlyInAnyOrder(referenced, "orders_child");

        target.execute("DROP TABLE orders_child");
        assertThat(collector.collect().dropped()).containsExactly(referenced);
        assertThat(target.tables()).isEmpty();
    }
}
