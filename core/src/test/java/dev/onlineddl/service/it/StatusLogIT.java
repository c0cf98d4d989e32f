package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.CommandResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per change of {@code migration_status}, with the migration's UUID, whichever code
 * path changes it: submission, scheduling, engine reports, cancels, failures, retries.
 */
class StatusLogIT extends ExecutorItSupport {

    private static final String STATUS_LOGGER = "dev.onlineddl.service.MigrationStatusLog";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger statusLogger;

    @BeforeEach
    void captureStatusLines() {
        statusLogger = (Logger) LoggerFactory.getLogger(STATUS_LOGGER);
        captured.start();
        statusLogger.addAppender(captured);
    }

    @AfterEach
    void stopCapturing() {
        statusLogger.detachAppender(captured);
        captured.stop();
    }

    /** The status lines of one migration, from the first word after its UUID on. */
    private List<String> statusLines(MigrationUuid uuid) {
        String prefix = "migration " + uuid + " ";
        return List.copyOf(captured.list).stream()
                .filter(event -> event.getFormattedMessage().startsWith(prefix))
                .peek(event -> assertThat(event.getLevel()).isEqualTo(Level.INFO))
                .map(event -> event.getFormattedMessage().substring(prefix.length()))
                .toList();
    }

    static Stream<Arguments> lives() {
        return Stream.of(
                Arguments.of("the online test engine", "alter table t1 add column i int", ONLINE,
                        List.of("new -> queued (t1, strategy " + ONLINE + "): submitted alter",
                                "queued -> ready (t1, strategy " + ONLINE + ")",
                                "ready -> running (t1, strategy " + ONLINE + ")",
                                "running -> complete (t1, strategy " + ONLINE + ")")),
                Arguments.of("the built-in mysql engine", "alter table t1 add column i int", "mysql",
                        List.of("new -> queued (t1, strategy mysql): submitted alter",
                                "queued -> ready (t1, strategy mysql)",
                                "ready -> running (t1, strategy mysql)",
                                "running -> complete (t1, strategy mysql)")),
                Arguments.of("a core operation without engine", "drop table t1", "vitess",
                        List.of("new -> queued (t1, strategy vitess): submitted drop",
                                "queued -> ready (t1, strategy vitess)",
                                "ready -> running (t1, strategy vitess)",
                                "running -> complete (t1, strategy vitess)")),
                Arguments.of("options in the strategy", "alter table t1 add column i int", ONLINE + " --allow-concurrent",
                        List.of("new -> queued (t1, strategy " + ONLINE + "): submitted alter with options --allow-concurrent",
                                "queued -> ready (t1, strategy " + ONLINE + ")",
                                "ready -> running (t1, strategy " + ONLINE + ")",
                                "running -> complete (t1, strategy " + ONLINE + ")")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lives")
    void aMigrationsLifeIsOneLinePerStatusChange(String caseName, String sql, String strategy, List<String> expected) {
        target.execute("create table t1 (id int primary key)");

        MigrationUuid uuid = submitOne(sql, strategy);
        awaitStatus(uuid, "complete");
        tickSeveralTimes();

        assertThat(statusLines(uuid)).containsExactlyElementsOf(expected);
    }

    @Test
    void aDirectMigrationIsBornRunning() {
        target.execute("create table t1 (id int primary key)");

        MigrationUuid uuid = submitOne("alter table t1 add column i int", "direct");

        assertThat(statusLines(uuid)).containsExactly(
                "new -> running (t1, strategy direct): runs now while its submitter waits",
                "running -> complete (t1, strategy direct)");
    }

    @Test
    void aUserCancelOfARunningMigrationEndsWithTheCancelLine() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid uuid = submitOne("alter table t1 add column i int", ONLINE + " --postpone-completion");
        awaitStatus(uuid, "running");
        tickSeveralTimes(); // progress reports while running change no status

        assertThat(executor.controlMigration().cancel(uuid)).isEqualTo(CommandResult.ONE);
        tickSeveralTimes();

        assertThat(statusLines(uuid)).containsExactly(
                "new -> queued (t1, strategy " + ONLINE + "): submitted alter with options --postpone-completion",
                "queued -> ready (t1, strategy " + ONLINE + ")",
                "ready -> running (t1, strategy " + ONLINE + ")",
                "running -> cancelled (t1, strategy " + ONLINE + "): cancel by user");
    }

    @Test
    void aFailureAndItsRetrySayWhy() {
        MigrationUuid drop = submitOne("drop table t1", "vitess");
        awaitStatus(drop, "failed");
        target.execute("create table t1 (id int primary key)");

        executor.controlMigration().retry(drop);
        awaitStatus(drop, "complete");

        List<String> lines = statusLines(drop);
        assertThat(lines).hasSize(8);
        assertThat(lines.subList(0, 3)).containsExactly(
                "new -> queued (t1, strategy vitess): submitted drop",
                "queued -> ready (t1, strategy vitess)",
                "ready -> running (t1, strategy vitess)");
        assertThat(lines.get(3)).startsWith("running -> failed (t1, strategy vitess): ").contains("t1");
        assertThat(lines.subList(4, 8)).containsExactly(
                "failed -> queued (t1, strategy vitess): retried by the user",
                "queued -> ready (t1, strategy vitess)",
                "ready -> running (t1, strategy vitess)",
                "running -> complete (t1, strategy vitess)");
    }

    @Test
    void aStaleMigrationOfAGoneExecutorFailsAndIsRequeuedNamingIt() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid uuid = submitOne("alter table t1 add column i int", ONLINE + " --postpone-completion");
        awaitStatus(uuid, "running");
        onlineEngine().freezeHeartbeat(true);
        tickSeveralTimes();
        target.updateRow(uuid, "liveness_timestamp = NOW() - INTERVAL 181 MINUTE, tablet = 'executor-gone'");

        Await.ticking(executor, "the stale migration retried", () -> statusLines(uuid).size() >= 5);

        List<String> lines = statusLines(uuid);
        assertThat(lines.get(3)).isEqualTo("running -> failed (t1, strategy " + ONLINE + "): stale migration " + uuid
                + ": found running but indicates no liveness in the past 180 minutes; executed by different tablet"
                + " executor-gone");
        assertThat(lines.get(4)).isEqualTo("failed -> queued (t1, strategy " + ONLINE
                + "): retried: it failed because its executor went away");
    }
}
