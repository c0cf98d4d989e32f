package dev.onlineddl.service;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.ControlMigration;
import dev.onlineddl.port.in.QueryMigrations;
import dev.onlineddl.port.in.ReceiveStatusReport;
import dev.onlineddl.port.in.RunExecutorTick;
import dev.onlineddl.port.in.SubmitMigration;
import dev.onlineddl.port.in.ThrottleMigrations;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ExecutorLock;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.ProcessRunner;
import dev.onlineddl.port.out.SchemaDiffer;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.ServerIdAllocator;
import dev.onlineddl.port.out.SubmissionLock;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.port.out.Throttler;
import dev.onlineddl.service.gc.ArtifactCollector;
import dev.onlineddl.service.gc.TableGarbageCollector;
import dev.onlineddl.service.gc.TableGcSettings;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyPlugin;
import dev.onlineddl.spi.StrategySettings;
import java.io.IOException;
import java.sql.SQLException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One executor for one target database, assembled from the {@code port.out} services and the
 * installed strategy plugins, and what it offers the world through {@code port.in}. Nothing ticks
 * until {@link #start()}; {@link #tick()} drives a pass by hand (tests, tools).
 */
public final class OnlineDdl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineDdl.class);

    private final ExecutorConfig config;
    private final StrategyRegistry registry;
    private final ExecutorLock executorLock;
    private final ExecutorCounters.Live counters = new ExecutorCounters.Live();
    private final TickScheduler scheduler;
    private final MigrationStatusGateway reports;
    private final Executor executor;
    private final MigrationSubmitter submitter;
    private final MigrationCommands commands;
    private final MigrationQueries queries;
    private final TickListener tickListener;
    private final InstalledStrategies strategies;
    private final MigrationLifecycle lifecycle;

    private OnlineDdl(Builder builder) {
        this.config = builder.config;
        this.tickListener = builder.tickListener;
        this.registry = builder.registry;
        this.executorLock = builder.executorLock;
        this.scheduler = new TickScheduler(this::scheduledTick, config.checkInterval(), config.nextCheckIntervals(),
                "onlineddl-executor-" + config.target().mysqlSchema());
        OwnedMigrations owned = new OwnedMigrations();
        this.reports = new MigrationStatusGateway(builder.store, owned, scheduler, counters);
        // One work root per target: several executors may share the configured directory.
        Path workRoot = config.workDirectory().resolve(config.target().mysqlSchema());
        CoreStrategyContext context = new CoreStrategyContext(config.executorId(), builder.connections,
                builder.schemaInspector, builder.ddlExecutor, builder.ddlAnalyzer, builder.throttler, builder.processRunner,
                builder.clock, reports, workRoot, builder.callbacks, builder.strategySettings, builder.serverIds,
                builder.store::controlSchema);
        this.strategies = registry.install(context);
        this.lifecycle = new MigrationLifecycle(config, builder.store, strategies, owned, reports, scheduler);
        MigrationRunner runner = new MigrationRunner(lifecycle, builder.schemaInspector, builder.ddlExecutor,
                builder.ddlAnalyzer, builder.clock, builder.random, counters, Optional.ofNullable(builder.schemaDiffer));
        ArtifactCollector artifactCollector = new ArtifactCollector(builder.store, builder.schemaInspector,
                builder.ddlExecutor, lifecycle::engineFor, builder.clock, config.artifactRetention(), workRoot);
        TableGarbageCollector tableGarbageCollector = new TableGarbageCollector(builder.connections,
                builder.schemaInspector, builder.ddlExecutor, builder.throttler, builder.clock, builder.tableGcSettings);
        this.executor = new Executor(lifecycle, runner, builder.schemaInspector, builder.ddlExecutor, executorLock,
                builder.throttler, artifactCollector, tableGarbageCollector, builder.clock);
        this.submitter = new MigrationSubmitter(lifecycle, builder.ddlAnalyzer, builder.clock, builder.random, counters,
                builder.submissionLock);
        this.commands = new MigrationCommands(lifecycle, builder.throttler);
        this.queries = new MigrationQueries(lifecycle, workRoot);
        LOG.info("executor {} for {} assembled with strategies {}", config.executorId(), config.target(),
                registry.installedStrategies());
    }

    public static Builder builder(ExecutorConfig config) {
        return new Builder(config);
    }

    /** Starts ticking: at once, then every check interval and soon after every event. */
    public void start() {
        scheduler.start();
    }

    private void scheduledTick() {
        long startNanos = System.nanoTime();
        RunExecutorTick.TickOutcome outcome = executor.tick();
        tickListener.tickEnded(outcome, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Told of every scheduled tick's outcome and duration (the daemon's metrics). Called on the tick thread. */
    @FunctionalInterface
    public interface TickListener {
        void tickEnded(RunExecutorTick.TickOutcome outcome, Duration duration);
    }

    public SubmitMigration submitMigration() {
        return submitter;
    }

    public ControlMigration controlMigration() {
        return commands;
    }

    public ThrottleMigrations throttleMigrations() {
        return commands;
    }

    public QueryMigrations queryMigrations() {
        return queries;
    }

    public RunExecutorTick executorTick() {
        return executor;
    }

    /** Runs one pass now (see {@link RunExecutorTick#tick()}). */
    public RunExecutorTick.TickOutcome tick() {
        return executor.tick();
    }

    /** Where external tools' status reports enter (the daemon's HTTP API). */
    public ReceiveStatusReport statusReports() {
        return reports;
    }

    public ExecutorCounters counters() {
        return counters.snapshot();
    }

    public ExecutorConfig config() {
        return config;
    }

    public StrategyRegistry registry() {
        return registry;
    }

    /** Whether this executor is the active one for its target (not a standby). */
    public boolean isActive() {
        return executor.isActive();
    }

    /**
     * Stops ticking, closes the strategy engines and lets go of the target's lock, so that a
     * standby takes over. Running migrations are left running, as Vitess leaves them when its
     * executor closes: the next executor adopts or judges them. From then on, submissions and
     * commands are refused with Vitess's "online ddl is disabled" and change nothing. A second
     * call does nothing.
     */
    @Override
    public void close() {
        // First, so that a submission or command arriving while the engines close is refused
        // rather than half done.
        if (!lifecycle.markClosed()) {
            return;
        }
        scheduler.close();
        // After the last tick, so no tick calls a closed engine; before the lock goes, so no
        // standby adopts a migration while an engine of this executor still drives it.
        strategies.closeEngines();
        executor.stepDown();
        executorLock.close();
        LOG.info("executor {} for {} stopped", config.executorId(), config.target());
    }

    /** Collects the services; every one without a default is required. */
    public static final class Builder {
        private final ExecutorConfig config;
        private MigrationStore store;
        private SchemaInspector schemaInspector;
        private DdlExecutor ddlExecutor;
        private DdlAnalyzer ddlAnalyzer;
        private TargetConnections connections;
        private ExecutorLock executorLock;
        private StrategyRegistry registry;
        private Throttler throttler;
        private ProcessRunner processRunner = new NoProcessRunner();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new SecureRandom();
        private TickListener tickListener = (outcome, duration) -> { };
        private Function<MigrationUuid, Optional<StrategyContext.Callbacks>> callbacks = uuid -> Optional.empty();
        private TableGcSettings tableGcSettings = TableGcSettings.DEFAULT;
        private SchemaDiffer schemaDiffer;
        private final Map<String, String> strategySettings = new LinkedHashMap<>();
        private ServerIdAllocator serverIds = new NoServerIds();
        private SubmissionLock submissionLock;

        private Builder(ExecutorConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        public Builder store(MigrationStore store) {
            this.store = store;
            return this;
        }

        public Builder schemaInspector(SchemaInspector schemaInspector) {
            this.schemaInspector = schemaInspector;
            return this;
        }

        public Builder ddlExecutor(DdlExecutor ddlExecutor) {
            this.ddlExecutor = ddlExecutor;
            return this;
        }

        public Builder ddlAnalyzer(DdlAnalyzer ddlAnalyzer) {
            this.ddlAnalyzer = ddlAnalyzer;
            return this;
        }

        public Builder connections(TargetConnections connections) {
            this.connections = connections;
            return this;
        }

        public Builder executorLock(ExecutorLock executorLock) {
            this.executorLock = executorLock;
            return this;
        }

        /** The installed strategies; e.g. {@link StrategyRegistry#discover(ClassLoader)}. */
        public Builder strategies(StrategyRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** Exactly these strategy plugins (embedding, tests). */
        public Builder plugins(List<? extends StrategyPlugin> plugins) {
            this.registry = StrategyRegistry.of(plugins);
            return this;
        }

        /** Default: an {@link InMemoryThrottler}. */
        public Builder throttler(Throttler throttler) {
            this.throttler = throttler;
            return this;
        }

        /** Default: none; strategies that start processes then fail with a clear message. */
        public Builder processRunner(ProcessRunner processRunner) {
            this.processRunner = processRunner;
            return this;
        }

        /** Default: the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Default: a {@link SecureRandom}, for UUIDs and generated table names. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** How table garbage collection goes through the GC tables. Default: {@link TableGcSettings#DEFAULT}. */
        public Builder tableGcSettings(TableGcSettings tableGcSettings) {
            this.tableGcSettings = Objects.requireNonNull(tableGcSettings, "tableGcSettings");
            return this;
        }

        /**
         * Computes what a declarative CREATE of an existing table or view changes. Default: none;
         * such a migration then fails, saying that the executor has no differ.
         */
        public Builder schemaDiffer(SchemaDiffer schemaDiffer) {
            this.schemaDiffer = Objects.requireNonNull(schemaDiffer, "schemaDiffer");
            return this;
        }

        /** Default: none. */
        public Builder tickListener(TickListener tickListener) {
            this.tickListener = Objects.requireNonNull(tickListener, "tickListener");
            return this;
        }

        /**
         * Where external tools launched for a migration report back (see
         * {@link StrategyContext#callbacks}). Default: nowhere (no HTTP API).
         */
        public Builder callbacks(Function<MigrationUuid, Optional<StrategyContext.Callbacks>> callbacks) {
            this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
            return this;
        }

        /**
         * A setting strategy engines read through {@link StrategyContext#setting(String)}, e.g.
         * {@code strategySetting(StrategySettings.GH_OST_PATH, "/usr/local/bin/gh-ost")}. A later
         * value for the same name replaces the earlier one. Never a secret: engines may log
         * settings, and a tool may get them on its command line.
         *
         * @throws IllegalArgumentException if the name is blank or holds whitespace
         */
        public Builder strategySetting(String name, String value) {
            Objects.requireNonNull(name, "strategy setting name");
            Objects.requireNonNull(value, () -> "value of the strategy setting '" + name + "'");
            if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("invalid strategy setting name '" + name
                        + "': use a name without whitespace such as " + StrategySettings.GH_OST_PATH);
            }
            strategySettings.put(name, value);
            return this;
        }

        /** {@link #strategySetting(String, String)} for each entry. */
        public Builder strategySettings(Map<String, String> settings) {
            settings.forEach(this::strategySetting);
            return this;
        }

        /**
         * Where engines get the server ids of their binlog streams ({@code StrategyContext.allocateServerId}).
         * Without one, an engine that streams the binlog fails its migration, saying so.
         */
        public Builder serverIdAllocator(ServerIdAllocator serverIdAllocator) {
            this.serverIds = Objects.requireNonNull(serverIdAllocator, "serverIdAllocator");
            return this;
        }

        /**
         * The lock around a submission's singleton checks, which every executor submitting for the
         * same target must share: e.g. {@code JdbcSubmissionLock} of {@code adapters-mysql}, a
         * {@code GET_LOCK} on the target server. Default: a lock of this executor alone, enough only
         * when no other executor (daemon, standby, another instance) accepts submissions for the target.
         */
        public Builder submissionLock(SubmissionLock submissionLock) {
            this.submissionLock = Objects.requireNonNull(submissionLock, "submissionLock");
            return this;
        }

        /**
         * @throws NullPointerException naming the first required service not given
         * @throws StrategyRegistrationException when a plugin fails to create its engine
         */
        public OnlineDdl build() {
            Objects.requireNonNull(store, "store (MigrationStore) is required");
            Objects.requireNonNull(schemaInspector, "schemaInspector is required");
            Objects.requireNonNull(ddlExecutor, "ddlExecutor is required");
            Objects.requireNonNull(ddlAnalyzer, "ddlAnalyzer is required");
            Objects.requireNonNull(connections, "connections (TargetConnections) is required");
            Objects.requireNonNull(executorLock, "executorLock is required");
            Objects.requireNonNull(registry, "strategies: give a StrategyRegistry or the plugins");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(random, "random");
            Objects.requireNonNull(processRunner, "processRunner");
            if (!store.target().equals(config.target())) {
                throw new IllegalArgumentException("the store is bound to " + store.target() + " but the executor migrates "
                        + config.target() + ": bind both to the same target");
            }
            if (throttler == null) {
                throttler = new InMemoryThrottler(clock, random);
            }
            if (submissionLock == null) {
                submissionLock = new ThisJvmOnly(config.target().mysqlSchema());
            }
            return new OnlineDdl(this);
        }
    }

    /**
     * Stands in when no submission lock was given: the submitter's own JVM lock is all there is,
     * so singletons hold within this executor only.
     */
    private record ThisJvmOnly(String targetSchema) implements SubmissionLock {
        @Override
        public <T> T whileHeld(Supplier<T> work) {
            return work.get();
        }

        @Override
        public String lockName() {
            return "submissions of " + targetSchema + " in this executor only";
        }
    }

    /** Stands in when no server-id allocator was given: allocating fails, saying why. */
    private static final class NoServerIds implements ServerIdAllocator {
        @Override
        public long allocate() throws SQLException {
            throw new SQLException("this executor was assembled without a ServerIdAllocator, so it cannot give a"
                    + " binlog stream a server id: give the builder one (OnlineDdl.Builder.serverIdAllocator)");
        }
    }

    /** Stands in when no process runner was given: starting a process fails, saying why. */
    private static final class NoProcessRunner implements ProcessRunner {
        @Override
        public RunningProcess start(ProcessSpec spec) throws IOException {
            throw new IOException("this executor was assembled without a ProcessRunner, so it cannot start "
                    + spec.command().get(0) + ": give the builder a ProcessRunner");
        }
    }
}
