package dev.onlineddl.example.tests;

import dev.onlineddl.adapter.mysql.strategy.TestStrategyContext;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.example.plugin.SlowCopyPlugin;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import dev.onlineddl.testkit.tck.RecordingStatusReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.PATIENCE;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.alterRun;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.await;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.createTableOfRows;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.execute;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example third-party plugin end to end, driven through the SPI alone with a small context
 * of real adapters, as the core would drive it: chunked copy with progress, ready to complete,
 * cut-over only on complete(), terminate, and adoption by a new engine after the first one died.
 */
@ExtendWith(TestDatabaseExtension.class)
class SlowCopyPluginIT {

    private static final int ROWS = 1000;
    /** The plugin copies 100 rows a chunk: a row locked at this id stops the copy after exactly 400 rows. */
    private static final int BLOCKED_ID = 450;
    private static final String POSTPONE = "--postpone-completion";

    @Test
    void copiesInChunksThenWaitsForCompleteBeforeSwappingTheTables(TestDatabase db) throws Exception {
        createTableOfRows(db, "items", ROWS);
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        try (TestStrategyContext context = new TestStrategyContext(db, reporter)) {
            StrategyEngine engine = new SlowCopyPlugin().createEngine(SlowCopyPlugin.SLOW_COPY, context);
            MigrationRun run = alterRun(db, SlowCopyPlugin.SLOW_COPY, "items",
                    "ALTER TABLE `items` ADD COLUMN `note` VARCHAR(10) NOT NULL DEFAULT 'n'", POSTPONE);

            engine.start(run);
            awaitReport(reporter, run, StatusReport::readyToComplete);

            List<StatusReport> reports = reporter.reportsOf(uuid(run));
            assertThat(reports.get(0).status()).isEqualTo(MigrationStatus.RUNNING);
            assertThat(reports).allMatch(report -> report.status() == MigrationStatus.RUNNING);
            List<Long> copied = reports.stream().map(StatusReport::rowsCopied).filter(rows -> rows > 0).toList();
            assertThat(copied).as("rows copied after each chunk").hasSizeGreaterThanOrEqualTo(ROWS / 100)
                    .isSorted().endsWith((long) ROWS);
            assertThat(reports.get(reports.size() - 1).progress()).isEqualTo(100.0);
            assertThat(engine.probe(run)).isInstanceOfSatisfying(Probe.Running.class, probe -> {
                assertThat(probe.readyToComplete()).isTrue();
                assertThat(probe.rowsCopied()).isEqualTo(ROWS);
                assertThat(probe.tableRows()).isEqualTo(ROWS);
                assertThat(probe.progress()).isEqualTo(100.0);
            });

            // Postponed: the engine waits for complete(); meanwhile writes reach the shadow table through triggers.
            execute(db, "INSERT INTO items VALUES (1001, 'inserted while waiting')",
                    "UPDATE items SET pad = 'updated while waiting' WHERE id = 5",
                    "DELETE FROM items WHERE id = 7");
            assertThat(db.columns("items").contains("note")).isFalse();
            assertThat(reporter.reportsOf(uuid(run))).noneMatch(RecordingStatusReporter::isTerminal);

            engine.complete(run);
            StatusReport terminal = awaitTerminal(reporter, run);

            assertThat(terminal.status()).isEqualTo(MigrationStatus.COMPLETE);
            assertThat(db.columns("items").contains("note")).isTrue();
            assertThat(queryLong(db, "SELECT COUNT(*) FROM items")).isEqualTo(ROWS);
            assertThat(queryLong(db, "SELECT COUNT(*) FROM items WHERE id = 5 AND pad = 'updated while waiting'")).isEqualTo(1);
            assertThat(queryLong(db, "SELECT COUNT(*) FROM items WHERE id IN (7, 1001)")).isEqualTo(1);
            assertThat(queryLong(db, "SELECT COUNT(*) FROM items WHERE note = 'n'")).isEqualTo(ROWS);
            List<String> artifacts = reporter.artifactTablesOf(uuid(run));
            assertThat(artifacts).hasSize(3).allMatch(table -> table.startsWith("_" + uuid(run).value() + "_"));
            assertThat(artifacts.get(0)).endsWith("_gho");
            assertThat(artifacts.get(1)).endsWith("_ghc");
            assertThat(artifacts.get(2)).endsWith("_del");
            assertThat(db.tableExists(artifacts.get(0))).as("the shadow table became items").isFalse();
            assertThat(queryLong(db, "SELECT COUNT(*) FROM `" + artifacts.get(2) + "`")).as("the old table").isEqualTo(ROWS);
            assertThat(triggersOn(db, "items") + triggersOn(db, artifacts.get(2))).isZero();
            awaitNotRunning(engine, run);
        }
    }

