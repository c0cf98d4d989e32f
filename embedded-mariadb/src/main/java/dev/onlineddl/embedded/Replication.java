package dev.onlineddl.embedded;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Makes one MariaDB server a GTID replica of another: a replication account on the primary with a
 * fresh random password, {@code CHANGE MASTER TO ... MASTER_USE_GTID=slave_pos} and
 * {@code START SLAVE} on the replica, then a bounded wait until both replication threads run.
 *
 * <p>Every value reaches the server bound as a parameter; the connections must prepare statements
 * on the client (Connector/J's default, {@code useServerPrepStmts=false}), because the server
 * prepares neither account statements nor {@code CHANGE MASTER}. The password is never logged and
 * never on a command line.
 */
public final class Replication {

    /** The replica connects over loopback: every embedded server listens there only. */
    static final String REPLICA_HOST = "127.0.0.1";
    static final String USER_PREFIX = "onlineddl_repl_";
    /** How often the replica's threads are looked at while waiting for them to run. */
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(50);
    private static final int PASSWORD_BYTES = 24;

    /** Where the replica starts reading the primary's binlog. */
    public enum StartingPoint {
        /**
         * From the primary's first binlog: the replica replays what the primary did since it was
         * installed. Right for a fresh pair, whose accounts were made outside the binlog.
         */
        PRIMARY_BINLOG_START,
        /**
         * From the primary's present GTID position: the replica sees only what the primary does
         * from now on, and none of its existing databases. Right for a replica of a server that has
         * been in use for a while.
         */
        PRIMARY_CURRENT_POSITION
    }

    private final SecureRandom random;
    private final Duration startTimeout;

    /**
     * @param random       for the replication account's password
     * @param startTimeout how long {@link #start} waits for both replication threads to run
     */
    public Replication(SecureRandom random, Duration startTimeout) {
        this.random = Objects.requireNonNull(random, "random");
        this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
    }

    /**
     * Sets the replica up to replicate from the primary and waits until it does.
     *
     * @throws EmbeddedServerException naming what failed: both servers with one server id, or the
     *                                 threads not running within the timeout (with the error fields of
     *                                 {@code SHOW SLAVE STATUS})
     */
    public ReplicaLink start(ReplicationEndpoint primary, ReplicationEndpoint replica, StartingPoint from)
            throws SQLException {
        long primaryId;
        String primaryPosition;
        try (Connection connection = primary.openAdminConnection()) {
            primaryId = serverId(connection);
            primaryPosition = singleString(connection, "SELECT @@GLOBAL.gtid_binlog_pos");
        }
        long replicaId;
        try (Connection connection = replica.openAdminConnection()) {
            replicaId = serverId(connection);
        }
        if (primaryId == replicaId) {
            throw new EmbeddedServerException("the primary " + primary.address() + " and the replica " + replica.address()
                    + " both have server_id " + primaryId + ": give each server its own (ServerSettings.serverId)");
        }
        String user = USER_PREFIX + replicaId;
        Password password = generatePassword();
        try (Connection connection = primary.openAdminConnection()) {
            createReplicationAccount(connection, user, password);
        }
        try (Connection connection = replica.openAdminConnection()) {
            stopReplica(connection);
            execute(connection, "SET GLOBAL gtid_slave_pos = ?",
                    from == StartingPoint.PRIMARY_CURRENT_POSITION ? primaryPosition : "");
            try (PreparedStatement change = connection.prepareStatement("CHANGE MASTER TO MASTER_HOST = ?,"
                    + " MASTER_PORT = ?, MASTER_USER = ?, MASTER_PASSWORD = ?, MASTER_USE_GTID = slave_pos,"
                    // The embedded servers offer no TLS (--skip-ssl), and MariaDB 11.3+ replicas require it by default.
                    + " MASTER_SSL = 0, MASTER_CONNECT_RETRY = 1")) {
                change.setString(1, primary.host());
                change.setInt(2, primary.port());
                change.setString(3, user);
                change.setString(4, password.value());
                change.execute();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("START SLAVE");
            }
            awaitBothThreads(connection, primary, replica);
        }
        return new ReplicaLink(primary, replica, user);
    }

    /** What {@code SHOW SLAVE STATUS} says on the server; {@code No}/{@code No} when it is no replica. */
    public static ReplicaStatus status(Connection replica) throws SQLException {
        try (Statement statement = replica.createStatement(); ResultSet row = statement.executeQuery("SHOW SLAVE STATUS")) {
            if (!row.next()) {
                return ReplicaStatus.NOT_A_REPLICA;
            }
            long behind = row.getLong("Seconds_Behind_Master");
            OptionalLong secondsBehind = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(behind);
            return new ReplicaStatus(nonNull(row.getString("Slave_IO_Running")), nonNull(row.getString("Slave_SQL_Running")),
                    row.getInt("Last_IO_Errno"), nonNull(row.getString("Last_IO_Error")), row.getInt("Last_SQL_Errno"),
                    nonNull(row.getString("Last_SQL_Error")), secondsBehind);
        }
    }

    private void awaitBothThreads(Connection connection, ReplicationEndpoint primary, ReplicationEndpoint replica)
            throws SQLException {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (true) {
            ReplicaStatus status = status(connection);
            if (status.bothThreadsRun()) {
                return;
            }
            boolean timedOut = System.nanoTime() - deadline >= 0;
            if (status.failedForGood() || timedOut) {
                throw new EmbeddedServerException("the replica " + replica.address() + " does not replicate from "
                        + primary.address() + (timedOut ? " after " + startTimeout.toMillis() + " ms" : "") + ": "
                        + status.describe() + ". Its server log says more; check that the primary has its binlog on"
                        + " and that the replica reaches it.");
            }
            pause();
        }
    }

    /** Between two looks at the replica's threads, which start within milliseconds but not at once. */
    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(CHECK_INTERVAL.toNanos());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServerException("interrupted while waiting for the replica's threads to run");
        }
    }

    /** Made outside the primary's binlog: the replica must not replay its own account's creation. */
    private static void createReplicationAccount(Connection primary, String user, Password password) throws SQLException {
        EmbeddedAccounts.keepOutOfTheBinlog(primary);
        execute(primary, "CREATE OR REPLACE USER ?@? IDENTIFIED BY ?", user, REPLICA_HOST, password.value());
        execute(primary, "GRANT REPLICATION SLAVE ON *.* TO ?@?", user, REPLICA_HOST);
    }

    private static void stopReplica(Connection replica) throws SQLException {
        try (Statement statement = replica.createStatement()) {
            statement.execute("STOP SLAVE");
        } catch (SQLException notAReplicaYet) {
            if (notAReplicaYet.getErrorCode() != MysqlErrorNumbers.ER_BAD_REPLICA) { // not a replica yet: nothing to stop
                throw notAReplicaYet;
            }
        }
    }

    /** URL-safe base64: nothing to escape on the way into {@code CHANGE MASTER}. */
    private Password generatePassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return new Password(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private static long serverId(Connection connection) throws SQLException {
        return Long.parseLong(singleString(connection, "SELECT @@GLOBAL.server_id"));
    }

    static String singleString(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            if (!row.next()) {
                throw new SQLException("the server answered nothing to " + query);
            }
            return nonNull(row.getString(1));
        }
    }

    private static void execute(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.execute();
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
