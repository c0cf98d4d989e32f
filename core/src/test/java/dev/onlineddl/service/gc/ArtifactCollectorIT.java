package dev.onlineddl.service.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.GcTableName;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Artifact collection (Vitess {@code gcArtifacts}) against the real store and server. */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArtifactCollectorIT {

    private TestDatabase classDatabase;
    private ControlSchema controlSchema;

    private GcTarget target;
    private MutableClock clock;
    private RecordingEngine engine;

    @TempDir
    Path temp;
    private Path workRoot;

    @BeforeAll
    void controlSchema(TestDatabase db) {
        classDatabase = db;
        controlSchema = GcTarget.controlSchemaFor(db);
    }

    @BeforeEach
    void freshTarget() throws IOException {
        target = GcTarget.fresh(classDatabase, controlSchema);
        clock = MutableClock.atCurrentSecond();
        engine = new RecordingEngine();
        workRoot = Files.createDirectories(temp.resolve("work"));
    }

    private ArtifactCollector collector() {
        return new ArtifactCollector(target.store, target.inspector, target.ddlExecutor,
                migration -> migration.strategy().equals("vitess") ? Optional.of(engine) : Optional.empty(),
                clock, Duration.ofHours(24), workRoot);
    }

    @Test
    void artifactsOfACompletedMigrationMarkedForCleanupAreRenamedToPurgeAndTheRowIsCleanedUp() {
        target.createTableWithRows("_orders_new_vrepl", 10);
        target.execute("CREATE VIEW `_orders_view_artifact` AS SELECT 1 AS one");
        MigrationUuid uuid = target.finishedMigration(MigrationStatus.COMPLETE, "orders",
                "_orders_new_vrepl", "_orders_gone_already", "_orders_view_artifact");
        target.store.markReadyForCleanup(uuid);

        ArtifactCollection collection = collector().collect();

        // the i-th artifact is due i seconds from now: the index keeps names of one UUID apart
        String first = GcTableName.purgedArtifact(uuid, clock.instant(), 0).name();
        String third = GcTableName.purgedArtifact(uuid, clock.instant(), 2).name();
        assertThat(collection.collected()).containsExactly(Map.entry(uuid, List.of(first, third)));
        assertThat(collection.failed()).isEmpty();
        assertThat(target.tables()).containsExactlyInAnyOrder(first, third);
        assertThat(target.rowCount(first)).as("the rows stay until table GC purges them").isEqualTo(10);
        assertThat(target.cleanedUp(uuid)).isTrue();
        assertThat(engine.collected).containsExactly(uuid);

        assertThat(collector().collect().collected()).as("a cleaned-up migration is not collected again").isEmpty();
        assertThat(engine.collected).containsExactly(uuid);
    }

    @Test
    void migrationsWithinTheirRetentionOrNotFinishedAreLeftAlone() {
        target.createTableWithRows("_kept_artifact", 3);
        target.createTableWithRows("_running_artifact", 3);
        MigrationUuid retained = target.finishedMigration(MigrationStatus.COMPLETE, "kept", "_kept_artifact");
        MigrationUuid running = target.finishedMigration(MigrationStatus.RUNNING, "running", "_running_artifact");
        target.store.markReadyForCleanup(running);

        ArtifactCollection collection = collector().collect();

        assertThat(collection.collected()).isEmpty();
        assertThat(target.tables()).containsExactlyInAnyOrder("_kept_artifact", "_running_artifact");
        assertThat(target.cleanedUp(retained)).isFalse();
        assertThat(target.cleanedUp(running)).isFalse();
        assertThat(engine.collected).isEmpty();
    }

    @Test
    void aFailedMigrationWithoutCompletedTimestampGetsOneAndIsCollected() {
        target.createTableWithRows("_failed_artifact", 1);
        MigrationUuid failed = target.finishedMigration(MigrationStatus.FAILED, "orders", "_failed_artifact");
        target.store.markReadyForCleanup(failed);
        assertThat(target.migration(failed).completedTimestamp()).isNull();

        ArtifactCollection collection = collector().collect();

        assertThat(collection.completedTimestampsFixed()).isEqualTo(1);
        assertThat(target.migration(failed).completedTimestamp()).isNotNull();
        assertThat(collection.collected()).containsOnlyKeys(failed);
        assertThat(target.tables()).containsExactly(GcTableName.purgedArtifact(failed, clock.instant(), 0).name());
        assertThat(target.cleanedUp(failed)).isTrue();
    }

    @Test
    void theLogDirectoryIsRemovedOnlyWhenItLiesBelowTheWorkRoot() throws IOException {
        Path ownLogs = writeLog(workRoot.resolve("logs-of-a"));
        MigrationUuid a = target.finishedMigration(MigrationStatus.COMPLETE, "a");
        Path ownWorkDirectory = writeLog(workRoot.resolve(a.value()));
        target.store.updateLogPath(a, "db-host:" + ownLogs, ownLogs.resolve("migration.log").toString());

        Path outside = writeLog(temp.resolve("elsewhere"));
        MigrationUuid b = target.finishedMigration(MigrationStatus.COMPLETE, "b");
        target.store.updateLogPath(b, "db-host:" + outside, "");

        Path besideTheRoot = writeLog(temp.resolve("beside"));
        MigrationUuid c = target.finishedMigration(MigrationStatus.FAILED, "c");
        target.store.updateLogPath(c, "db-host:" + workRoot + "/../beside", "");

        for (MigrationUuid uuid : List.of(a, b, c)) {
            target.store.markReadyForCleanup(uuid);
        }

        ArtifactCollection collection = collector().collect();

        assertThat(collection.collected()).containsOnlyKeys(a, b, c);
        assertThat(ownLogs).doesNotExist();
        assertThat(ownWorkDirectory).doesNotExist();
        assertThat(workRoot).exists();
        assertThat(outside.resolve("migration.log")).exists();
        assertThat(besideTheRoot.resolve("migration.log")).exists();
        assertThat(target.cleanedUp(b)).as("a log directory we may not remove does not hold the cleanup up").isTrue();
        assertThat(target.cleanedUp(c)).isTrue();
    }

    @Test
    void aFailureOnOneMigrationLeavesItForTheNextPassAndCollectsTheOthers() {
        target.createTableWithRows("_a_artifact", 2);
        target.createTableWithRows("_b_artifact", 2);
        MigrationUuid a = target.finishedMigration(MigrationStatus.COMPLETE, "a", "_a_artifact");
        MigrationUuid b = target.finishedMigration(MigrationStatus.COMPLETE, "b", "_b_artifact");
        target.store.markReadyForCleanup(a);
        target.store.markReadyForCleanup(b);
        engine.failFor(a);

        ArtifactCollection first = collector().collect();

        assertThat(first.failed()).containsExactly(a);
        assertThat(first.collected()).containsOnlyKeys(b);
        assertThat(target.cleanedUp(a)).isFalse();
        assertThat(target.cleanedUp(b)).isTrue();
        String aPurged = GcTableName.purgedArtifact(a, clock.instant(), 0).name();
        assertThat(target.tables()).contains(aPurged, GcTableName.purgedArtifact(b, clock.instant(), 0).name());

        engine.recover();
        clock.advance(Duration.ofSeconds(5));
        ArtifactCollection second = collector().collect();

        assertThat(second.failed()).isEmpty();
        assertThat(second.collected()).as("its table was renamed by the first pass already")
                .containsExactly(Map.entry(a, List.of()));
        assertThat(target.tables()).contains(aPurged);
        assertThat(target.cleanedUp(a)).isTrue();
        assertThat(engine.collected).containsExactly(b, a);
    }

    private static Path writeLog(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("migration.log"), "copying rows\n");
        return directory;
    }
}
