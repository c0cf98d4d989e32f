package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyException;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import dev.onlineddl.testkit.tck.RecordingStatusReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.alterRun;
import static dev.onlineddl.adapter.mysql.strategy.StrategyTestSupport.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The direct strategy driven through the SPI alone: it has done everything when start returns. */
@ExtendWith(TestDatabaseExtension.class)
class DirectStrategyEngineIT {

    /** A session that refuses zero dates, as many production servers are configured. */
    private static final String STRICT_ZERO_DATES = "&sessionVariables=" + URLEncoder.encode(
            "sql_mode='STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'", StandardCharsets.UTF_8);

    private final RecordingStatusReporter reporter = new RecordingStatusReporter();

    @Test
    void runsTheStatementBeforeStartReturns(TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE direct_ok (id INT PRIMARY KEY)");
        try (TestStrategyContext context = new TestStrategyContext(db, reporter)) {
            StrategyEngine engine = new BuiltInMysqlPlugin().createEngine(BuiltInMysqlPlugin.DIRECT, context);
            MigrationRun run = alterRun(db, BuiltInMysqlPlugin.DIRECT, "direct_ok",
                    "ALTER TABLE `direct_ok` ADD COLUMN `added` INT", "");

            engine.start(run);

            assertThat(reporter.reportsOf(run.migration().uuid())).extracting(StatusReport::status)
                    .containsExactly(MigrationStatus.RUNNING, MigrationStatus.COMPLETE);
            assertThat(db.columns("direct_ok").contains("added")).isTrue();
            assertThat(engine.probe(run)).isInstanceOf(Probe.NotRunning.class);
            assertThat(engine.terminate(run)).isFalse();
        }
    }

    @Test
    void reportsAFailureBeforeStartReturns(TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE direct_fails (id INT PRIMARY KEY)");
        try (TestStrategyContext context = new TestStrategyContext(db, reporter)) {
            StrategyEngine engine = new BuiltInMysqlPlugin().createEngine(BuiltInMysqlPlugin.DIRECT, context);
            MigrationRun run = alterRun(db, BuiltInMysqlPlugin.DIRECT, "direct_fails",
                    "ALTER TABLE `direct_fails` DROP COLUMN `missing`", "");

            engine.start(run);

            assertThat(reporter.reportsOf(run.migration().uuid())).extracting(StatusReport::status)
                    .containsExactly(MigrationStatus.RUNNING, MigrationStatus.FAILED);
            assertThat(reporter.reportsOf(run.migration().uuid()).get(1).message())
                    .startsWith("migration " + run.migration().uuid() + " (direct strategy): ")
                    .contains("`" + db.name() + "`.`direct_fails`", "MySQL error 1091", "missing");
        }
    }

    @ParameterizedTest(name = "options \"{0}\": {1}")
    @CsvSource({
            "'', FAILED",
            "--allow-zero-in-date, COMPLETE"
    })
    void allowZeroInDateLiftsTheSessionsZeroDateChecks(String options, MigrationStatus expected, TestDatabase db)
            throws Exception {
        String table = "zero_dates_" + (options.isEmpty() ? "strict" : "allowed");
        execute(db, "CREATE TABLE `" + table + "` (id INT PRIMARY KEY)");
        try (TestStrategyContext context = new TestStrategyContext(db, reporter, STRICT_ZERO_DATES)) {
            StrategyEngine engine = new BuiltInMysqlPlugin().createEngine(BuiltInMysqlPlugin.DIRECT, context);
            MigrationRun run = alterRun(db, BuiltInMysqlPlugin.DIRECT, table,
                    "ALTER TABLE `" + table + "` ADD COLUMN `since` DATE NOT NULL DEFAULT '0000-00-00'", options);

            engine.start(run);

            StatusReport outcome = reporter.reportsOf(run.migration().uuid()).get(1);
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(expected);
            assertThat(db.columns(table).contains("since")).isEqualTo(expected == MigrationStatus.COMPLETE);
            if (expected == MigrationStatus.FAILED) {
                assertThat(outcome.message()).contains("Invalid default value for 'since'");
            }
        }
    }

    @Test
    void refusesToPostponeCompletion(TestDatabase db) throws Exception {
        execute(db, "CREATE TABLE direct_postponed (id INT PRIMARY KEY)");
        try (TestStrategyContext context = new TestStrategyContext(db, reporter)) {
            StrategyEngine engine = new BuiltInMysqlPlugin().createEngine(BuiltInMysqlPlugin.DIRECT, context);
            MigrationRun run = alterRun(db, BuiltInMysqlPlugin.DIRECT, "direct_postponed",
                    "ALTER TABLE `direct_postponed` ADD COLUMN `x` INT", "--postpone-completion");

            assertThatThrownBy(() -> engine.start(run)).isInstanceOf(StrategyException.class)
                    .hasMessageContaining("--postpone-completion not supported in 'direct' strategy");
            assertThat(reporter.reportsOf(run.migration().uuid())).isEmpty();
            assertThat(db.columns("direct_postponed").contains("x")).isFalse();
        }
    }
}
