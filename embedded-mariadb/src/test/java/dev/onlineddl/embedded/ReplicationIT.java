package dev.onlineddl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several real servers in this one JVM, one replicating from another. */
class ReplicationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADMIN = "it_admin";
    /** MariaDB's number (MySQL's is 3118): Connector/J's MysqlErrorNumbers has only MySQL's. */
    private static final int MARIADB_ACCOUNT_HAS_BEEN_LOCKED = 4151;

    private static ServerBinaries binaries;

    @TempDir
    Path temp;

    private final SecureRandom random = new SecureRandom();
    private final List<ThrowawayServer> started = new ArrayList<>();
    private ThrowawayServers servers;

    @BeforeAll
    static void findTheServer() {
        binaries = TestBinaries.locate();
    }

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(ThrowawayServer::close);
    }

    @Test
    void aRowWrittenOnThePrimaryIsReadOnTheReplicaAndBothStopWithoutALeftover() throws Exception {
        Server primary = start(ServerSettings.withServerId(1));
        Server replica = start(ServerSettings.replica(2));

        ReplicaLink link = new Replication(random, WAIT).start(primary.endpoint(), replica.endpoint(),
                Replication.StartingPoint.PRIMARY_BINLOG_START);

        try (Connection connection = primary.admin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `shop ``x```");
            statement.execute("CREATE TABLE `shop ``x```.orders (id INT PRIMARY KEY, item VARCHAR(40))");
            statement.execute("INSERT INTO `shop ``x```.orders VALUES (1, 'written on the primary')");
        }
        link.awaitCaughtUp(WAIT);
        try (Connection connection = replica.admin(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT item FROM `shop ``x```.orders WHERE id = 1")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("written on the primary");
        }
        try (Connection connection = replica.admin()) {
            ReplicaStatus status = Replication.status(connection);
            assertThat(status.bothThreadsRun()).as(status.describe()).isTrue();
            assertThat(status.lastIoErrno()).isZero();
            assertThat(status.lastSqlErrno()).isZero();
            assertThat(single(connection, "SELECT CONCAT(@@log_slave_updates + 0, @@gtid_strict_mode + 0)")).isEqualTo("11");
            assertThat(single(connection, "SELECT COUNT(*) FROM mysql.user WHERE User = '" + link.replicationUser() + "'"))
                    .as("the replication account stays out of the primary's binlog").isEqualTo("0");
        }
        try (Connection connection = primary.admin()) {
            assertThat(single(connection, "SELECT COUNT(*) FROM mysql.user WHERE User = '" + link.replicationUser() + "'"))
                    .isEqualTo("1");
        }
        assertThat(loginError(primary.server(), "root", "")).isEqualTo(MARIADB_ACCOUNT_HAS_BEEN_LOCKED);
        assertThat(loginError(replica.server(), "root", "")).isEqualTo(MARIADB_ACCOUNT_HAS_BEEN_LOCKED);

        List<ProcessHandle> processes = List.of(ProcessHandle.of(primary.server().pid()).orElseThrow(),
                ProcessHandle.of(replica.server().pid()).orElseThrow());
        replica.server().close();
        primary.server().close();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(mariadbdProcessesUnder(temp)).isEmpty();
        assertThat(primary.server().runDirectory()).doesNotExist();
        assertThat(replica.server().runDirectory()).doesNotExist();
    }

    @Test
    void twoServersGetTheirOwnPortsServerIdsAndDataDirectories() throws Exception {
        Server first = start(ServerSettings.withServerId(11));
        Server second = start(ServerSettings.withServerId(12).withArguments("--read-only=ON"));

        assertThat(first.server().port()).isNotEqualTo(second.server().port());
        assertThat(first.server().dataDirectory()).isNotEqualTo(second.server().dataDirectory());
        for (Server each : List.of(first, second)) {
            try (Connection connection = each.admin()) {
                assertThat(single(connection, "SELECT @@port")).isEqualTo(String.valueOf(each.server().port()));
                assertThat(single(connection, "SELECT @@server_id")).isEqualTo(String.valueOf(each.server().serverId()));
                assertThat(Path.of(single(connection, "SELECT @@datadir"))).isEqualTo(each.server().dataDirectory());
                assertThat(single(connection, "SELECT CONCAT(@@binlog_format, ' ', @@binlog_row_image, ' ', @@have_ssl)"))
                        .isEqualTo("ROW FULL DISABLED");
            }
        }
        try (Connection connection = second.admin()) {
            assertThat(single(connection, "SELECT @@read_only")).as("its own extra argument").isEqualTo("1");
        }
        try (Connection connection = first.admin()) {
            assertThat(single(connection, "SELECT @@read_only")).isEqualTo("0");
        }
    }

    @Test
    void twoServersWithOneServerIdAreNotMadeReplicas() throws Exception {
        Server primary = start(ServerSettings.withServerId(5));
        Server replica = start(ServerSettings.withServerId(5));

        assertThatThrownBy(() -> new Replication(random, WAIT).start(primary.endpoint(), replica.endpoint(),
                Replication.StartingPoint.PRIMARY_CURRENT_POSITION))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessageContaining("both have server_id 5: give each server its own");
    }

    @Test
    void aReplicaThatCannotReachItsPrimarySaysWhyWithItsStatusFields() throws Exception {
        Server primary = start(ServerSettings.withServerId(21));
        Server replica = start(ServerSettings.replica(22));
        int nobodyListens;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            nobodyListens = probe.getLocalPort();
        }
        // The account is made on the real primary; the replica is sent to a port where nothing answers.
        ReplicationEndpoint unreachable = new ReplicationEndpoint(primary.server().host(), nobodyListens, primary::admin);

        assertThatThrownBy(() -> new Replication(random, Duration.ofSeconds(2)).start(unreachable, replica.endpoint(),
                Replication.StartingPoint.PRIMARY_CURRENT_POSITION))
                .isInstanceOf(EmbeddedServerException.class)
                .hasMessageContaining("the replica 127.0.0.1:" + replica.server().port() + " does not replicate from 127.0.0.1:"
                        + nobodyListens + " after 2000 ms")
                .hasMessageContaining("Slave_IO_Running=Connecting")
                .hasMessageContaining("Last_IO_Errno=2003");
    }

    /** A started server and the admin account its provisioning made. */
    private record Server(ThrowawayServer server, Password adminPassword) {

        Connection admin() throws SQLException {
            Properties credentials = new Properties();
            credentials.setProperty("user", ADMIN);
            credentials.setProperty("password", adminPassword.value());
            return DriverManager.getConnection(url(server), credentials);
        }

        ReplicationEndpoint endpoint() {
            return new ReplicationEndpoint(server.host(), server.port(), this::admin);
        }
    }

    private Server start(ServerSettings settings) {
        if (servers == null) {
            servers = new ThrowawayServers(binaries, TestBinaries.sharedDirectory(), temp.resolve("runs"), random,
                    line -> System.out.println("ReplicationIT: " + line));
        }
        Password password = PasswordFile.generate(random);
        ThrowawayServers.Provisioned<Password> provisioned = servers.start(settings, root -> {
            try (PreparedStatement create = root.prepareStatement("CREATE USER ?@? IDENTIFIED BY ?");
                    PreparedStatement grant = root.prepareStatement("GRANT ALL PRIVILEGES ON *.* TO ?@? WITH GRANT OPTION")) {
                create.setString(1, ADMIN);
                create.setString(2, "127.0.0.1");
                create.setString(3, password.value());
                create.execute();
                grant.setString(1, ADMIN);
                grant.setString(2, "127.0.0.1");
                grant.execute();
            }
            return password;
        });
        started.add(provisioned.server());
        return new Server(provisioned.server(), provisioned.accounts());
    }

    private static String url(ThrowawayServer server) {
        return "jdbc:mysql://" + server.host() + ":" + server.port() + "/?sslMode=DISABLED";
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static int loginError(ThrowawayServer server, String user, String password) {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        try (Connection ignored = DriverManager.getConnection(url(server), credentials)) {
            return 0;
        } catch (SQLException refused) {
            return refused.getErrorCode();
        }
    }

    /** mariadbd processes whose data directory is under the directory. */
    private static List<ProcessHandle> mariadbdProcessesUnder(Path directory) {
        String prefix = "--datadir=" + directory;
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(argument -> argument.startsWith(prefix)))
                .toList();
    }
}
