package dev.onlineddl.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.app.config.HttpAddress;
import dev.onlineddl.app.fakes.FakeCore;
import dev.onlineddl.app.fakes.JsonReads;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.app.metrics.DaemonMetrics;
import dev.onlineddl.app.metrics.ExecutionCounts;
import dev.onlineddl.app.metrics.PrometheusLines;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.port.out.MigrationNotFoundException;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.Throttler.ThrottledApp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiServerTest {

    private static final String TOKEN = "the-api-token";
    /** Fewer than the concurrent submissions of the test that needs them to wait elsewhere. */
    private static final int WORKER_THREADS = 4;

    private final FakeCore core = new FakeCore();
    private final MigrationTokens migrationTokens = new MigrationTokens(new SecureRandom());
    private final Set<String> throttledApps = ConcurrentHashMap.newKeySet();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApi server;
    private Migration queued;
    private Migration running;

    @BeforeEach
    void start() throws IOException {
        queued = core.add("ALTER TABLE t ADD COLUMN c INT", MigrationStatus.QUEUED, "ctx-1");
        running = core.add("ALTER TABLE u ENGINE=InnoDB", MigrationStatus.RUNNING, "");
        ApiServices services = new ApiServices(core, core, core, core, core, throttledApps::contains);
        DaemonMetrics metrics = new DaemonMetrics();
        MetricsEndpoint metricsEndpoint = new MetricsEndpoint(DaemonMetrics.CONTENT_TYPE,
                () -> metrics.scrape(core, new ExecutionCounts(4, 2, 1)));
        server = HttpApi.start(new HttpAddress("127.0.0.1", 0, InetAddress.getLoopbackAddress()), WORKER_THREADS, services,
                new ApiAccess(TOKEN, "the CLI reads ~/.onlineddl/127.0.0.1_PORT.token"),
                new ToolCallbackApi(services, migrationTokens), metricsEndpoint);
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    private String base() {
        return "http://127.0.0.1:" + server.address().port();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, TOKEN);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body, TOKEN);
    }

    private static ObjectNode json(HttpResponse<String> response) {
        // Jetty writes the media type's parameter without the optional space after ';'.
        assertThat(response.headers().firstValue("Content-Type").map(type -> type.replace(";", "; ")))
                .contains(ApiAnswers.JSON);
        return Json.parseObject(response.body());
    }

    @ParameterizedTest
    @CsvSource({
            "GET,  /api/migrations",
            "POST, /api/migrations",
            "GET,  /api/migrations/a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a",
            "GET,  /api/migrations/a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a/logs",
            "POST, /api/migrations/a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a/cancel",
            "POST, /api/migrations/all/cancel",
            "GET,  /api/throttled-apps",
            "GET,  /api/no-such-thing"})
    void apiEndpointsNeedTheApiToken(String method, String path) throws Exception {
        for (String token : new String[] {null, "wrong-token", migrationTokens.issue(running.uuid())}) {
            HttpResponse<String> response = send(method, path, "{}", token);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(Json.requiredString(json(response), "error")).contains("~/.onlineddl/127.0.0.1_PORT.token");
        }
        assertThat(core.calls).isEmpty();
        assertThat(core.submissions).isEmpty();
    }

    @Test
    void submitReturnsTheUuids() throws Exception {
        HttpResponse<String> response = post("/api/migrations",
                "{\"sql\":\"CREATE TABLE a (id INT PRIMARY KEY); DROP TABLE b\",\"strategy\":\"vitess --postpone-completion\",\"context\":\"deploy-7\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> uuids = Json.strings(json(response), "uuids");
        assertThat(uuids).hasSize(2).allMatch(MigrationUuid::isValid);
        assertThat(core.submissions).singleElement().satisfies(request -> {
            assertThat(request.strategy()).isEqualTo("vitess --postpone-completion");
            assertThat(request.context().value()).isEqualTo("deploy-7");
            assertThat(request.uuid()).isEmpty();
        });
    }

    @Test
    void submitPassesAChosenUuid() throws Exception {
        HttpResponse<String> response = post("/api/migrations",
                "{\"sql\":\"ALTER TABLE t ENGINE=InnoDB\",\"uuid\":\"00000000_51c9_11ec_9cf2_0a43f95f28a3\"}");
        assertThat(Json.strings(json(response), "uuids")).containsExactly("00000000_51c9_11ec_9cf2_0a43f95f28a3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"sql\":\"SELECT 1 -- NOT DDL\"}                 | unsupported statement for Online DDL: SELECT 1 -- NOT DDL",
            "{\"sql\":\"ALTER TABLE t\",\"uuid\":\"nope\"}      | invalid migration UUID 'nope'",
            "{\"sql\":\"   \"}                                 | no SQL given",
            "{\"strategy\":\"vitess\"}                         | invalid request body: 'sql' is missing",
            "{\"sql\":42}                                      | invalid request body: 'sql' must be a string",
            "{\"sql\":\"x\",}                                  | invalid request body: invalid JSON at offset",
            "not json                                          | invalid request body: invalid JSON at offset 0"})
    void badSubmissionsAreRejectedWith400(String body, String message) throws Exception {
        core.submissions.clear();
        HttpResponse<String> response = post("/api/migrations", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.requiredString(json(response), "error")).contains(message);
    }

    /** Jackson keeps the hand-written parser's strictness: a second "sql" or text after the object is no submission. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sql\":\"CREATE TABLE a (id INT PRIMARY KEY)\",\"sql\":\"DROP TABLE b\"}",
            "{\"sql\":\"CREATE TABLE a (id INT PRIMARY KEY)\"} DROP TABLE b",
            "{\"sql\":\"CREATE TABLE a (id INT PRIMARY KEY)\"}{}"})
    void duplicateKeysAndTrailingGarbageAre400(String body) throws Exception {
        HttpResponse<String> response = post("/api/migrations", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.requiredString(json(response), "error")).startsWith("invalid request body: invalid JSON at offset ");
        assertThat(core.submissions).isEmpty();
    }

    /** A direct submission answers when its DDL ran; meanwhile it holds no worker thread, so the API keeps answering. */
    @Test
    void concurrentDirectSubmissionsLeaveShowAnswering() throws Exception {
        int submissions = 12;
        assertThat(submissions).isGreaterThan(WORKER_THREADS);
        CountDownLatch release = new CountDownLatch(1);
        core.directSubmissionsRelease = release;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < submissions; i++) {
                answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base() + "/api/migrations"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(BodyPublishers.ofString("{\"sql\":\"CREATE TABLE d" + i + " (id INT PRIMARY KEY)\",\"strategy\":\"direct\"}"))
                        .build(), BodyHandlers.ofString()));
            }
            await("every direct submission to be running").atMost(Duration.ofSeconds(30))
                    .until(() -> core.directSubmissionsWaiting.get() == submissions);

            HttpResponse<String> show = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/migrations?show=all"))
                    .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
            assertThat(show.statusCode()).isEqualTo(200);
            assertThat(JsonReads.elements(json(show).get("migrations"))).hasSize(2);
        } finally {
            release.countDown();
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(core.submissions).hasSize(submissions);
    }

    @ParameterizedTest
    @CsvSource({
            "all, 2",
            "'', 2",
            "recent, 2",
            "queued, 1",
            "running, 1",
            "failed, 0",
            "ctx-1, 1",
            "no-such-context, 0"})
    void listsMigrationsByFilter(String show, int expected) throws Exception {
        HttpResponse<String> response = get("/api/migrations?show=" + show);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rows = json(response).get("migrations");
        assertThat(JsonReads.elements(rows)).hasSize(expected);
    }

    @Test
    void readsOneMigrationAsAFullRow() throws Exception {
        HttpResponse<String> byUuid = get("/api/migrations/" + queued.uuid());
        assertThat(byUuid.statusCode()).isEqualTo(200);
        ObjectNode row = json(byUuid);
        assertThat(JsonReads.names(row)).containsExactlyElementsOf(MigrationJson.COLUMNS);
        assertThat(Json.requiredString(row, "migration_uuid")).isEqualTo(queued.uuid().value());
        assertThat(Json.requiredString(row, "migration_status")).isEqualTo("queued");

        HttpResponse<String> listed = get("/api/migrations?show=" + queued.uuid());
        assertThat(JsonReads.elements(json(listed).get("migrations"))).containsExactly(row);
    }

    @Test
    void unknownAndInvalidMigrationsAre404And400() throws Exception {
        String unknown = "/api/migrations/ffffffff_ec7b_11ea_9bf8_000d3a9b8a9a";
        for (HttpResponse<String> response : List.of(get(unknown), get(unknown + "/logs"), post(unknown + "/cancel", ""),
                post(unknown + "/throttle", ""))) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(Json.requiredString(json(response), "error"))
                    .startsWith("migration not found: ffffffff_ec7b_11ea_9bf8_000d3a9b8a9a");
        }
        HttpResponse<String> invalid = get("/api/migrations/not-a-uuid");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(Json.requiredString(json(invalid), "error")).startsWith("invalid migration UUID 'not-a-uuid'");
        assertThat(core.calls).isEmpty();
    }

    @Test
    void theCoresNotFoundIsA404Too() throws Exception {
        core.failNextCommandWith = new MigrationNotFoundException(queued.uuid(), new MigrationTarget("ks", "0", "shop"));
        HttpResponse<String> response = post("/api/migrations/" + queued.uuid() + "/retry", "");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Json.requiredString(json(response), "error")).startsWith("migration not found: " + queued.uuid());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cancel     | | cancel",
            "retry      | | retry",
            "complete   | | complete",
            "cleanup    | | cleanup",
            "launch     | | launch[]",
            "launch     | {\"shards\":[\"-80\",\"80-\"]} | launch[-80, 80-]",
            "unthrottle | | unthrottle"})
    void commandsOnOneMigration(String command, String body, String expectedCall) throws Exception {
        HttpResponse<String> response = post("/api/migrations/" + queued.uuid() + "/" + command, body == null ? "" : body);

        assertThat(response.statusCode()).isEqualTo(200);
        ObjectNode answer = json(response);
        assertThat(Json.requiredString(answer, "command")).isEqualTo(command);
        assertThat(Json.number(answer, "migrations_affected")).contains(1L);
        String expected = command.equals("unthrottle") ? "unthrottle " + queued.uuid() : expectedCall + " " + queued.uuid();
        assertThat(core.calls).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource({"cancel, cancel-all", "complete, complete-all", "launch, launch-all", "unthrottle, unthrottle online-ddl"})
    void commandsOnAllMigrations(String command, String expectedCall) throws Exception {
        HttpResponse<String> response = post("/api/migrations/all/" + command, "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.requiredString(json(response), "command")).isEqualTo(command + "-all");
        assertThat(core.calls).containsExactly(expectedCall);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "                                       | PT876000H | 1.0",
            "{\"expire\":\"1h\"}                    | PT1H      | 1.0",
            "{\"expire\":\"90m\",\"ratio\":0.5}     | PT1H30M   | 0.5",
            "{\"ratio\":\"0.25\"}                   | PT876000H | 0.25"})
    void throttleTakesVitessExpireAndRatio(String body, Duration expire, double ratio) throws Exception {
        HttpResponse<String> one = post("/api/migrations/" + running.uuid() + "/throttle", body == null ? "" : body);
        HttpResponse<String> all = post("/api/migrations/all/throttle", body == null ? "" : body);

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(core.throttles).extracting(ThrottleRequest::appName).containsExactly(running.uuid().value(), "online-ddl");
        assertThat(core.throttles).allSatisfy(request -> {
            assertThat(request.expire()).isEqualTo(expire);
            assertThat(request.ratio()).isEqualTo(ratio);
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"ratio\":1.5}          | invalid RATIO value: 1.5. Try any decimal number between '0.0' (no throttle) and `1.0` (fully throttled)",
            "{\"expire\":\"soon\"}    | invalid EXPIRE value: soon. Try '120s', '30m', '1h', etc.",
            "{\"ratio\":true}         | invalid request body: 'ratio' must be a number from 0 to 1"})
    void badThrottleParametersAre400(String body, String message) throws Exception {
        HttpResponse<String> response = post("/api/migrations/all/throttle", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.requiredString(json(response), "error")).startsWith(message);
        assertThat(core.throttles).isEmpty();
    }

    @Test
    void listsThrottledApps() throws Exception {
        core.throttled.add(new ThrottledApp("online-ddl", Instant.parse("2124-05-01T10:00:00Z"), 1.0));
        core.throttled.add(new ThrottledApp(running.uuid().value(), Instant.parse("2024-05-01T11:00:00Z"), 0.5));

        ObjectNode answer = json(get("/api/throttled-apps"));

        assertThat(Json.write(answer)).isEqualTo("{\"throttled_apps\":["
                + "{\"app\":\"online-ddl\",\"expires_at\":\"2124-05-01T10:00:00Z\",\"ratio\":1.0},"
                + "{\"app\":\"" + running.uuid() + "\",\"expires_at\":\"2024-05-01T11:00:00Z\",\"ratio\":0.5}]}");
    }

    @Test
    void readsLogs() throws Exception {
        ObjectNode answer = json(get("/api/migrations/" + running.uuid() + "/logs"));
        assertThat(Json.requiredString(answer, "logs")).isEqualTo("log of " + running.uuid() + "\nsecond line");
    }

    @Test
    void unknownCommandsPathsAndMethods() throws Exception {
        HttpResponse<String> unknownCommand = post("/api/migrations/" + queued.uuid() + "/explode", "");
        assertThat(unknownCommand.statusCode()).isEqualTo(404);
        assertThat(Json.requiredString(json(unknownCommand), "error")).startsWith("no such command: explode");

        HttpResponse<String> retryAll = post("/api/migrations/all/retry", "");
        assertThat(retryAll.statusCode()).isEqualTo(404);

        HttpResponse<String> wrongMethod = get("/api/migrations/" + queued.uuid() + "/cancel");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(Json.requiredString(json(wrongMethod), "error")).endsWith("use POST");

        assertThat(send("GET", "/nothing-here", null, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/migrations", null, TOKEN).statusCode()).isEqualTo(405);
        assertThat(core.calls).isEmpty();
    }

    @Test
    void failuresAre500WithAMessageButNoStackTrace() throws Exception {
        core.failNextWith = new IllegalStateException("control schema unreachable: Communications link failure");
        HttpResponse<String> response = get("/api/throttled-apps");

        assertThat(response.statusCode()).isEqualTo(500);
        String error = Json.requiredString(json(response), "error");
        assertThat(error).isEqualTo("GET /api/throttled-apps failed: control schema unreachable: Communications link failure"
                + " (the daemon's log has the details)");
        assertThat(response.body()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void tooLargeBodiesAreRefused() throws Exception {
        String huge = "{\"sql\":\"" + "x".repeat(HttpApi.MAX_BODY_BYTES) + "\"}";
        HttpResponse<String> response = post("/api/migrations", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(core.submissions).isEmpty();
    }

    @Test
    void statusReportsNeedTheirMigrationsToken() throws Exception {
        String path = "/schema-migration/report-status?uuid=" + running.uuid() + "&status=running&dryrun=false"
                + "&progress=42.5&eta=120&rowscopied=1000&hint=";

        assertThat(send("GET", path, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", path, null, TOKEN).statusCode()).as("the API token is not a migration token").isEqualTo(401);
        String otherMigrationsToken = migrationTokens.issue(queued.uuid());
        HttpResponse<String> other = send("GET", path, null, otherMigrationsToken);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(core.reports).isEmpty();

        String token = migrationTokens.issue(running.uuid());
        HttpResponse<String> accepted = send("GET", path, null, token);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(core.reports).containsExactly(
                new StatusReport(MigrationStatus.RUNNING, false, 42.5, 120, 1000, false, ""));

        migrationTokens.revoke(running.uuid());
        assertThat(send("GET", path, null, token).statusCode()).isEqualTo(401);
    }

    /** gh-ost hooks and pt-osc plugins send what they have; Vitess's defaults fill the rest. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status=complete&dryrun=false&progress=&eta=&rowscopied=                 | COMPLETE | false | 0.0  | -1  | 0    | false",
            "status=running&dryrun=true&progress=10&eta=5&rowscopied=7               | RUNNING  | true  | 10.0 | 5   | 7    | false",
            "status=failed&dryrun=true                                               | FAILED   | true  | 0.0  | -1  | 0    | false",
            "status=failed                                                           | FAILED   | false | 0.0  | -1  | 0    | false",
            "status=running&progress=abc&eta=1.5&rowscopied=-&hint=ready_to_complete | RUNNING  | false | 0.0  | -1  | 0    | true",
            "status=ready&progress=NaN&eta=%2B30                                     | READY    | false | 0.0  | 30  | 0    | false"})
    void statusReportParametersFollowVitess(String parameters, MigrationStatus status, boolean dryRun, double progress,
                                             long eta, long rowsCopied, boolean readyToComplete) throws Exception {
        String token = migrationTokens.issue(running.uuid());
        HttpResponse<String> response = send("GET",
                "/schema-migration/report-status?uuid=" + running.uuid() + "&" + parameters + "&token=" + token, null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(core.reports).containsExactly(new StatusReport(status, dryRun, progress, eta, rowsCopied, readyToComplete, ""));
        // A tool that reported its migration's end has no more use for its token.
        boolean ended = status.isTerminal() && !dryRun;
        assertThat(migrationTokens.verify(token).isPresent()).isEqualTo(!ended);
    }

    @Test
    void anUnknownReportedStatusIs400() throws Exception {
        String token = migrationTokens.issue(running.uuid());
        HttpResponse<String> response = send("GET",
                "/schema-migration/report-status?uuid=" + running.uuid() + "&status=exploded", null, token);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.requiredString(json(response), "error")).startsWith("unknown migration status 'exploded'");
        assertThat(core.reports).isEmpty();
    }

    @Test
    void throttlerCheckAnswersForTheTokensMigration() throws Exception {
        String token = migrationTokens.issue(running.uuid());
        String app = "online-ddl:gh-ost:" + running.uuid();

        HttpResponse<String> free = send("GET", "/throttler/check?app=" + app + "&p=low&token=" + token, null, null);
        assertThat(free.statusCode()).isEqualTo(200);
        assertThat(Json.write(json(free))).isEqualTo("{\"app\":\"" + app + "\",\"throttled\":false}");

        throttledApps.add(running.uuid().value());
        HttpResponse<String> held = send("GET", "/throttler/check?app=" + app, null, token);
        assertThat(held.statusCode()).isEqualTo(ToolCallbackApi.THROTTLED_STATUS);
        assertThat(send("HEAD", "/throttler/check?app=" + app, null, token).statusCode()).isEqualTo(ToolCallbackApi.THROTTLED_STATUS);

        assertThat(send("GET", "/throttler/check?app=" + app, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/throttler/check?app=" + app, null, TOKEN).statusCode()).isEqualTo(401);
        String othersToken = migrationTokens.issue(queued.uuid());
        assertThat(send("GET", "/throttler/check?app=" + app, null, othersToken).statusCode()).isEqualTo(403);
    }

    @Test
    void metricsNeedNoToken() throws Exception {
        HttpResponse<String> response = send("GET", "/metrics", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(PrometheusLines.of(response.body())).contains(
                "onlineddl_migrations{status=\"queued\"} 1",
                "onlineddl_migrations{status=\"running\"} 1",
                "onlineddl_migrations_started_total 4",
                "onlineddl_migrations_failed_total 1");
    }
}
