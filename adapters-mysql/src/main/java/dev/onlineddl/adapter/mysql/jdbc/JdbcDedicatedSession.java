package dev.onlineddl.adapter.mysql.jdbc;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.port.out.DedicatedSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A {@link DedicatedSession} on a physical connection of its own. {@link #kill()} opens a second,
 * short-lived connection to send the {@code KILL}, because the session itself is busy, typically
 * inside the statement that has to end.
 */
final class JdbcDedicatedSession implements DedicatedSession {

    /** {@code KILL} of a session that has ended already: "Unknown thread id". */
    private static final int NO_SUCH_THREAD = MysqlErrorNumbers.ER_NO_SUCH_THREAD;

    private final Connection connection;
    private final long sessionId;
    private final SingleUserDataSource physicalConnections;

    private JdbcDedicatedSession(Connection connection, long sessionId, SingleUserDataSource physicalConnections) {
        this.connection = connection;
        this.sessionId = sessionId;
        this.physicalConnections = physicalConnections;
    }

    /** Opens the session in {@code schema}; the connection is closed again if anything fails. */
    static JdbcDedicatedSession open(SingleUserDataSource physicalConnections, String schema) throws SQLException {
        Objects.requireNonNull(physicalConnections, "physicalConnections");
        Connection connection = physicalConnections.getConnection();
        try {
            connection.setCatalog(schema);
            return new JdbcDedicatedSession(connection, sessionIdOf(connection), physicalConnections);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static long sessionIdOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT CONNECTION_ID()")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public void kill() throws SQLException {
        try (Connection killer = physicalConnections.getConnection();
             Statement statement = killer.createStatement()) {
            // A number, not text: nothing to escape.
            statement.execute("KILL " + sessionId);
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_SUCH_THREAD) {
                throw new SQLException("could not kill dedicated session " + sessionId + ": " + e.getMessage(),
                        e.getSQLState(), e.getErrorCode(), e);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    @Override
    public String toString() {
        return "JdbcDedicatedSession[" + sessionId + "]";
    }
}
