package dev.onlineddl.service.it;

import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.service.OnlineDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A submission and an engine's ready-to-complete report each tick the executor at once. The
 * executor here ticks on its own (started, never ticked by the test) with a check interval and
 * re-check intervals of an hour, so only immediate ticks can move a migration within the test's
 * deadline of {@link Await#DEADLINE}.
 */
class ImmediateTicksIT extends ExecutorItSupport {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    private OnlineDdl ticking;

    @BeforeEach
    void executorTickingOnItsOwn() {
        // the support's executor would compete for the target's lock: this test has one of its own
        executor.close();
        ticking = target.executor("executor-ticking", List.of(plugin, new BuiltInMysqlPlugin()),
                config -> config.withCheckInterval(AN_HOUR).withNextCheckIntervals(List.of(AN_HOUR)));
        ticking.start();
        // start() ticks once at once; the lock taken, every later tick comes from a trigger
        Await.until("the executor to hold the target's lock", ticking::isActive);
    }

    @Test
    void aCreateCompletesWithoutWaitingForACheckInterval() {
        MigrationUuid create = submitToTicking("create table t1 (id int primary key)", "vitess");

        Await.until("the CREATE to complete", () -> target.status(create).equals("complete"));
    }

    @Test
    void anEnginesReadyReportLeadsToCompleteWithinOneTick() throws SQLException {
        try (Connection connection = target.database().openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table t1 (id int primary key)");
        }

        onlineEngine().reportReadiness();

        MigrationUuid alter = submitToTicking("alter table t1 add column c int", ONLINE);

        // The submission's immediate tick starts the engine, which reports ready to complete from its
        // own thread; only that report's own tick can then call complete().
        Await.until("the engine to be told to complete", () -> onlineEngine().completeCalls.contains(alter));
        Await.until("the ALTER to complete", () -> target.status(alter).equals("complete"));
    }

    private MigrationUuid submitToTicking(String sql, String strategy) {
        return ticking.submitMigration().submit(SubmissionRequest.of(sql, strategy)).uuids().get(0);
    }
}
