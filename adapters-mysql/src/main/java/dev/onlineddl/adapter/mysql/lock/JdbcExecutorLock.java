package dev.onlineddl.adapter.mysql.lock;

import dev.onlineddl.port.out.ExecutorLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ExecutorLock} as a MySQL/MariaDB user lock: {@code GET_LOCK('onlineddl:<schema>', 0)} on a
 * connection of its own that stays open while the lock is held. The server releases the lock when
 * that connection ends, so a crashed or cut-off executor loses it and a standby takes over.
 *
 * <p>Every check asks the server ({@code IS_USED_LOCK} against {@code CONNECTION_ID()}): a connection
 * killed on the server side is noticed at the next check, not only when a statement fails.
 */
public final class JdbcExecutorLock implements ExecutorLock {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcExecutorLock.class);

    /** MySQL 5.7+ refuses longer user lock names. */
    static final int MAX_LOCK_NAME_LENGTH = 64;
    private static final String PREFIX = "onlineddl:";
    private static final int CHECK_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final String lockName;
    private Connection connection;

    /**
     * @param dataSource   connections to the target server; one is kept open while the lock is held
     * @param targetSchema the database the executor migrates: one lock per target
     */
    public JdbcExecutorLock(DataSource dataSource, String targetSchema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.lockName = lockNameFor(Objects.requireNonNull(targetSchema, "targetSchema"));
    }

    /**
     * {@code onlineddl:<schema>}; a schema name too long for that (over 54 characters) is replaced
     * by a hash of it, so the name still identifies the target and fits the server's limit.
     */
    static String lockNameFor(String targetSchema) {
        return lockNameFor(PREFIX, targetSchema);
    }

    /** {@code <prefix><schema>}, or the prefix and a hash of the schema where that is too long for the server. */
    static String lockNameFor(String prefix, String targetSchema) {
        String plain = prefix + targetSchema;
        if (plain.length() <= MAX_LOCK_NAME_LENGTH) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(targetSchema.getBytes(StandardCharsets.UTF_8));
            return (prefix + HexFormat.of().formatHex(digest)).substring(0, MAX_LOCK_NAME_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String lockName() {
        return lockName;
    }

    @Override
    public synchronized boolean tryAcquire() {
        if (connection != null) {
            if (stillHeld()) {
                return true;
            }
            LOG.warn("lost executor lock {}: its connection ended or the lock was released", lockName);
            closeConnection();
        }
        Connection candidate;
        try {
            candidate = dataSource.getConnection();
        } catch (SQLException e) {
            LOG.warn("cannot connect to take executor lock {}: {}", lockName, e.getMessage());
            return false;
        }
        try (PreparedStatement getLock = candidate.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            getLock.setString(1, lockName);
            try (ResultSet result = getLock.executeQuery()) {
                if (result.next() && result.getInt(1) == 1) {
                    connection = candidate;
                    LOG.info("took executor lock {}", lockName);
                    return true;
                }
            }
        } catch (SQLException e) {
            LOG.warn("cannot take executor lock {}: {}", lockName, e.getMessage());
        }
        closeQuietly(candidate);
        return false;
    }

    private boolean stillHeld() {
        try (PreparedStatement check = connection.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
            check.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
            check.setString(1, lockName);
            try (ResultSet result = check.executeQuery()) {
                return result.next() && result.getBoolean(1) && !result.wasNull();
            }
        } catch (SQLException e) {
            LOG.warn("cannot check executor lock {}: {}", lockName, e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void release() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, lockName);
            release.executeQuery().close();
            LOG.info("released executor lock {}", lockName);
        } catch (SQLException e) {
            // closing the connection below releases it just as well
            LOG.debug("RELEASE_LOCK of {} failed, closing its connection instead: {}", lockName, e.getMessage());
        }
        closeConnection();
    }

    @Override
    public void close() {
        release();
    }

    private void closeConnection() {
        closeQuietly(connection);
        connection = null;
    }

    private static void closeQuietly(Connection toClose) {
        if (toClose == null) {
            return;
        }
        try {
            toClose.close();
        } catch (SQLException e) {
            LOG.debug("closing a lock connection failed: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "JdbcExecutorLock[" + lockName + "]";
    }
}