    @Test
    void holdsBackWhileThrottledAndTerminateStopsItMidCopy(TestDatabase db) throws Exception {
        createTableOfRows(db, "stopped", ROWS);
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        try (TestStrategyContext context = new TestStrategyContext(db, reporter)) {
            StrategyEngine engine = new SlowCopyPlugin().createEngine(SlowCopyPlugin.SLOW_COPY, context);
            MigrationRun run = alterRun(db, SlowCopyPlugin.SLOW_COPY, "stopped",
                    "ALTER TABLE `stopped` ADD COLUMN `never` INT NULL", "");

            try (Connection blocker = db.openConnection()) {
                Probe.Running throttled = startThrottledThenBlockAtChunkFive(engine, context, run, reporter, blocker);
                assertThat(throttled.lastThrottled()).isPresent();
                assertThat(throttled.componentThrottled()).isEqualTo("row-copy");
                assertThat(throttled.rowsCopied()).isZero();

                Probe.Running blocked = awaitRowsCopied(engine, run, 400);
                assertThat(blocked.progress()).isEqualTo(40.0);

                assertThat(engine.terminate(run)).isTrue();
                awaitNotRunning(engine, run);
                blocker.rollback();
            }

            assertThat(engine.terminate(run)).as("nothing left to terminate").isFalse();
            assertThat(db.columns("stopped").contains("never")).isFalse();
            assertThat(queryLong(db, "SELECT COUNT(*) FROM stopped")).isEqualTo(ROWS);
            assertThat(triggersOn(db, "stopped")).as("triggers left on the table").isZero();
            assertThat(reporter.reportsOf(uuid(run))).noneMatch(RecordingStatusReporter::isTerminal);
            execute(db, "INSERT INTO stopped VALUES (1001, 'writes work without triggers')");
        }
    }

    @Test
    void aNewEngineAdoptsTheMigrationWhereTheDeadOneStopped(TestDatabase db) throws Exception {
        createTableOfRows(db, "adopted", ROWS);
        RecordingStatusReporter deadReporter = new RecordingStatusReporter();
        List<SeverableConnections> severable = new ArrayList<>();
        MigrationRun run;
        try (TestStrategyContext dying = new TestStrategyContext(db, deadReporter, "", pool -> {
            SeverableConnections connections = new SeverableConnections(pool);
            severable.add(connections);
            return connections;
        })) {
            StrategyEngine first = new SlowCopyPlugin().createEngine(SlowCopyPlugin.SLOW_COPY, dying);
            run = alterRun(db, SlowCopyPlugin.SLOW_COPY, "adopted", "ALTER TABLE `adopted` ADD COLUMN `note` INT NULL", POSTPONE);
            try (Connection blocker = db.openConnection()) {
                startThrottledThenBlockAtChunkFive(first, dying, run, deadReporter, blocker);
                awaitRowsCopied(first, run, 400);

                // The executor dies: its sessions are killed and nothing it tries afterwards reaches the server.
                severable.get(0).sever();
                awaitTerminal(deadReporter, run);
                blocker.rollback();
            }
        }
        assertThat(triggersOn(db, "adopted")).as("a dead engine cannot clean up").isEqualTo(3);
        // Triggers go on carrying writes while no engine runs.
        execute(db, "UPDATE adopted SET pad = 'updated between engines' WHERE id = 10");

        RecordingStatusReporter reporter = new RecordingStatusReporter();
        try (TestStrategyContext context = new TestStrategyContext(db, reporter)) {
            StrategyEngine adopter = new SlowCopyPlugin().createEngine(SlowCopyPlugin.SLOW_COPY, context);

            assertThat(adopter.adopt(run)).isTrue();
            awaitReport(reporter, run, StatusReport::readyToComplete);

            assertThat(reporter.reportsOf(uuid(run)).stream().map(StatusReport::rowsCopied).filter(rows -> rows > 0))
                    .as("the copy resumed after the 400 rows of the checkpoint").startsWith(400L).endsWith((long) ROWS);
            adopter.complete(run);
            assertThat(awaitTerminal(reporter, run).status()).isEqualTo(MigrationStatus.COMPLETE);
        }
        assertThat(db.columns("adopted").contains("note")).isTrue();
        assertThat(queryLong(db, "SELECT COUNT(*) FROM adopted")).isEqualTo(ROWS);
        assertThat(queryLong(db, "SELECT COUNT(*) FROM adopted WHERE id = 10 AND pad = 'updated between engines'")).isEqualTo(1);
        assertThat(queryLong(db, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
                + " AND EVENT_OBJECT_TABLE LIKE '\\_%\\_del'")).as("triggers left on the old table").isZero();
        assertThat(triggersOn(db, "adopted")).isZero();
    }

