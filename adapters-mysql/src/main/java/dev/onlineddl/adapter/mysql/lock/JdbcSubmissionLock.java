package dev.onlineddl.adapter.mysql.lock;

import dev.onlineddl.port.out.SubmissionLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SubmissionLock} as a MySQL/MariaDB user lock, {@code GET_LOCK('onlineddl-submit:<schema>', wait)},
 * taken on a connection of its own for the length of one submission step and released with
 * {@code RELEASE_LOCK} (or by the server, should the connection die). Every daemon and library
 * instance migrating the same target database takes the same lock, so a {@code --singleton}
 * check and the insert after it are one step across all of them.
 */
public final class JdbcSubmissionLock implements SubmissionLock {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSubmissionLock.class);

    /** Long enough for many submissions queued behind each other; each holds the lock for a few queries. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final String PREFIX = "onlineddl-submit:";

    private final DataSource dataSource;
    private final String lockName;
    private final Duration wait;

    /**
     * @param dataSource   connections to the target server; one is borrowed while the lock is held
     * @param targetSchema the database the executor migrates: one lock per target
     */
    public JdbcSubmissionLock(DataSource dataSource, String targetSchema) {
        this(dataSource, targetSchema, DEFAULT_WAIT);
    }

    /** @param wait how long a submission waits for another one to let go of the lock */
    public JdbcSubmissionLock(DataSource dataSource, String targetSchema, Duration wait) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.lockName = JdbcExecutorLock.lockNameFor(PREFIX, Objects.requireNonNull(targetSchema, "targetSchema"));
        this.wait = Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("the wait for submission lock " + lockName + " cannot be negative: " + wait);
        }
    }

    @Override
    public String lockName() {
        return lockName;
    }

    @Override
    public <T> T whileHeld(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        try (Connection connection = dataSource.getConnection()) {
            acquire(connection);
            try {
                return work.get();
            } finally {
                release(connection);
            }
        } catch (SQLException e) {
            throw new SubmissionLockException("cannot take submission lock " + lockName + " on the target server: "
                    + e.getMessage() + ". Nothing was submitted; check the connection to the server and submit again", e);
        }
    }

    private void acquire(Connection connection) throws SQLException {
        try (PreparedStatement getLock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            getLock.setString(1, lockName);
            getLock.setDouble(2, wait.toMillis() / 1000.0);
            try (ResultSet result = getLock.executeQuery()) {
                result.next();
                int taken = result.getInt(1);
                if (result.wasNull()) {
                    throw new SubmissionLockException("the server could not take submission lock " + lockName
                            + " (GET_LOCK answered NULL). Nothing was submitted; submit again");
                }
                if (taken != 1) {
                    throw new SubmissionLockException("submission lock " + lockName + " was not free within " + wait
                            + ": other submissions for this target held it all along. Nothing was submitted; submit again");
                }
            }
        }
    }

    private void release(Connection connection) {
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, lockName);
            release.executeQuery().close();
        } catch (SQLException e) {
            // the connection closes right after, which releases the lock just as well
            LOG.debug("RELEASE_LOCK of {} failed, closing its connection instead: {}", lockName, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "JdbcSubmissionLock[" + lockName + "]";
    }
}
