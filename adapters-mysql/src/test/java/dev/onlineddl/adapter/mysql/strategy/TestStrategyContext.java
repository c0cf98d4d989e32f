package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.adapter.mysql.ddl.JsqlDdlAnalyzer;
import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.adapter.mysql.inspect.JdbcSchemaInspector;
import dev.onlineddl.adapter.mysql.jdbc.HikariTargetConnections;
import dev.onlineddl.adapter.mysql.jdbc.JdbcServerIdAllocator;
import dev.onlineddl.adapter.mysql.jdbc.TargetConnectionSettings;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ProcessRunner;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.port.out.Throttler;
import dev.onlineddl.spi.StatusReporter;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.tck.ManualThrottler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A {@link StrategyContext} on a test database made of the real adapters (pooled connections,
 * JDBC inspector and DDL executor, JSQLParser analyzer, a throttler the test sets by hand), for driving
 * engines through the SPI alone, as the core would. It runs no external tools.
 */
public final class TestStrategyContext implements StrategyContext, AutoCloseable {

    private final HikariTargetConnections pool;
    private final TargetConnections connections;
    private final SchemaInspector inspector;
    private final DdlExecutor ddlExecutor;
    private final DdlAnalyzer analyzer = new JsqlDdlAnalyzer();
    private final Throttler throttler;
    private final Clock clock = Clock.systemUTC();
    private final StatusReporter reporter;
    private final Path workRoot;
    private final JdbcServerIdAllocator serverIds;

    public TestStrategyContext(TestDatabase database, StatusReporter reporter) {
        this(database, reporter, "");
    }

    /**
     * @param urlOptions Connector/J options appended to the database's URL, e.g. {@code &sessionVariables=...}
     *                   to give every session of the context a particular sql_mode
     */
    public TestStrategyContext(TestDatabase database, StatusReporter reporter, String urlOptions) {
        this(database, reporter, urlOptions, UnaryOperator.identity());
    }

    /**
     * @param connectionsView what engines get as {@link #connections()}, made from the pool, e.g. a
     *                        wrapper that can cut them off as if their executor died
     */
    public TestStrategyContext(TestDatabase database, StatusReporter reporter, String urlOptions,
                               UnaryOperator<TargetConnections> connectionsView) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.pool = new HikariTargetConnections(TargetConnectionSettings.of(database.jdbcUrl() + urlOptions,
                database.name(), database.user(), database::password));
        this.connections = connectionsView.apply(pool);
        this.inspector = new JdbcSchemaInspector(pool.dataSource());
        this.ddlExecutor = new JdbcDdlExecutor(pool.dataSource());
        this.throttler = new ManualThrottler();
        this.serverIds = new JdbcServerIdAllocator(pool, new SecureRandom());
        try {
            this.workRoot = Files.createTempDirectory("onlineddl-strategy-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String executorId() {
        return "strategy-test";
    }

    @Override
    public TargetConnections connections() {
        return connections;
    }

    @Override
    public SchemaInspector schemaInspector() {
        return inspector;
    }

    @Override
    public DdlExecutor ddlExecutor() {
        return ddlExecutor;
    }

    @Override
    public DdlAnalyzer ddlAnalyzer() {
        return analyzer;
    }

    @Override
    public Throttler throttler() {
        return throttler;
    }

    @Override
    public ProcessRunner processRunner() {
        throw new UnsupportedOperationException("this test context runs no external tools");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public StatusReporter reporter() {
        return reporter;
    }

    @Override
    public long allocateServerId() throws SQLException {
        return serverIds.allocate();
    }

    /**
     * A name only: the test database's server has no control schema, and the engines under test
     * keep no tables there. Distinct from the target database, as a real control schema is.
     */
    @Override
    public String controlSchema() {
        return "_onlineddl_test_control";
    }

    @Override
    public Path workDirectory(MigrationUuid uuid) {
        try {
            return Files.createDirectories(workRoot.resolve(uuid.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        pool.close();
        try (Stream<Path> entries = Files.walk(workRoot)) {
            for (Path entry : (Iterable<Path>) entries.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(entry);
            }
        }
    }
}
