package dev.onlineddl.testkit;

import dev.onlineddl.embedded.EmbeddedServerException;
import dev.onlineddl.embedded.ReplicaLink;
import dev.onlineddl.embedded.ReplicationEndpoint;
import dev.onlineddl.embedded.Replication;
import dev.onlineddl.embedded.ServerSettings;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Embedded MariaDB servers a test starts beside the shared one, e.g. a replica of the shared
 * server or a fresh primary with its replica, for what needs a replication topology (the
 * throttler's replica lag). Each is a full kit server, with its own port, server id, data
 * directory and the kit's two accounts; {@link #close()} stops every server started here.
 *
 * <pre>{@code
 * try (ExtraEmbeddedServers extra = ExtraEmbeddedServers.open()) {
 *     ExtraEmbeddedServers.ReplicaPair pair = extra.startPrimaryWithReplica();
 *     ... write on pair.primary() ...
 *     extra.awaitReplicaCaughtUp(pair.replica(), Duration.ofSeconds(30));
 *     ... read on pair.replica() ...
 * }
 * }</pre>
 *
 * Only on Linux x86-64, where the embedded MariaDB runs; elsewhere {@link #open()} says so.
 */
public final class ExtraEmbeddedServers implements AutoCloseable {

    private static final Duration REPLICATION_START_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedServers servers;
    private final List<EmbeddedServers.Extra> started = new ArrayList<>();
    private final Map<TestServer, ReplicaLink> replicas = new IdentityHashMap<>();

    private ExtraEmbeddedServers(EmbeddedServers servers) {
        this.servers = servers;
    }

    /** A primary and a server replicating from it. */
    public record ReplicaPair(TestServer primary, TestServer replica) {
    }

    /**
     * @throws TestServerUnavailableException off Linux x86-64, or when the embedded binaries cannot be had
     */
    public static ExtraEmbeddedServers open() {
        ServerSelection.Platform platform = ServerSelection.Platform.current();
        if (!platform.runsEmbeddedMariaDb()) {
            throw new TestServerUnavailableException("extra embedded servers need the embedded MariaDB, which runs on"
                    + " Linux x86-64 only (this is " + platform + ")");
        }
        return new ExtraEmbeddedServers(EmbeddedServers.jvmWide());
    }

    /** A fresh server that replicates from nobody, binlog on. */
    public synchronized TestServer startPrimary() {
        return startServer(ServerSettings.withServerId(1));
    }

    /**
     * A fresh server replicating from {@code primary} from the start of the primary's binlog, so it
     * gets every database the primary has made since it started (the accounts excepted, which each
     * server makes for itself); returns once both replication threads run.
     *
     * @param primary an embedded MariaDB of this JVM: the shared server when it is embedded, or one started here
     * @throws TestServerUnavailableException when the primary is no embedded MariaDB, or replication does not start
     */
    public synchronized TestServer startReplicaOf(TestServer primary) {
        Objects.requireNonNull(primary, "primary");
        if (primary.kind() != TestServer.Kind.EMBEDDED || !primary.isMariaDb()) {
            throw new TestServerUnavailableException("a replica needs an embedded MariaDB primary, and " + primary
                    + " is not one: run with ONLINEDDL_TEST_SERVER=embedded, or start a primary with startPrimary()");
        }
        TestServer replica = startServer(ServerSettings.replica(1));
        try {
            ReplicaLink link = new Replication(servers.random(), REPLICATION_START_TIMEOUT)
                    .start(endpoint(primary), endpoint(replica), Replication.StartingPoint.PRIMARY_BINLOG_START);
            replicas.put(replica, link);
            return replica;
        } catch (SQLException | EmbeddedServerException e) {
            throw new TestServerUnavailableException("could not make " + replica + " a replica of " + primary + ": "
                    + e.getMessage(), e);
        }
    }

    /** A fresh primary and a fresh replica of it. */
    public synchronized ReplicaPair startPrimaryWithReplica() {
        TestServer primary = startPrimary();
        return new ReplicaPair(primary, startReplicaOf(primary));
    }

    /**
     * Waits until the replica has applied everything its primary has written so far (the server
     * waits, with {@code MASTER_GTID_WAIT}, for at most {@code timeout}).
     *
     * @param replica one {@link #startReplicaOf} or {@link #startPrimaryWithReplica} returned
     * @throws AssertionError when it has not caught up in time, with its replication status
     */
    public void awaitReplicaCaughtUp(TestServer replica, Duration timeout) throws SQLException {
        ReplicaLink link;
        synchronized (this) {
            link = replicas.get(replica);
        }
        if (link == null) {
            throw new IllegalArgumentException(replica + " is no replica started by this ExtraEmbeddedServers");
        }
        try {
            link.awaitCaughtUp(timeout);
        } catch (EmbeddedServerException notCaughtUp) {
            throw new AssertionError(notCaughtUp.getMessage(), notCaughtUp);
        }
    }

    /** Stops every server started here, replicas first. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).process().close();
        }
        started.clear();
        replicas.clear();
    }

    private TestServer startServer(ServerSettings settings) {
        EmbeddedServers.Extra extra = servers.startExtra(settings);
        started.add(extra);
        return extra.server();
    }

    private static ReplicationEndpoint endpoint(TestServer server) {
        return new ReplicationEndpoint(server.host(), server.port(), server::openAdminConnection);
    }
}
