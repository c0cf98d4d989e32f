package dev.onlineddl.adapter.vreplication.state;

import dev.onlineddl.domain.naming.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

/**
 * The stream state tables the plugin owns in the control schema ({@code vreplication_stream},
 * {@code vreplication_copy_state}; created by the plugin's own Flyway history). Methods take the
 * connection to use, so that the copier and the applier write their progress in the same
 * transaction as the rows it describes.
 */
public final class StreamStateStore {

    private final String stream;
    private final String copyState;

    public StreamStateStore(String controlSchema) {
        this.stream = Identifiers.quoteQualified(controlSchema, "vreplication_stream");
        this.copyState = Identifiers.quoteQualified(controlSchema, "vreplication_copy_state");
    }

    /** One stream's row as stored. */
    public record StoredStream(long id, String workflow, String pos, String state, String message, long rowsCopied,
            long timeUpdated, long transactionTimestamp, long timeThrottled, String componentThrottled) {
    }

    /** Creates the stream's row (state Init) and its copy state; returns the stream id. */
    public long create(Connection connection, String workflow, String dbName, String source, String sourceTable)
            throws SQLException {
        delete(connection, workflow);
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + stream
                + " (workflow, source, pos, state, message, db_name, time_updated) VALUES (?, ?, '', ?, '', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, workflow);
            insert.setString(2, source);
            insert.setString(3, StreamState.INIT.stored());
            insert.setString(4, dbName);
            insert.setLong(5, Instant.now().getEpochSecond());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + copyState + " (vrepl_id, table_name, lastpk) VALUES (?, ?, '')")) {
            insert.setLong(1, id);
            insert.setString(2, sourceTable);
            insert.executeUpdate();
        }
        return id;
    }

    public Optional<StoredStream> find(Connection connection, String workflow) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, workflow, pos, state, message, rows_copied,"
                + " time_updated, transaction_timestamp, time_throttled, component_throttled FROM " + stream
                + " WHERE workflow = ?")) {
            select.setString(1, workflow);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredStream(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9),
                        row.getString(10)));
            }
        }
    }

    public boolean copyInProgress(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + copyState + " WHERE vrepl_id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    public void updateState(Connection connection, long id, StreamState state, String message) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + stream + " SET state = ?, message = ?, time_updated = ? WHERE id = ?")) {
            update.setString(1, state.stored());
            update.setString(2, message);
            update.setLong(3, Instant.now().getEpochSecond());
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    /** The copier's progress after a chunk, in the chunk's transaction. */
    public void recordChunk(Connection connection, long id, String sourceTable, String lastKey, long rowsCopied)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + copyState + " SET lastpk = ? WHERE vrepl_id = ? AND table_name = ?")) {
            update.setString(1, lastKey);
            update.setLong(2, id);
            update.setString(3, sourceTable);
            update.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + stream + " SET rows_copied = ?, time_updated = ? WHERE id = ?")) {
            update.setLong(1, rowsCopied);
            update.setLong(2, Instant.now().getEpochSecond());
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** The copy is done: its copy state goes, as Vitess's does, and the stream runs on. */
    public void finishCopy(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + copyState + " WHERE vrepl_id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        updateState(connection, id, StreamState.RUNNING, "");
    }

    /** The applier's position, in the transaction of the rows it applied. */
    public void recordApplied(Connection connection, long id, String position, Instant committedAt, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + stream
                + " SET pos = ?, transaction_timestamp = ?, time_updated = ?, time_heartbeat = ? WHERE id = ?")) {
            update.setString(1, position);
            update.setLong(2, committedAt.getEpochSecond());
            update.setLong(3, now.getEpochSecond());
            update.setLong(4, now.getEpochSecond());
            update.setLong(5, id);
            update.executeUpdate();
        }
    }

    public void recordThrottled(Connection connection, long id, Instant at, String component) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + stream + " SET time_throttled = ?, component_throttled = ? WHERE id = ?")) {
            update.setLong(1, at.getEpochSecond());
            update.setString(2, component);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /** Removes the stream and its copy state (a cancel, or artifacts collected). */
    public void delete(Connection connection, String workflow) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE c FROM " + copyState + " c JOIN " + stream
                + " s ON s.id = c.vrepl_id WHERE s.workflow = ?")) {
            delete.setString(1, workflow);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + stream + " WHERE workflow = ?")) {
            delete.setString(1, workflow);
            delete.executeUpdate();
        }
    }
}
