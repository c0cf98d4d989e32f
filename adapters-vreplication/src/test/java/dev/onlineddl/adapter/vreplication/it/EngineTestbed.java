package dev.onlineddl.adapter.vreplication.it;

import dev.onlineddl.adapter.mysql.ddl.JsqlDdlAnalyzer;
import dev.onlineddl.adapter.mysql.jdbc.HikariTargetConnections;
import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.adapter.mysql.lock.JdbcExecutorLock;
import dev.onlineddl.adapter.mysql.inspect.JdbcSchemaInspector;
import dev.onlineddl.adapter.mysql.jdbc.JdbcServerIdAllocator;
import dev.onlineddl.adapter.mysql.jdbc.TargetConnectionSettings;
import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.adapter.mysql.store.JooqMigrationStore;
import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.service.ExecutorConfig;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.spi.StrategyPlugin;
import dev.onlineddl.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A real executor around the engine: the MySQL adapters, a control schema of its own, and the
 * plugins a test gives (the vreplication plugin, and the built-in mysql one for plain DDL). Each
 * {@link #newTarget()} is a fresh database on the shared test server.
 */
final class EngineTestbed implements AutoCloseable {

    private final TestDatabase classDatabase;
    private final ControlSchema controlSchema;
    private final AtomicInteger targets = new AtomicInteger();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private EngineTestbed(TestDatabase classDatabase, ControlSchema controlSchema) {
        this.classDatabase = classDatabase;
        this.controlSchema = controlSchema;
    }

    static EngineTestbed create(TestDatabase classDatabase) throws SQLException {
        TestDatabase control = classDatabase.createSiblingDatabase("ctl");
        ControlSchema controlSchema = new ControlSchema(control.name());
        controlSchema.migrate(classDatabase.dataSource());
        return new EngineTestbed(classDatabase, controlSchema);
    }

    String controlSchema() {
        return controlSchema.name();
    }

    /** Connections to the shared server, for reading the control schema. */
    javax.sql.DataSource controlDataSource() {
        return classDatabase.dataSource();
    }

    TestDatabase newTarget() {
        return classDatabase.createSiblingDatabase("t" + targets.incrementAndGet());
    }

    OnlineDdl executor(TestDatabase target, String executorId, List<? extends StrategyPlugin> plugins) {
        return executor(target, executorId, plugins, config -> config);
    }

    OnlineDdl executor(TestDatabase target, String executorId, List<? extends StrategyPlugin> plugins,
            UnaryOperator<ExecutorConfig> tweak) {
        return executor(target, executorId, plugins, tweak, Clock.systemUTC());
    }

    /** An executor whose core and engines read time from {@code clock}. */
    OnlineDdl executor(TestDatabase target, String executorId, List<? extends StrategyPlugin> plugins,
            UnaryOperator<ExecutorConfig> tweak, Clock clock) {
        List<StrategyPlugin> all = new ArrayList<>(plugins);
        all.add(new BuiltInMysqlPlugin());
        HikariTargetConnections connections = new HikariTargetConnections(TargetConnectionSettings.of(
                target.jdbcUrl(), target.name(), target.user(), target::password).withPoolSize(8));
        toClose.add(connections);
        ExecutorConfig config;
        try {
            config = tweak.apply(ExecutorConfig.defaults(executorId, target.name())
                    .withWorkDirectory(Files.createTempDirectory("vrepl-it")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OnlineDdl executor = OnlineDdl.builder(config)
                .clock(clock)
                .store(new JooqMigrationStore(connections.dataSource(), controlSchema, config.target()))
                .schemaInspector(new JdbcSchemaInspector(connections.dataSource()))
                .ddlExecutor(new JdbcDdlExecutor(connections.dataSource()))
                .ddlAnalyzer(new JsqlDdlAnalyzer())
                .connections(connections)
                .executorLock(new JdbcExecutorLock(connections.dataSource(), target.name()))
                .serverIdAllocator(new JdbcServerIdAllocator(connections, new Random()))
                .plugins(all)
                .build();
        toClose.add(0, executor::close);
        return executor;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
        toClose.clear();
    }
}
