package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyException;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import dev.onlineddl.testkit.tck.RecordingStatusReporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.sql.Connection;
import java.util.Optional;

import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.PATIENCE;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.alterRun;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.await;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.createTableOfRows;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.execute;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.queryLong;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.sessionRunning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The mysql strategy driven through the SPI alone, against the real server. */
@ExtendWith(TestDatabaseExtension.class)
class MysqlStrategyEngineIT {

    private static final String WAITING_FOR_METADATA_LOCK = "Waiting for table metadata lock";

    private final RecordingStatusReporter reporter = new RecordingStatusReporter();
    private TestStrategyContext context;
    private StrategyEngine engine;

    @BeforeEach
    void createEngine(TestDatabase db) {
        context = new TestStrategyContext(db, reporter);
        engine = new BuiltInMysqlPlugin().createEngine(BuiltInMysqlPlugin.MYSQL, context);
    }

    @AfterEach
    void closeEngineAndContext() throws IOException {
        engine.close();
        context.close();
    }

    @Test
    void runsTheAlterAndReportsItComplete(TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE completes (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO completes VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        MigrationRun run = alterRun(db, BuiltInMysqlPlugin.MYSQL, "completes",
                "ALTER TABLE `completes` ADD COLUMN `note` VARCHAR(10) NULL", "");

        engine.start(run);
        StatusReport terminal = awaitTerminal(run);

        assertThat(terminal.status()).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(terminal.progress()).isEqualTo(100.0);
        assertThat(reporter.reportsOf(uuid(run))).extracting(StatusReport::status)
                .containsExactly(MigrationStatus.RUNNING, MigrationStatus.COMPLETE);
        assertThat(db.columns("completes").contains("note")).isTrue();
        assertThat(queryLong(db, "SELECT COUNT(*) FROM completes")).isEqualTo(3);
        awaitNotRunning(run);
    }

    @Test
    void aFailingAlterIsReportedFailedWithTheServersError(TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE fails (id INT PRIMARY KEY, name VARCHAR(20))");
        MigrationRun run = alterRun(db, BuiltInMysqlPlugin.MYSQL, "fails", "ALTER TABLE `fails` ADD COLUMN `name` INT", "");

        engine.start(run);
        StatusReport terminal = awaitTerminal(run);

        assertThat(terminal.status()).isEqualTo(MigrationStatus.FAILED);
        assertThat(terminal.message())
                .startsWith("migration " + uuid(run) + " (mysql strategy): ")
                .contains("`" + db.name() + "`.`fails`", "Duplicate column name 'name'", "MySQL error 1060", "What to do:");
        assertThat(db.columns("fails").contains("name")).isTrue();
        awaitNotRunning(run);
    }

    @Test
    void anAlterWaitingForAMetadataLockRunsWithNoProgressUntilTheLockIsGone(TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE blocked (id INT PRIMARY KEY)", "INSERT INTO blocked VALUES (1)");
        MigrationRun run = alterRun(db, BuiltInMysqlPlugin.MYSQL, "blocked", "ALTER TABLE `blocked` ADD COLUMN `x` INT", "");

        try (Connection locker = db.openConnection()) {
            execute(locker, "LOCK TABLES blocked WRITE");
            engine.start(run);
            await("the ALTER waiting for the lock", () -> sessionRunning(db, "ALTER TABLE `blocked`", WAITING_FOR_METADATA_LOCK));

            Probe probe = engine.probe(run);

            // What can be asserted while it waits: it runs, nothing is done, no ETA can be known.
            assertThat(probe).isInstanceOfSatisfying(Probe.Running.class, running -> {
                assertThat(running.progress()).isZero();
                assertThat(running.etaSeconds()).isEqualTo(StatusReport.ETA_UNKNOWN);
                assertThat(running.readyToComplete()).isFalse();
                assertThat(running.livenessIndicator()).isPositive();
            });
            assertThat(reporter.reportsOf(uuid(run))).extracting(StatusReport::status).containsExactly(MigrationStatus.RUNNING);
            execute(locker, "UNLOCK TABLES");
        }

        assertThat(awaitTerminal(run).status()).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(db.columns("blocked").contains("x")).isTrue();
    }

    /**
     * A copying ALTER with LOCK=NONE copies every row and then waits for the exclusive metadata
     * lock it needs to swap the tables: an open transaction that read the table holds it off. At
     * that point MariaDB reports a later stage of the statement, so the progress is above zero,
     * deterministically.
     */
    @Test
    void showsTheProgressMariaDbReportsForTheAlter(TestDatabase db) throws Exception {
        assumeTrue(db.server().isMariaDb(), "MariaDB reports ALTER progress in its process list");
        createTableOfRows(db, "copied", 20_000);
        MigrationRun run = alterRun(db, BuiltInMysqlPlugin.MYSQL, "copied",
                "ALTER TABLE `copied` FORCE, ALGORITHM=COPY, LOCK=NONE", "");

        try (Connection reader = db.openConnection()) {
            holdMetadataLockInTransaction(reader, "copied");
            engine.start(run);

            Probe.Running probe = await("progress above zero", () -> Optional.of(engine.probe(run))
                    .filter(Probe.Running.class::isInstance).map(Probe.Running.class::cast)
                    .filter(running -> running.progress() > 0));

            assertThat(probe.progress()).isPositive().isLessThanOrEqualTo(100.0);
            assertThat(probe.etaSeconds()).isNotNegative();
            // The server counts no rows for a plain ALTER: reporting an estimate would let the core
            // derive a progress of 0 from 0 rows copied.
            assertThat(probe.rowsCopied()).isZero();
            assertThat(probe.tableRows()).isZero();
            assertThat(reporter.reportsOf(uuid(run))).noneMatch(RecordingStatusReporter::isTerminal);
            reader.commit();
        }

        assertThat(awaitTerminal(run).status()).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(queryLong(db, "SELECT COUNT(*) FROM copied")).isEqualTo(20_000);
    }

    @Test
    void terminateKillsTheAlterItIsRunning(TestDatabase db) throws Exception {
        assumeTrue(db.server().isMariaDb(), "MariaDB copies with LOCK=NONE, so the ALTER works while it waits");
        createTableOfRows(db, "killed", 20_000);
        MigrationRun run = alterRun(db, BuiltInMysqlPlugin.MYSQL, "killed",
                "ALTER TABLE `killed` ADD COLUMN `never` INT, ALGORITHM=COPY, LOCK=NONE", "");

        try (Connection reader = db.openConnection()) {
            holdMetadataLockInTransaction(reader, "killed");
            engine.start(run);
            long session = await("the copying ALTER", () -> sessionRunning(db, "ALTER TABLE `killed`", ""));

            assertThat(engine.terminate(run)).isTrue();

            await("the ALTER's session to be gone", () -> sessionGone(db, session));
            awaitNotRunning(run);
            reader.commit();
        }

        assertThat(engine.terminate(run)).as("a second terminate finds nothing").isFalse();
        assertThat(db.columns("killed").contains("never")).isFalse();
        assertThat(queryLong(db, "SELECT COUNT(*) FROM killed")).isEqualTo(20_000);
        assertThat(reporter.reportsOf(uuid(run))).extracting(StatusReport::status).containsOnly(MigrationStatus.RUNNING);
    }

    /**
     * As in Vitess, whose ALTER goroutine outlives the executor's Close(): an ALTER in flight is
     * not killed when the engine closes, it runs to its end and reports it; new ones are refused.
     */
    @Test
    void anAlterInFlightWhenTheEngineClosesRunsToItsEnd(TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE closing (id INT PRIMARY KEY)", "INSERT INTO closing VALUES (1)");
        MigrationRun run = alterRun(db, BuiltInMysqlPlugin.MYSQL, "closing", "ALTER TABLE `closing` ADD COLUMN `x` INT", "");
        MigrationRun later = alterRun(db, BuiltInMysqlPlugin.MYSQL, "closing", "ALTER TABLE `closing` ADD COLUMN `y` INT", "");

        try (Connection locker = db.openConnection()) {
            execute(locker, "LOCK TABLES closing WRITE");
            engine.start(run);
            await("the ALTER waiting for the lock", () -> sessionRunning(db, "ALTER TABLE `closing`", WAITING_FOR_METADATA_LOCK));

            engine.close();

            assertThat(reporter.reportsOf(uuid(run))).extracting(StatusReport::status).containsExactly(MigrationStatus.RUNNING);
            assertThatThrownBy(() -> engine.start(later)).isInstanceOf(StrategyException.class)
                    .hasMessageContaining("migration " + uuid(later)).hasMessageContaining("the executor is closing");
            execute(locker, "UNLOCK TABLES");
        }

        assertThat(awaitTerminal(run).status()).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(db.columns("closing").contains("x")).isTrue();
        assertThat(db.columns("closing").contains("y")).isFalse();
        awaitNotRunning(run);
    }

    @Test
    void aMigrationAlreadyRunningCannotBeStartedAgain(TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE twice (id INT PRIMARY KEY)");
        MigrationRun run = alterRun(db, BuiltInMysqlPlugin.MYSQL, "twice", "ALTER TABLE `twice` ADD COLUMN `x` INT", "");

        try (Connection locker = db.openConnection()) {
            execute(locker, "LOCK TABLES twice WRITE");
            engine.start(run);

            assertThatThrownBy(() -> engine.start(run)).isInstanceOf(StrategyException.class)
                    .hasMessageContaining("migration " + uuid(run)).hasMessageContaining("already running");
            execute(locker, "UNLOCK TABLES");
        }

        assertThat(awaitTerminal(run).status()).isEqualTo(MigrationStatus.COMPLETE);
        assertThat(reporter.reportsOf(uuid(run))).extracting(StatusReport::status)
                .containsExactly(MigrationStatus.RUNNING, MigrationStatus.COMPLETE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--allow-zero-in-date", "--postpone-completion"})
    void refusesFlagsTheStrategyDoesNotSupport(String flag, TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE IF NOT EXISTS flagged (id INT PRIMARY KEY)");
        MigrationRun run = alterRun(db, BuiltInMysqlPlugin.MYSQL, "flagged", "ALTER TABLE `flagged` ADD COLUMN `x` INT", flag);

        assertThatThrownBy(() -> engine.start(run)).isInstanceOf(StrategyException.class)
                .hasMessageContaining(flag + " not supported in 'mysql' strategy")
                .hasMessageContaining("migration " + uuid(run));
        assertThat(reporter.reportsOf(uuid(run))).isEmpty();
        assertThat(engine.probe(run)).isInstanceOf(Probe.NotRunning.class);
        assertThat(db.columns("flagged").contains("x")).isFalse();
    }

    /** A transaction that read the table keeps a shared metadata lock on it until it ends. */
    private static void holdMetadataLockInTransaction(Connection reader, String table) throws Exception {
        reader.setAutoCommit(false);
        execute(reader, "SELECT COUNT(*) FROM `" + table + "` WHERE id = 1");
    }

    private static Optional<Boolean> sessionGone(TestDatabase db, long session) throws Exception {
        return queryLong(db, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + session) == 0
                ? Optional.of(true) : Optional.empty();
    }

    private StatusReport awaitTerminal(MigrationRun run) throws InterruptedException {
        return reporter.awaitTerminal(uuid(run), PATIENCE).orElseThrow(() -> new AssertionError(
                "no outcome reported for " + uuid(run) + ": " + reporter.reportsOf(uuid(run))));
    }

    private void awaitNotRunning(MigrationRun run) throws Exception {
        await("the engine to let go of " + uuid(run), () -> Optional.of(engine.probe(run))
                .filter(Probe.NotRunning.class::isInstance));
    }

    private static MigrationUuid uuid(MigrationRun run) {
        return run.migration().uuid();
    }
}
