package dev.onlineddl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.onlineddl.app.e2e.OnlineDdlProcesses.Result;
import dev.onlineddl.app.e2e.OnlineDdlProcesses.RunningDaemon;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.domain.MigrationUuid;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar onlineddl.jar daemon --embedded} as a separate process: it starts its own
 * MariaDB, runs a migration submitted through the CLI, and on SIGTERM stops the daemon, then the
 * server, leaving no {@code mariadbd} and no token file behind but the data.
 */
class EmbeddedDaemonEndToEndIT {

    /** The testkit's unpacked server, when there is one: saves unpacking 313 MB into the temporary home. */
    private static final Path TESTKIT_BINARIES = Path.of("").toAbsolutePath().getParent()
            .resolve("target/embedded-mariadb/mariadb-11.4.5");
    private static final Pattern SERVER_LINE = Pattern.compile(
            "onlineddl daemon: embedded MariaDB 11\\.4\\.5 on 127\\.0\\.0\\.1:(\\d+), database `sandbox`, user onlineddl,"
                    + " password in (\\S+); connect with: .*/bin/mariadb --skip-ssl -h 127\\.0\\.0\\.1 -P \\1 -u onlineddl -p sandbox");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void runsAMigrationOnItsOwnServerAndStopsBothOnSigterm() throws Exception {
        assertThat(OnlineDdlProcesses.JAR).as("the shaded jar (built by 'package')").exists();
        Path home = Files.createDirectories(temp.resolve("home"));
        Path directory = temp.resolve("embedded");
        Map<String, String> environment = new HashMap<>();
        if (Files.isExecutable(TESTKIT_BINARIES.resolve("bin/mariadbd"))) {
            environment.put("ONLINEDDL_EMBEDDED_BINARIES", TESTKIT_BINARIES.toString());
        }
        OnlineDdlProcesses onlineddl = new OnlineDdlProcesses(home, environment);

        RunningDaemon daemon = onlineddl.startDaemon("--embedded", "--embedded-dir", directory.toString(),
                "--http", "127.0.0.1:0", "--check-interval", "1s");
        int exitCode;
        String password;
        Path tokenFile = home.resolve(".onlineddl/127.0.0.1_" + URI.create(daemon.apiUrl()).getPort() + ".token");
        try {
            Matcher server = daemon.log().stream().map(SERVER_LINE::matcher).filter(Matcher::matches).findFirst()
                    .orElseThrow(() -> new AssertionError("no line says where the server is:\n" + String.join("\n", daemon.log())));
            int port = Integer.parseInt(server.group(1));
            assertThat(Path.of(server.group(2))).isEqualTo(directory.resolve("password"));
            password = Files.readString(directory.resolve("password")).strip();
            assertThat(tokenFile).exists();

            Result submitted = onlineddl.run("submit", "--server", daemon.apiUrl(), "CREATE TABLE embedded_e2e (id INT PRIMARY KEY)");
            assertThat(submitted.exitCode()).as(submitted.err()).isZero();
            MigrationUuid uuid = MigrationUuid.parse(submitted.out().strip());
            awaitComplete(daemon, tokenFile, uuid);

            assertThat(tableExists(port, password, "embedded_e2e")).isTrue();
            assertThat(serversOn(directory)).hasSize(1);
        } finally {
            exitCode = daemon.stop(TIMEOUT);
        }

        String log = String.join("\n", daemon.log());
        assertThat(exitCode).as(log).isIn(0, 143);
        List<String> lines = daemon.log();
        int daemonStopped = indexOfLineContaining(lines, "onlineddl daemon stopped");
        int serverStopped = indexOfLineContaining(lines, "onlineddl daemon: MariaDB 11.4.5 stopped; its data stays in "
                + directory);
        assertThat(daemonStopped).as(log).isNotNegative();
        assertThat(serverStopped).as("the server stops after the daemon:\n" + log).isGreaterThan(daemonStopped);
        assertThat(log).doesNotContain(password);
        assertThat(serversOn(directory)).isEmpty();
        assertThat(tokenFile).doesNotExist();
        assertThat(directory.resolve("datadir/sandbox/embedded_e2e.frm")).as("the data stays for the next run").exists();
    }

    private void awaitComplete(RunningDaemon daemon, Path tokenFile, MigrationUuid uuid) throws Exception {
        String token = Files.readString(tokenFile).strip();
        // Another process works on it: there is nothing to wait on but its API.
        await("migration " + uuid + " to complete").atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .pollInSameThread()
                .untilAsserted(() -> {
                    String body = http.send(HttpRequest.newBuilder(URI.create(daemon.apiUrl() + "/api/migrations/" + uuid))
                            .header("Authorization", "Bearer " + token).build(), BodyHandlers.ofString()).body();
                    if (!Json.requiredString(Json.parseObject(body), "migration_status").equals("complete")) {
                        throw new AssertionError("not complete yet: " + body + "\ndaemon log:\n" + String.join("\n", daemon.log()));
                    }
                });
    }

    private static boolean tableExists(int port, String password, String table) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "onlineddl");
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/sandbox?sslMode=DISABLED",
                credentials);
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'sandbox' AND TABLE_NAME = ?")) {
            query.setString(1, table);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1) == 1;
            }
        }
    }

    private static int indexOfLineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static List<ProcessHandle> serversOn(Path directory) {
        String dataDirectory = "--datadir=" + directory.resolve("datadir");
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(Arrays::asList).orElse(List.of()).contains(dataDirectory))
                .toList();
    }
}
