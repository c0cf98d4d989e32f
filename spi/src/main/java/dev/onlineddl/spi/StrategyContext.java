package dev.onlineddl.spi;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleCheck;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.DedicatedSession;
import dev.onlineddl.port.out.ProcessRunner;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.ServerEndpoint;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.port.out.Throttler;
import java.net.URI;
import java.sql.SQLException;
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

    /**
     * The server's address and the executor's account, for a binlog client or an external tool.
     * The password is a supplier that is never printed: give it to a tool through its environment
     * or a file of mode 0600, never its arguments.
     *
     * @throws UnsupportedOperationException when the context's connections cannot say
     */
    default ServerEndpoint endpoint() {
        return connections().endpoint();
    }

    /**
     * A session of its own outside the pool, for {@code LOCK TABLES}, consistent snapshots and
     * statements that run for hours; {@link DedicatedSession#kill()} ends it from another session.
     * The engine closes it.
     *
     * @throws UnsupportedOperationException when the context's connections cannot open one
     */
    default DedicatedSession openDedicatedSession() throws SQLException {
        return connections().openDedicated();
    }

    /**
     * A server id for a client that connects as a replica does (a binlog stream): one that neither
     * the server, nor its replicas, nor another stream of this executor uses.
     *
     * @throws UnsupportedOperationException for contexts that allocate none (the default)
     */
    default long allocateServerId() throws SQLException {
        throw new UnsupportedOperationException(getClass().getName() + " allocates no server ids");
    }

    /**
     * The schema holding the executor's own tables ({@code schema_migrations}). A plugin may keep
     * tables of its own there, created by migrations of its own: see {@link PluginTables}.
     *
     * @throws UnsupportedOperationException for contexts without a control schema (the default)
     */
    default String controlSchema() {
        throw new UnsupportedOperationException(getClass().getName() + " has no control schema");
    }

    /**
     * May the migration's engine go on copying and applying now? A throttled answer names the
     * metric, its source (a replica or an app a user throttled), its value and the threshold, for
     * the engine's stage and {@link StatusReporter#throttled}. Ask before each chunk.
     */
    default ThrottleCheck throttleCheck(MigrationUuid uuid) {
        return throttler().check(uuid.value());
    }

    /** @param token a secret: pass it to the tool through a file or its environment, never its arguments */
    record Callbacks(URI statusUrl, URI throttlerCheckUrl, String token) {
        @Override
        public String toString() {
            return "Callbacks[statusUrl=" + statusUrl + ", throttlerCheckUrl=" + throttlerCheckUrl + ", token=***]";
        }
    }
}
