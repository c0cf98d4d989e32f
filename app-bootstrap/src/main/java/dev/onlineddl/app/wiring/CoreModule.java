package dev.onlineddl.app.wiring;

import dagger.Module;
import dagger.Provides;
import dev.onlineddl.adapter.mysql.ddl.JsqlDdlAnalyzer;
import dev.onlineddl.adapter.mysql.diff.MySqlSchemaDiffer;
import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.adapter.mysql.inspect.JdbcSchemaInspector;
import dev.onlineddl.adapter.mysql.jdbc.HikariTargetConnections;
import dev.onlineddl.adapter.mysql.jdbc.TargetConnectionSettings;
import dev.onlineddl.adapter.mysql.lock.JdbcExecutorLock;
import dev.onlineddl.adapter.mysql.lock.JdbcSubmissionLock;
import dev.onlineddl.adapter.mysql.jdbc.JdbcServerIdAllocator;
import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.adapter.mysql.store.JooqMigrationStore;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.daemon.ToolCallbacks;
import dev.onlineddl.app.process.LocalProcessRunner;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ExecutorLock;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.ProcessRunner;
import dev.onlineddl.port.out.SchemaDiffer;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.SubmissionLock;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.port.out.Throttler;
import dev.onlineddl.service.ExecutorConfig;
import dev.onlineddl.service.InMemoryThrottler;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.service.StrategyRegistry;
import dev.onlineddl.spi.StrategySettings;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The executor core for one target database, assembled from the MySQL adapters and the strategy
 * plugins found on the class path (built-in ones register through {@code META-INF/services} like
 * any other).
 */
@Module
final class CoreModule {

    private CoreModule() {
    }

    @Provides
    @Singleton
    static HikariTargetConnections targetConnectionPool(DaemonSettings settings) {
        // The password is asked for at each new connection and never kept as a string here.
        return new HikariTargetConnections(TargetConnectionSettings.of(
                settings.jdbcUrl(), settings.database(), settings.user(), () -> settings.password().value()));
    }

    @Provides
    static TargetConnections targetConnections(HikariTargetConnections pool) {
        return pool;
    }

    @Provides
    @Singleton
    static MigrationTarget target(DaemonSettings settings) {
        return new MigrationTarget(settings.keyspace(), settings.shard(), settings.database());
    }

    @Provides
    @Singleton
    static ControlSchema controlSchema(DaemonSettings settings) {
        return new ControlSchema(settings.controlSchema());
    }

    /** Creates or upgrades the control schema first: the store's statements need its tables. */
    @Provides
    @Singleton
    static MigrationStore migrationStore(HikariTargetConnections pool, ControlSchema controlSchema, MigrationTarget target) {
        controlSchema.migrate(pool.dataSource());
        return new JooqMigrationStore(pool.dataSource(), controlSchema, target);
    }

    @Provides
    @Singleton
    static SchemaInspector schemaInspector(HikariTargetConnections pool) {
        return new JdbcSchemaInspector(pool.dataSource());
    }

    @Provides
    @Singleton
    static DdlExecutor ddlExecutor(HikariTargetConnections pool) {
        return new JdbcDdlExecutor(pool.dataSource());
    }

    @Provides
    @Singleton
    static DdlAnalyzer ddlAnalyzer() {
        return new JsqlDdlAnalyzer();
    }

    @Provides
    @Singleton
    static ExecutorLock executorLock(HikariTargetConnections pool, DaemonSettings settings) {
        return new JdbcExecutorLock(pool.dataSource(), settings.database());
    }

    /** Shared with every other daemon for the same database, so that singletons hold across them. */
    @Provides
    @Singleton
    static SubmissionLock submissionLock(HikariTargetConnections pool, DaemonSettings settings) {
        return new JdbcSubmissionLock(pool.dataSource(), settings.database());
    }

    @Provides
    @Singleton
    static StrategyRegistry strategies() {
        return StrategyRegistry.discover(CoreModule.class.getClassLoader());
    }

    /** Declarative CREATEs of existing tables and views are diffed against the live schema. */
    @Provides
    @Singleton
    static SchemaDiffer schemaDiffer() {
        return new MySqlSchemaDiffer();
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static RandomGenerator random() {
        return new SecureRandom();
    }

    @Provides
    @Singleton
    static Throttler throttler(Clock clock, RandomGenerator random) {
        return new InMemoryThrottler(clock, random);
    }

    /** gh-ost and pt-online-schema-change run as children of the daemon. */
    @Provides
    @Singleton
    static ProcessRunner processRunner() {
        return new LocalProcessRunner();
    }

    /**
     * What strategy plugins may read through {@code StrategyContext.setting}: the tool paths the
     * daemon was given. An unset path stays unset, so that the engine looks for its tool on the PATH.
     */
    static Map<String, String> strategySettings(DaemonSettings settings) {
        Map<String, String> strategySettings = new LinkedHashMap<>();
        settings.ghOstPath().ifPresent(path -> strategySettings.put(StrategySettings.GH_OST_PATH, path.toString()));
        settings.ptOscPath().ifPresent(path -> strategySettings.put(StrategySettings.PT_OSC_PATH, path.toString()));
        return strategySettings;
    }

    @Provides
    @Singleton
    static ExecutorConfig executorConfig(DaemonSettings settings, MigrationTarget target) {
        return ExecutorConfig.defaults(settings.executorId(), settings.database())
                .withTarget(target)
                .withCheckInterval(settings.checkInterval())
                .withArtifactRetention(settings.retainArtifacts())
                .withMaxConcurrent(settings.maxConcurrent())
                .withStaleThreshold(settings.staleAfter());
    }

    @Provides
    @Singleton
    static OnlineDdl onlineDdl(DaemonSettings settings, ExecutorConfig config, MigrationStore store,
                               SchemaInspector schemaInspector, DdlExecutor ddlExecutor, DdlAnalyzer ddlAnalyzer,
                               TargetConnections connections, ExecutorLock executorLock, SubmissionLock submissionLock,
                               StrategyRegistry strategies,
                               Throttler throttler, ProcessRunner processRunner, Clock clock, RandomGenerator random,
                               SchemaDiffer schemaDiffer, OnlineDdl.TickListener tickListener, ToolCallbacks callbacks) {
        return OnlineDdl.builder(config)
                .store(store)
                .schemaInspector(schemaInspector)
                .ddlExecutor(ddlExecutor)
                .ddlAnalyzer(ddlAnalyzer)
                .connections(connections)
                .executorLock(executorLock)
                .submissionLock(submissionLock)
                .strategies(strategies)
                .throttler(throttler)
                .processRunner(processRunner)
                .strategySettings(strategySettings(settings))
                .clock(clock)
                .random(random)
                .serverIdAllocator(new JdbcServerIdAllocator(connections, random))
                .schemaDiffer(schemaDiffer)
                .tickListener(tickListener)
                .callbacks(callbacks::forMigration)
                .build();
    }
}
