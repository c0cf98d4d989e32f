package dev.onlineddl.spi;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ProcessRunner;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.port.out.Throttler;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the core hands a strategy engine: the target database and the services it may use. The
 * engine reports every status change through {@link #reporter()}; it never writes the migration
 * store itself.
 */
public interface StrategyContext {

    /** The id of the executor running the engine (stored in {@code schema_migrations.tablet}). */
    String executorId();

    TargetConnections connections();

    SchemaInspector schemaInspector();

    DdlExecutor ddlExecutor();

    DdlAnalyzer ddlAnalyzer();

    Throttler throttler();

    ProcessRunner processRunner();

    Clock clock();

    StatusReporter reporter();

    /** A directory of the engine's own for one migration (created on demand, removed at artifact clean-up). */
    Path workDirectory(MigrationUuid uuid);

    /**
     * Where an external tool launched for this migration reports back (status and throttler
     * endpoints of the daemon's HTTP API), with a token valid for that migration only. Empty when
     * no HTTP API runs (embedded library use).
     */
    default Optional<Callbacks> callbacks(MigrationUuid uuid) {
        return Optional.empty();
    }

    /**
     * A setting the embedding application gives strategy engines, e.g.
     * {@link StrategySettings#GH_OST_PATH}. Empty when the application did not set it, and for
     * contexts that predate settings: an engine must have a default for every setting it reads.
     */
    default Optional<String> setting(String name) {
        return Optional.empty();
    }

    /** @param token a secret: pass it to the tool through a file or its environment, never its arguments */
    record Callbacks(URI statusUrl, URI throttlerCheckUrl, String token) {
        @Override
        public String toString() {
            return "Callbacks[statusUrl=" + statusUrl + ", throttlerCheckUrl=" + throttlerCheckUrl + ", token=***]";
        }
    }
}