    @Test
    void adoptingAMigrationWhoseTablesWereSwappedReportsItComplete(TestDatabase db) throws Exception {
        createTableOfRows(db, "swapped", 50);
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        MigrationRun run;
        try (TestStrategyContext context = new TestStrategyContext(db, reporter)) {
            StrategyEngine engine = new SlowCopyPlugin().createEngine(SlowCopyPlugin.SLOW_COPY, context);
            run = alterRun(db, SlowCopyPlugin.SLOW_COPY, "swapped", "ALTER TABLE `swapped` ADD COLUMN `note` INT NULL", "");
            engine.start(run);
            awaitReport(reporter, run, StatusReport::readyToComplete);
            engine.complete(run);
            awaitTerminal(reporter, run);
        }

        // The executor died before the complete report was stored: the next one finds the migration running.
        RecordingStatusReporter adopterReporter = new RecordingStatusReporter();
        try (TestStrategyContext context = new TestStrategyContext(db, adopterReporter)) {
            StrategyEngine adopter = new SlowCopyPlugin().createEngine(SlowCopyPlugin.SLOW_COPY, context);

            assertThat(adopter.adopt(run)).isTrue();

            assertThat(adopterReporter.reportsOf(uuid(run))).extracting(StatusReport::status)
                    .containsExactly(MigrationStatus.COMPLETE);
            assertThat(adopter.probe(run)).isInstanceOf(Probe.NotRunning.class);
        }
    }

    /**
     * Starts the migration throttled, so it prepares its tables and holds back before copying;
     * then locks the shadow table's row {@link #BLOCKED_ID} in an open transaction and lets the copy
     * go: it copies four chunks and waits at the fifth.
     *
     * @return the probe seen while it was throttled
     */
    private static Probe.Running startThrottledThenBlockAtChunkFive(StrategyEngine engine, TestStrategyContext context,
            MigrationRun run, RecordingStatusReporter reporter, Connection blocker) throws Exception {
        ThrottleTarget target = new ThrottleTarget.OneMigration(uuid(run));
        context.throttler().throttle(ThrottleRequest.fully(target));
        engine.start(run);
        Probe.Running throttled = await("the copy to hold back", () -> running(engine, run)
                .filter(probe -> probe.lastThrottled().isPresent()));
        String shadow = reporter.artifactTablesOf(uuid(run)).get(0);
        blocker.setAutoCommit(false);
        execute(blocker, "INSERT INTO `" + shadow + "` (id, pad) VALUES (" + BLOCKED_ID + ", 'holds the row lock')");
        context.throttler().unthrottle(target);
        return throttled;
    }

    private static Probe.Running awaitRowsCopied(StrategyEngine engine, MigrationRun run, long rows) throws Exception {
        return await(rows + " rows copied", () -> running(engine, run).filter(probe -> probe.rowsCopied() == rows));
    }

    private static Optional<Probe.Running> running(StrategyEngine engine, MigrationRun run) {
        return Optional.of(engine.probe(run)).filter(Probe.Running.class::isInstance).map(Probe.Running.class::cast);
    }

    private static void awaitNotRunning(StrategyEngine engine, MigrationRun run) throws Exception {
        await("the engine to let go of the migration", () -> Optional.of(engine.probe(run))
                .filter(Probe.NotRunning.class::isInstance));
    }

    private static void awaitReport(RecordingStatusReporter reporter, MigrationRun run,
                                    Predicate<StatusReport> matching) throws InterruptedException {
        reporter.awaitReport(uuid(run), matching, PATIENCE).orElseThrow(() -> new AssertionError(
                "no such report for " + uuid(run) + ": " + reporter.reportsOf(uuid(run))));
    }

    private static StatusReport awaitTerminal(RecordingStatusReporter reporter, MigrationRun run) throws InterruptedException {
        return reporter.awaitTerminal(uuid(run), PATIENCE).orElseThrow(() -> new AssertionError(
                "no outcome reported for " + uuid(run) + ": " + reporter.reportsOf(uuid(run))));
    }

    private static long triggersOn(TestDatabase db, String table) throws Exception {
        return queryLong(db, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"
                + " AND EVENT_OBJECT_TABLE = '" + table + "'");
    }

    private static MigrationUuid uuid(MigrationRun run) {
        return run.migration().uuid();
    }
}
