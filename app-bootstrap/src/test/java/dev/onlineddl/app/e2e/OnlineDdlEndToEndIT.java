package dev.onlineddl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.e2e.OnlineDdlProcesses.Result;
import dev.onlineddl.app.e2e.OnlineDdlProcesses.RunningDaemon;
import dev.onlineddl.app.fakes.JsonReads;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.app.metrics.PrometheusLines;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as a separate process ({@code java -jar target/onlineddl.jar daemon}) against the
 * test server, driven by the CLI as separate processes, checked through their output, exit codes
 * and the database.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class OnlineDdlEndToEndIT {

    private static final Duration MIGRATION_TIMEOUT = Duration.ofSeconds(60);

    private TestDatabase db;
    private OnlineDdlProcesses onlineddl;
    private RunningDaemon daemon;
    private Path tokenFile;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startDaemon(TestDatabase db, @TempDir Path temp) throws Exception {
        this.db = db;
        assertThat(OnlineDdlProcesses.JAR).as("the shaded jar (built by 'package')").exists();
        onlineddl = OnlineDdlProcesses.forDatabase(db, temp);
        String controlSchema = db.createSiblingDatabase("ctl").name();

        daemon = onlineddl.startDaemon("--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--control-schema", controlSchema,
                "--http", "127.0.0.1:0", "--check-interval", "1s", "--executor-id", "e2e-executor");

        URI api = URI.create(daemon.apiUrl());
        tokenFile = onlineddl.home().resolve(".onlineddl/127.0.0.1_" + api.getPort() + ".token");
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @AfterAll
    void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            int exitCode = daemon.stop(Duration.ofSeconds(60));
            String log = String.join("\n", daemon.log());
            // 143 = terminated by SIGTERM after the shutdown hook ran
            assertThat(exitCode).as(log).isIn(0, 143);
            assertThat(daemon.log()).as("exit code %d, log:\n%s", exitCode, log)
                    .anyMatch(line -> line.contains("onlineddl daemon stopped"));
            assertThat(tokenFile).doesNotExist();
        }
    }

    private Result cli(String... arguments) throws IOException, InterruptedException {
        String[] withServer = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, withServer, 0, arguments.length);
        withServer[arguments.length] = "--server";
        withServer[arguments.length + 1] = daemon.apiUrl();
        return onlineddl.run(withServer);
    }

    private Result ok(String... arguments) throws IOException, InterruptedException {
        Result result = cli(arguments);
        assertThat(result.exitCode()).as("onlineddl %s\nstdout: %s\nstderr: %s", String.join(" ", arguments),
                result.out(), result.err()).isZero();
        return result;
    }

    private MigrationUuid submit(String strategy, String sql) throws IOException, InterruptedException {
        Result result = ok("submit", "--strategy", strategy, sql);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(1);
        return MigrationUuid.parse(lines.get(0));
    }

    /** The migration's row as 'show UUID --json' prints it. */
    private ObjectNode shownRow(MigrationUuid uuid) throws IOException, InterruptedException {
        JsonNode parsed = Json.parse(ok("show", uuid.value(), "--json").out());
        List<JsonNode> rows = JsonReads.elements(parsed);
        assertThat(rows).hasSize(1);
        return (ObjectNode) rows.get(0);
    }

    /** The migration's row straight from the API (cheaper than a CLI process when polling). */
    private ObjectNode row(MigrationUuid uuid) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(daemon.apiUrl() + "/api/migrations/" + uuid))
                .header("Authorization", "Bearer " + Files.readString(tokenFile).strip()).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parseObject(response.body());
    }

    private String status(MigrationUuid uuid) throws IOException, InterruptedException {
        return Json.requiredString(row(uuid), "migration_status");
    }

    /** The daemon works on its own schedule: wait (bounded) until the migration reaches the status. */
    private ObjectNode awaitStatus(MigrationUuid uuid, String expected) {
        // Another process works on it: there is nothing to wait on but its API.
        AtomicReference<ObjectNode> last = new AtomicReference<>();
        try {
            return await("migration " + uuid + " to become " + expected).atMost(MIGRATION_TIMEOUT).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200)).pollInSameThread()
                    .until(() -> {
                        last.set(row(uuid));
                        return last.get();
                    }, row -> Json.requiredString(row, "migration_status").equals(expected));
        } catch (ConditionTimeoutException late) {
            throw new AssertionError("migration " + uuid + " did not become " + expected + " within " + MIGRATION_TIMEOUT
                    + "; it is " + Json.write(last.get()) + "\ndaemon log:\n" + String.join("\n", daemon.log()), late);
        }
    }

    /** The daemon reviews a queued migration on its own schedule: wait (bounded) until it has. */
    private void awaitReviewed(MigrationUuid uuid) {
        // another process reviews it: there is nothing to wait on but its API
        AtomicReference<ObjectNode> last = new AtomicReference<>();
        try {
            await("migration " + uuid + " to be reviewed").atMost(MIGRATION_TIMEOUT).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).pollInSameThread()
                    .until(() -> {
                        last.set(row(uuid));
                        return last.get();
                    }, row -> row.hasNonNull("reviewed_timestamp") && !row.get("reviewed_timestamp").asText().isEmpty());
        } catch (ConditionTimeoutException late) {
            throw new AssertionError("migration " + uuid + " was not reviewed within " + MIGRATION_TIMEOUT + "; it is "
                    + Json.write(last.get()) + "\ndaemon log:\n" + String.join("\n", daemon.log()), late);
        }
    }

    private long ticksRan() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(daemon.apiUrl() + "/metrics")).build(),
                BodyHandlers.ofString()).body();
        return PrometheusLines.of(metrics).stream().filter(line -> line.startsWith("onlineddl_ticks_total{outcome=\"ran\"} "))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
    }

    /** Waits (bounded) until the executor has run {@code ticks} more ticks. */
    private void awaitTicks(int ticks) throws Exception {
        long target = ticksRan() + ticks;
        // The ticks happen in another process.
        await("the executor to tick " + ticks + " times").atMost(MIGRATION_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .pollInSameThread().until(() -> ticksRan() >= target);
    }

    private HttpResponse<String> httpPost(String path, Optional<String> token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(daemon.apiUrl() + path)).POST(BodyPublishers.noBody());
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return http.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void createTableRunsAndShowsComplete() throws Exception {
        MigrationUuid uuid = submit("vitess", "CREATE TABLE e2e_orders (id INT PRIMARY KEY, total DECIMAL(10,2))");

        awaitStatus(uuid, "complete");
        ObjectNode row = shownRow(uuid);

        assertThat(db.tableExists("e2e_orders")).isTrue();
        assertThat(Json.requiredString(row, "mysql_table")).isEqualTo("e2e_orders");
        assertThat(Json.requiredString(row, "ddl_action")).isEqualTo("create");
        assertThat(Json.requiredString(row, "mysql_schema")).isEqualTo(db.name());
        assertThat(Json.requiredString(row, "tablet")).isEqualTo("e2e-executor");

        Result table = ok("show");
        assertThat(table.out().lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .startsWith("migration_uuid").contains("migration_status"));
        assertThat(table.out()).contains(uuid.value()).contains("e2e_orders").contains("complete");
    }

    @Test
    @Order(2)
    void alterWithTheMysqlStrategy() throws Exception {
        MigrationUuid uuid = submit("mysql", "ALTER TABLE e2e_orders ADD COLUMN note VARCHAR(100)");
        awaitStatus(uuid, "complete");
        assertThat(db.columns("e2e_orders")).containsExactly("id", "total", "note");
        assertThat(ok("logs", uuid.value()).exitCode()).isZero();
    }

    @Test
    @Order(3)
    void aDeclarativeCreateOfAnExistingTableBecomesTheAlterTheDifferComputes() throws Exception {
        MigrationUuid uuid = submit("mysql --declarative",
                "CREATE TABLE e2e_orders (id INT PRIMARY KEY, total DECIMAL(10,2), note VARCHAR(100), placed_at DATETIME NULL)");
        ObjectNode row = awaitStatus(uuid, "complete");
        assertThat(Json.requiredString(row, "ddl_action")).isEqualTo("alter");
        assertThat(Json.requiredString(row, "message")).containsIgnoringCase("alter table").contains("placed_at");
        assertThat(db.columns("e2e_orders")).containsExactly("id", "total", "note", "placed_at");
    }

    @Test
    @Order(4)
    void postponedMigrationsCompleteOnCommand() throws Exception {
        Result submitted = ok("submit", "--strategy", "vitess --postpone-completion", "--context", "e2e-postponed",
                "CREATE TABLE e2e_postponed (id INT PRIMARY KEY); CREATE TABLE e2e_postponed_too (id INT PRIMARY KEY)");
        List<MigrationUuid> uuids = submitted.out().lines().map(MigrationUuid::parse).toList();
        assertThat(uuids).hasSize(2);
        awaitTicks(3); // the executor has had its chances to run them
        for (MigrationUuid uuid : uuids) {
            assertThat(status(uuid)).isIn("queued", "ready", "running");
        }
        assertThat(db.tableExists("e2e_postponed")).isFalse();

        assertThat(ok("complete", uuids.get(0).value()).out()).isEqualTo("complete: 1 migration affected\n");
        awaitStatus(uuids.get(0), "complete");
        assertThat(db.tableExists("e2e_postponed")).isTrue();
        assertThat(db.tableExists("e2e_postponed_too")).isFalse();

        assertThat(ok("complete", "--all").out()).isEqualTo("complete: 1 migration affected\n");
        awaitStatus(uuids.get(1), "complete");
        assertThat(db.tableExists("e2e_postponed_too")).isTrue();
        assertThat(ok("show", "e2e-postponed").out().lines()).hasSize(3);
    }

    @Test
    @Order(5)
    void dropTable() throws Exception {
        MigrationUuid uuid = submit("vitess", "DROP TABLE e2e_postponed_too");
        awaitStatus(uuid, "complete");
        assertThat(db.tableExists("e2e_postponed_too")).isFalse();
        assertThat(Json.requiredString(row(uuid), "ddl_action")).isEqualTo("drop");
    }

    @Test
    @Order(6)
    void cancelRetryLaunchAndCleanup() throws Exception {
        MigrationUuid first = submit("vitess --postpone-launch", "CREATE TABLE e2e_launch_later (id INT PRIMARY KEY)");
        MigrationUuid second = submit("vitess --postpone-launch", "CREATE TABLE e2e_cancelled (id INT PRIMARY KEY)");
        assertThat(status(first)).isEqualTo("queued");

        assertThat(ok("cancel", second.value()).out()).isEqualTo("cancel: 1 migration affected\n");
        assertThat(awaitStatus(second, "cancelled")).isNotNull();
        assertThat(ok("retry", second.value()).out()).isEqualTo("retry: 1 migration affected\n");
        assertThat(Json.requiredString(row(second), "migration_status")).isEqualTo("queued");
        assertThat(Json.number(row(second), "retries")).contains(1L);
        assertThat(ok("cancel", "--all").out()).startsWith("cancel: ");
        awaitStatus(second, "cancelled");

        // the first one was cancelled by --all too: retry and launch it, first for shards that are not this
        // daemon's (shard 0): that launches nothing here
        ok("retry", first.value());
        assertThat(ok("launch", first.value(), "--shards", "-80,80-").out()).isEqualTo("launch: 0 migrations affected\n");
        awaitTicks(2);
        assertThat(status(first)).isEqualTo("queued");
        assertThat(db.tableExists("e2e_launch_later")).isFalse();
        assertThat(ok("launch", first.value(), "--shards", "80-,0").out()).isEqualTo("launch: 1 migration affected\n");
        awaitStatus(first, "complete");
        assertThat(db.tableExists("e2e_launch_later")).isTrue();
        assertThat(db.tableExists("e2e_cancelled")).isFalse();

        assertThat(ok("cleanup", first.value()).out()).isEqualTo("cleanup: 1 migration affected\n");
        assertThat(Json.number(row(first), "retain_artifacts_seconds")).contains(-1L);

        MigrationUuid third = submit("vitess --postpone-launch", "CREATE TABLE e2e_launch_all (id INT PRIMARY KEY)");
        // As in Vitess, LAUNCH ALL sees only reviewed queued migrations, and the daemon's tick reviews
        // it some time after the submission: launching before then launches nothing (SchedulerIT
        // forces that interleaving).
        awaitReviewed(third);
        assertThat(ok("launch", "--all").out()).isEqualTo("launch: 1 migration affected\n");
        awaitStatus(third, "complete");
        assertThat(db.tableExists("e2e_launch_all")).isTrue();
    }

    @Test
    @Order(7)
    void throttleAndUnthrottle() throws Exception {
        assertThat(ok("throttle", "--all", "--expire", "1h", "--ratio", "0.5").out()).startsWith("throttle: ");
        assertThat(ok("unthrottle", "--all").out()).startsWith("unthrottle: ");
        JsonNode complete = Json.parse(ok("show", "complete", "--json").out());
        MigrationUuid some = MigrationUuid.parse(Json.requiredString(JsonReads.elements(complete).get(0), "migration_uuid"));
        assertThat(ok("throttle", some.value(), "--expire", "30m").out()).startsWith("throttle: ");
        assertThat(ok("unthrottle", some.value()).out()).startsWith("unthrottle: ");
        Result badRatio = cli("throttle", "--all", "--ratio", "1.5");
        assertThat(badRatio.exitCode()).isEqualTo(1);
        assertThat(badRatio.err()).contains("invalid RATIO value: 1.5");
    }

    @Test
    @Order(8)
    void rejectionsExitWith1AndChangeNothing() throws Exception {
        Result unknown = cli("cancel", "ffffffff_ec7b_11ea_9bf8_000d3a9b8a9a");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("migration not found: ffffffff_ec7b_11ea_9bf8_000d3a9b8a9a");

        int before = JsonReads.elements(Json.parse(ok("show", "--json").out())).size();
        Result notDdl = cli("submit", "SELECT 1");
        assertThat(notDdl.exitCode()).isEqualTo(1);
        assertThat(notDdl.err()).startsWith("onlineddl submit: ");
        assertThat(JsonReads.elements(Json.parse(ok("show", "--json").out()))).hasSize(before);
    }

    @Test
    @Order(9)
    void commandEndpointsNeedTheToken() throws Exception {
        assertThat(httpPost("/api/migrations/all/cancel", Optional.empty()).statusCode()).isEqualTo(401);
        assertThat(httpPost("/api/migrations/all/cancel", Optional.of("not-the-token")).statusCode()).isEqualTo(401);
        String token = Files.readString(tokenFile).strip();
        assertThat(httpPost("/api/migrations/all/cancel", Optional.of(token)).statusCode()).isEqualTo(200);
        HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create(daemon.apiUrl()
                + "/schema-migration/report-status?uuid=ffffffff_ec7b_11ea_9bf8_000d3a9b8a9a&status=failed")).build(),
                BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(10)
    void metricsShowTheExpectedSeries() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(daemon.apiUrl() + "/metrics")).build(),
                BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        List<String> lines = PrometheusLines.of(metrics.body());
        assertThat(lines).contains("onlineddl_migrations{status=\"cancelled\"} 1", "# TYPE onlineddl_tick_duration_seconds histogram");
        assertThat(lines).anyMatch(line -> line.matches("onlineddl_migrations\\{status=\"complete\"} ([6-9]|[1-9][0-9])"));
        assertThat(lines).anyMatch(line -> line.matches("onlineddl_migrations_successful_total [1-9][0-9]*"));
        assertThat(lines).anyMatch(line -> line.matches("onlineddl_migrations_failed_total [0-9]+"));
        assertThat(lines).anyMatch(line -> line.matches("onlineddl_tick_duration_seconds_count [1-9][0-9]*"));
        assertThat(lines).anyMatch(line -> line.matches("onlineddl_ticks_total\\{outcome=\"ran\"} [1-9][0-9]*"));
    }

    @Test
    @Order(11)
    void aNonLoopbackBindIsRefusedWithoutAllowRemote() throws Exception {
        Result refused = onlineddl.run("daemon", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--http", "0.0.0.0:0");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("invalid http '0.0.0.0:0' (from --http): 0.0.0.0 is not a loopback address")
                .contains("--allow-remote");
    }

    @Test
    @Order(12)
    void theCliSaysWhenNoDaemonAnswers() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        Result result = onlineddl.run("show", "--server", "http://127.0.0.1:" + freePort);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("no onlineddl daemon answers at http://127.0.0.1:" + freePort + "/");
    }

    @Test
    @Order(13)
    void thePasswordAppearsNowhere() throws Exception {
        assertThat(daemon.log()).noneMatch(line -> line.contains(db.password()));
        assertThat(daemon.process().info().arguments().map(List::of).orElse(List.of())).noneMatch(arg -> arg.contains(db.password()));
    }
}
