package dev.onlineddl.example.tests;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.port.out.TargetConnections;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Connections that can be cut off as if the executor using them had died: every session opened
 * through them is killed on the server, and no new one is given out. The engine holding them
 * then can neither go on nor clean up, which is what an engine adopting its migration finds.
 */
final class SeverableConnections implements TargetConnections {


    private final TargetConnections server;
    private final List<Long> sessions = new ArrayList<>();
    private boolean severed;

    SeverableConnections(TargetConnections server) {
        this.server = Objects.requireNonNull(server, "server");
    }

    @Override
    public String schema() {
        return server.schema();
    }

    @Override
    public Connection open() throws SQLException {
        synchronized (this) {
            if (severed) {
                throw new SQLNonTransientConnectionException("this executor is gone: its connections were severed");
            }
        }
        Connection connection = server.open();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
            rows.next();
            synchronized (this) {
                sessions.add(rows.getLong(1));
            }
        }
        return connection;
    }

    /** Kills every session handed out and refuses new ones. */
    void sever() throws SQLException {
        List<Long> toKill;
        synchronized (this) {
            severed = true;
            toKill = List.copyOf(sessions);
        }
        try (Connection connection = server.open(); Statement kill = connection.createStatement()) {
            for (long session : toKill) {
                try {
                    kill.execute("KILL CONNECTION " + session);
                } catch (SQLException e) {
                    if (e.getErrorCode() != MysqlErrorNumbers.ER_NO_SUCH_THREAD) {
                        throw e;
                    }
                }
            }
        }
    }
}
