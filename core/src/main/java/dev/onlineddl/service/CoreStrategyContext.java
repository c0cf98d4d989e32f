package dev.onlineddl.service;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ProcessRunner;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.ServerIdAllocator;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.port.out.Throttler;
import dev.onlineddl.spi.StatusReporter;
import dev.onlineddl.spi.StrategyContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The {@link StrategyContext} the core hands every engine: its own services and its status reporter. */
final class CoreStrategyContext implements StrategyContext {

    private final String executorId;
    private final TargetConnections connections;
    private final SchemaInspector schemaInspector;
    private final DdlExecutor ddlExecutor;
    private final DdlAnalyzer ddlAnalyzer;
    private final Throttler throttler;
    private final ProcessRunner processRunner;
    private final Clock clock;
    private final StatusReporter reporter;
    private final Path workRoot;
    private final Function<MigrationUuid, Optional<Callbacks>> callbacks;
    private final Map<String, String> settings;
    private final ServerIdAllocator serverIds;
    private final Supplier<String> controlSchema;

    CoreStrategyContext(String executorId, TargetConnections connections, SchemaInspector schemaInspector,
            DdlExecutor ddlExecutor, DdlAnalyzer ddlAnalyzer, Throttler throttler, ProcessRunner processRunner,
            Clock clock, StatusReporter reporter, Path workRoot, Function<MigrationUuid, Optional<Callbacks>> callbacks,
            Map<String, String> settings, ServerIdAllocator serverIds, Supplier<String> controlSchema) {
        this.executorId = Objects.requireNonNull(executorId, "executorId");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.schemaInspector = Objects.requireNonNull(schemaInspector, "schemaInspector");
        this.ddlExecutor = Objects.requireNonNull(ddlExecutor, "ddlExecutor");
        this.ddlAnalyzer = Objects.requireNonNull(ddlAnalyzer, "ddlAnalyzer");
        this.throttler = Objects.requireNonNull(throttler, "throttler");
        this.processRunner = Objects.requireNonNull(processRunner, "processRunner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.workRoot = Objects.requireNonNull(workRoot, "workRoot");
        this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
        this.settings = Map.copyOf(settings);
        this.serverIds = Objects.requireNonNull(serverIds, "serverIds");
        this.controlSchema = Objects.requireNonNull(controlSchema, "controlSchema");
    }

    @Override
    public String executorId() {
        return executorId;
    }

    @Override
    public TargetConnections connections() {
        return connections;
    }

    @Override
    public SchemaInspector schemaInspector() {
        return schemaInspector;
    }

    @Override
    public DdlExecutor ddlExecutor() {
        return ddlExecutor;
    }

    @Override
    public DdlAnalyzer ddlAnalyzer() {
        return ddlAnalyzer;
    }

    @Override
    public Throttler throttler() {
        return throttler;
    }

    @Override
    public ProcessRunner processRunner() {
        return processRunner;
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
    public Path workDirectory(MigrationUuid uuid) {
        Path directory = directoryOf(uuid);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the work directory " + directory + " of migration " + uuid
                    + ": check that the executor's work directory is writable", e);
        }
    }

    /** What the embedding application (the daemon's HTTP API) offers; empty without one. */
    @Override
    public Optional<Callbacks> callbacks(MigrationUuid uuid) {
        return callbacks.apply(Objects.requireNonNull(uuid, "uuid"));
    }

    /** What the embedding application gave {@code OnlineDdl.Builder.strategySetting}; fixed once built. */
    @Override
    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public long allocateServerId() throws SQLException {
        return serverIds.allocate();
    }

    /** The store's schema: the core's own tables are there, and a plugin's may be. Asked when an engine asks. */
    @Override
    public String controlSchema() {
        return controlSchema.get();
    }

    private Path directoryOf(MigrationUuid uuid) {
        // A valid UUID has no '/' and no '.' (its character class runs from '0' to 'f'), so it is
        // always exactly one path element below the work root.
        return workRoot.resolve(uuid.value());
    }
}
