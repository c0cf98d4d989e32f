package dev.onlineddl.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A server as {@link Replication} sees it: where others reach it, and how to get a connection that
 * may create accounts and change replication (every privilege). Holds no password itself.
 *
 * @param host  as the other server connects to it, e.g. {@code 127.0.0.1}
 * @param port  its TCP port
 * @param admin opens a new connection with every privilege; the caller's code closes it
 */
public record ReplicationEndpoint(String host, int port, AdminConnections admin) {

    public ReplicationEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(admin, "admin");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /** Opens connections with every privilege, e.g. {@code server::openAdminConnection}. */
    @FunctionalInterface
    public interface AdminConnections {
        Connection open() throws SQLException;
    }

    Connection openAdminConnection() throws SQLException {
        return admin.open();
    }

    /** For messages: {@code 127.0.0.1:40123}. */
    String address() {
        return host + ":" + port;
    }
}
