package dev.onlineddl.port.out;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections to the database being migrated. Each call opens (or borrows) a connection whose
 * default schema is {@link #schema()}; the caller closes it. A strategy that needs a session of
 * its own for a long ALTER, a lock or a binlog position takes it here.
 */
public interface TargetConnections {

    /** The database (mysql_schema) this executor migrates. */
    String schema();

    Connection open() throws SQLException;

    /**
     * The server's address and the executor's account, for tools and binlog clients.
     *
     * @throws UnsupportedOperationException for connections that cannot say (the default)
     */
    default ServerEndpoint endpoint() {
        throw new UnsupportedOperationException(getClass().getName() + " does not know the server's endpoint");
    }

    /**
     * A new session outside any pool, its default schema {@link #schema()}; the caller closes it.
     *
     * @throws UnsupportedOperationException for connections that cannot open one (the default)
     */
    default DedicatedSession openDedicated() throws SQLException {
        throw new UnsupportedOperationException(getClass().getName() + " cannot open a dedicated session");
    }
}
