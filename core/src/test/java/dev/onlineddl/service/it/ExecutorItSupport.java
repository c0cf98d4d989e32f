package dev.onlineddl.service.it;

import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.domain.MigrationContext;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Common ground of the executor's integration tests: a testbed per class, and per test a fresh
 * target database with an executor ({@link #executor}, id {@code executor-1}) that has the test
 * plugin and the built-in {@code mysql}/{@code direct} plugin installed. Everything goes through
 * {@code port.in}.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExecutorItSupport {

    static final String EXECUTOR_ID = "executor-1";
    /** Stands in for {@code vitess} wherever an ALTER TABLE runs (see {@link TestAlterPlugin}). */
    static final String ONLINE = TestAlterPlugin.ONLINE;

    ExecutorTestbed testbed;
    TargetDatabase target;
    TestAlterPlugin plugin;
    OnlineDdl executor;

    @BeforeAll
    void createTestbed(TestDatabase db) throws SQLException {
        testbed = ExecutorTestbed.create(db);
    }

    @BeforeEach
    void createTargetAndExecutor() throws SQLException {
        target = testbed.newTarget();
        plugin = new TestAlterPlugin();
        executor = target.executor(EXECUTOR_ID, List.of(plugin, new BuiltInMysqlPlugin()));
    }

    @AfterEach
    void closeExecutors() {
        target.closeExecutors();
        plugin.close();
    }

    TestAlterEngine onlineEngine() {
        return plugin.engine(ONLINE);
    }

    List<MigrationUuid> submit(String sql, String strategy) {
        return executor.submitMigration().submit(SubmissionRequest.of(sql, strategy)).uuids();
    }

    MigrationUuid submitOne(String sql, String strategy) {
        List<MigrationUuid> uuids = submit(sql, strategy);
        if (uuids.size() != 1) {
            throw new AssertionError("expected one migration from " + sql + ", got " + uuids);
        }
        return uuids.get(0);
    }

    MigrationUuid submitOne(String sql, String strategy, String context, MigrationUuid uuid) {
        List<MigrationUuid> uuids = executor.submitMigration().submit(new SubmissionRequest(sql, strategy,
                MigrationContext.of(context), Optional.ofNullable(uuid))).uuids();
        if (uuids.size() != 1) {
            throw new AssertionError("expected one migration from " + sql + ", got " + uuids);
        }
        return uuids.get(0);
    }

    String status(MigrationUuid uuid) {
        return target.status(uuid);
    }

    /** Ticks until the migration has this status. */
    void awaitStatus(MigrationUuid uuid, String status) {
        Await.ticking(executor, uuid + " " + status, () -> target.status(uuid).equals(status));
    }

    /** Ticks until the migration has one of these statuses; returns the one it has. */
    String awaitAnyStatus(MigrationUuid uuid, String... statuses) {
        List<String> wanted = List.of(statuses);
        Await.ticking(executor, uuid + " one of " + wanted, () -> wanted.contains(target.status(uuid)));
        return target.status(uuid);
    }

    /** Ticks a few times, for "nothing changes" checks: enough for every step to run more than once. */
    void tickSeveralTimes() {
        for (int i = 0; i < 5; i++) {
            executor.tick();
        }
    }
}
