package dev.onlineddl.port.out;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection of its own to the target server, outside any pool, for what must not share a
 * pooled session or be cut by a pool's lifetime: {@code LOCK TABLES} at a cut-over, a consistent
 * snapshot, a statement that runs for hours. Its session is known by id, so that it can be killed
 * from another session, which is how a cut-over that waits too long for its lock gives up.
 * Closing it closes the connection.
 */
public interface DedicatedSession extends AutoCloseable {

    /** The session's connection; its default schema is the target database. */
    Connection connection();

    /** The server's id of this session ({@code CONNECTION_ID()}), as {@code KILL} and the process list know it. */
    long sessionId();

    /**
     * Kills this session from another one ({@code KILL <id>}): its running statement ends with an
     * error, its locks are released and its connection is unusable afterwards. Killing a session
     * that has ended already is not an error.
     */
    void kill() throws SQLException;

    @Override
    void close() throws SQLException;
}
