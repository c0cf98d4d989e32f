package dev.onlineddl.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;

/**
 * A replica that {@link Replication#start} set up and saw replicating.
 *
 * @param replicationUser the account on the primary the replica logs in as (its password stays on the replica)
 */
public record ReplicaLink(ReplicationEndpoint primary, ReplicationEndpoint replica, String replicationUser) {

    /** MASTER_GTID_WAIT answers this when the timeout passed first. */
    private static final int GTID_WAIT_TIMED_OUT = -1;

    public ReplicaLink {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(replicationUser, "replicationUser");
    }

    /**
     * Waits until the replica has applied everything the primary has written so far: the primary's
     * GTID position now, awaited on the replica with {@code MASTER_GTID_WAIT}, which the server ends
     * itself when the timeout passes.
     *
     * @throws EmbeddedServerException when the replica has not caught up within the timeout, with its status
     */
    public void awaitCaughtUp(Duration timeout) throws SQLException {
        String position;
        try (Connection connection = primary.openAdminConnection()) {
            position = Replication.singleString(connection, "SELECT @@GLOBAL.gtid_binlog_pos");
        }
        if (position.isEmpty()) {
            return;
        }
        try (Connection connection = replica.openAdminConnection();
                PreparedStatement wait = connection.prepareStatement("SELECT MASTER_GTID_WAIT(?, ?)")) {
            wait.setString(1, position);
            wait.setDouble(2, timeout.toMillis() / 1000.0);
            try (ResultSet row = wait.executeQuery()) {
                row.next();
                if (row.getInt(1) == GTID_WAIT_TIMED_OUT) {
                    throw new EmbeddedServerException("the replica " + replica.address() + " has not reached the primary's"
                            + " GTID position " + position + " within " + timeout.toMillis() + " ms: "
                            + Replication.status(connection).describe());
                }
            }
        }
    }
}
