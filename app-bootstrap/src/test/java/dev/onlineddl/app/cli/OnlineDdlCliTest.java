package dev.onlineddl.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.app.auth.TokenFile;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.config.HttpAddress;
import dev.onlineddl.app.fakes.FakeCore;
import dev.onlineddl.app.fakes.JsonReads;
import dev.onlineddl.app.http.ApiAccess;
import dev.onlineddl.app.http.ApiServices;
import dev.onlineddl.app.http.HttpApi;
import dev.onlineddl.app.http.MetricsEndpoint;
import dev.onlineddl.app.http.ToolCallbackApi;
import dev.onlineddl.app.json.Json;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI in-process against a real HTTP API over a fake core. */
class OnlineDdlCliTest {

    private static final String TOKEN = "cli-test-token";

    @TempDir
    Path home;

    private final FakeCore core = new FakeCore();
    private final Map<String, String> environment = new HashMap<>();
    private final List<DaemonSettings> launched = new ArrayList<>();
    private HttpApi server;
    private String serverUrl;
    private Migration queued;
    private Migration running;

    private record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void startApi() throws IOException {
        queued = core.add("ALTER TABLE t ADD COLUMN c INT", MigrationStatus.QUEUED, "deploy-7");
        running = core.add("ALTER TABLE u ENGINE=InnoDB", MigrationStatus.RUNNING, "");
        ApiServices services = new ApiServices(core, core, core, core, core, app -> false);
        MetricsEndpoint noMetrics = new MetricsEndpoint("text/plain", () -> "");
        server = HttpApi.start(new HttpAddress("127.0.0.1", 0, InetAddress.getLoopbackAddress()), HttpApi.DEFAULT_WORKER_THREADS,
                services, new ApiAccess(TOKEN, "see the token file"),
                new ToolCallbackApi(services, new MigrationTokens(new SecureRandom())), noMetrics);
        serverUrl = "http://127.0.0.1:" + server.address().port();
        TokenFile.of(home, "127.0.0.1", server.address().port()).write(TOKEN);
    }

    @AfterEach
    void stopApi() {
        server.stop(Duration.ZERO);
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment cli = new CliEnvironment(environment, home, (settings, daemonHome) -> launched.add(settings));
        int exitCode = OnlineDdlCli.run(args, cli, new PrintWriter(out), new PrintWriter(err));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private Result client(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--server");
        all.add(serverUrl);
        return run(all.toArray(String[]::new));
    }

    @Test
    void submitPrintsOneUuidPerLine() {
        Result result = client("submit", "--strategy", "vitess --postpone-completion", "--context", "deploy-8",
                "CREATE TABLE a (id INT PRIMARY KEY); ALTER TABLE b ENGINE=InnoDB");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(2).allMatch(MigrationUuid::isValid);
        assertThat(result.err()).isEmpty();
        assertThat(core.submissions).singleElement().satisfies(request -> {
            assertThat(request.sql()).isEqualTo("CREATE TABLE a (id INT PRIMARY KEY); ALTER TABLE b ENGINE=InnoDB");
            assertThat(request.strategy()).isEqualTo("vitess --postpone-completion");
            assertThat(request.context().value()).isEqualTo("deploy-8");
        });
    }

    @Test
    void submitJoinsUnquotedWordsAndTakesAUuid() {
        Result result = client("submit", "--uuid", "00000000_51c9_11ec_9cf2_0a43f95f28a3", "ALTER", "TABLE", "t", "ENGINE=InnoDB");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("00000000_51c9_11ec_9cf2_0a43f95f28a3\n");
        assertThat(core.submissions.get(0).sql()).isEqualTo("ALTER TABLE t ENGINE=InnoDB");
    }

    @Test
    void aRejectedSubmissionExitsWith1AndSaysWhy() {
        Result result = client("submit", "SELECT 1 -- NOT DDL");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("onlineddl submit: unsupported statement for Online DDL: SELECT 1 -- NOT DDL\n");
    }

    @Test
    void showPrintsTheKeyColumns() {
        Result result = client("show");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("migration_uuid").contains("mysql_table", "strategy", "migration_status",
                "stage", "progress", "eta_seconds", "rows_copied", "migration_context", "message");
        assertThat(lines.get(1)).startsWith(queued.uuid().value()).contains("queued", "deploy-7");
        assertThat(lines.get(2)).startsWith(running.uuid().value()).contains("running");
        // Aligned: every value of the status column starts where its header does.
        int statusColumn = lines.get(0).indexOf("migration_status");
        assertThat(lines.get(1).substring(statusColumn)).startsWith("queued");
        assertThat(lines.get(2).substring(statusColumn)).startsWith("running");
    }

    @ParameterizedTest
    @CsvSource({"running, 1", "queued, 1", "deploy-7, 1", "all, 2", "failed, 0"})
    void showJsonPrintsFullRows(String which, int expected) {
        Result result = client("show", which, "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode parsed = Json.parse(result.out());
        assertThat(parsed).isInstanceOf(ArrayNode.class);
        List<JsonNode> rows = JsonReads.elements(parsed);
        assertThat(rows).hasSize(expected);
        rows.forEach(row -> assertThat(JsonReads.names(row)).contains("migration_uuid", "migration_statement",
                "retain_artifacts_seconds", "reviewed_timestamp"));
    }

    @Test
    void showOfAUuidAndOfNothing() {
        Result one = client("show", running.uuid().value());
        assertThat(one.out().lines()).hasSize(2);

        Result none = client("show", "no-such-context");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("no migrations match 'no-such-context'\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cancel     | cancel     | cancel: 1 migration affected",
            "retry      | retry      | retry: 1 migration affected",
            "complete   | complete   | complete: 1 migration affected",
            "cleanup    | cleanup    | cleanup: 1 migration affected",
            "launch     | launch[]   | launch: 1 migration affected",
            "unthrottle | unthrottle | unthrottle: 1 migration affected"})
    void commandsOnOneMigration(String command, String call, String output) {
        Result result = client(command, queued.uuid().value());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(output + "\n");
        assertThat(core.calls).containsExactly(call + " " + queued.uuid());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cancel     | cancel-all            | cancel: 2 migrations affected",
            "complete   | complete-all          | complete: 2 migrations affected",
            "launch     | launch-all            | launch: 2 migrations affected",
            "unthrottle | unthrottle online-ddl | unthrottle: 1 migration affected"})
    void commandsOnAllMigrations(String command, String call, String output) {
        Result result = client(command, "--all");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(output + "\n");
        assertThat(core.calls).containsExactly(call);
    }

    @Test
    void launchOnShards() {
        Result result = client("launch", queued.uuid().value(), "--shards", "-80,80-");
        assertThat(result.exitCode()).isZero();
        assertThat(core.calls).containsExactly("launch[-80, 80-] " + queued.uuid());
    }

    @Test
    void throttleWithExpireAndRatio() {
        assertThat(client("throttle", running.uuid().value(), "--expire", "1h", "--ratio", "0.5").exitCode()).isZero();
        assertThat(client("throttle", "--all").exitCode()).isZero();

        assertThat(core.throttles).extracting(ThrottleRequest::appName).containsExactly(running.uuid().value(), "online-ddl");
        assertThat(core.throttles.get(0).expire()).isEqualTo(Duration.ofHours(1));
        assertThat(core.throttles.get(0).ratio()).isEqualTo(0.5);
        assertThat(core.throttles.get(1)).isEqualTo(ThrottleRequest.fully(core.throttles.get(1).target()));

        Result bad = client("throttle", "--all", "--ratio", "2");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("onlineddl throttle: invalid RATIO value: 2.");
    }

    @Test
    void logsPrintsTheLog() {
        Result result = client("logs", running.uuid().value());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("log of " + running.uuid() + "\nsecond line\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cancel                               | give a migration UUID, or --all",
            "cancel --all ffffffff_ec7b_11ea_9bf8_000d3a9b8a9a | give either a migration UUID or --all, not both",
            "retry not-a-uuid                     | invalid migration UUID 'not-a-uuid'",
            "launch --all --shards -80            | --shards applies to one migration, not to --all",
            "logs                                 | Missing required parameter: 'UUID'",
            "submit                               | Missing required parameter",
            "show --no-such-flag                  | Unknown option: '--no-such-flag'",
            "explode                              | Unmatched argument"})
    void wrongArgumentsExitWith1(String arguments, String message) {
        Result result = client(arguments.split(" "));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(message);
        assertThat(core.calls).isEmpty();
    }

    @Test
    void anUnknownMigrationExitsWith1() {
        Result result = client("cancel", "ffffffff_ec7b_11ea_9bf8_000d3a9b8a9a");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("onlineddl cancel: migration not found: ffffffff_ec7b_11ea_9bf8_000d3a9b8a9a");
    }

    @Test
    void aFailureOfTheDaemonExitsWith2() {
        core.failNextWith = new IllegalStateException("control schema unreachable");
        Result result = client("show");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("control schema unreachable");
    }

    @Test
    void saysClearlyWhenNoDaemonAnswers() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        Result result = run("show", "--server", "http://127.0.0.1:" + freePort);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("no onlineddl daemon answers at http://127.0.0.1:" + freePort
                + "/: start one with 'onlineddl daemon");
    }

    @Test
    void withoutATokenTheDaemonRefusesAndTheCliSaysWhereItLooked() throws IOException {
        Files.delete(TokenFile.of(home, "127.0.0.1", server.address().port()).path());
        Result result = client("cancel", "--all");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("onlineddl cancel: no API token found (looked at " + home.resolve(".onlineddl"));
        assertThat(core.calls).isEmpty();
    }

    @Test
    void theTokenCanComeFromTheEnvironmentOrAFile() throws IOException {
        Files.delete(TokenFile.of(home, "127.0.0.1", server.address().port()).path());
        environment.put("ONLINEDDL_TOKEN", TOKEN);
        assertThat(client("cancel", "--all").exitCode()).isZero();

        environment.put("ONLINEDDL_TOKEN", "wrong");
        Result wrong = client("cancel", "--all");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).contains("wrong API token");

        Path tokenFile = home.resolve("my.token");
        Files.writeString(tokenFile, TOKEN + "\n");
        assertThat(client("cancel", "--all", "--token-file", tokenFile.toString()).exitCode()).isZero();
    }

    @Test
    void localhostFindsTheTokenOf127001() {
        Result result = run("show", "--server", "http://localhost:" + server.address().port());
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void theServerComesFromTheEnvironmentToo() {
        environment.put("ONLINEDDL_SERVER", serverUrl);
        assertThat(run("show").exitCode()).isZero();
        Result invalid = run("show", "--server", "ftp://x");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains("invalid --server 'ftp://x'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "submit", "show", "cancel", "retry", "complete", "launch", "cleanup", "throttle",
            "unthrottle", "logs"})
    void everyCommandHasHelpWithAnExample(String command) {
        Result result = run(command, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: onlineddl " + command).containsPattern("Examples?:\n  onlineddl ");
    }

    @Test
    void theRootCommandListsTheCommands() {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("daemon", "submit", "show", "cancel", "retry", "complete", "launch", "cleanup",
                "throttle", "unthrottle", "logs", "Exit codes: 0 success, 1 rejected");
        assertThat(run().out()).isEqualTo(result.out());
    }

    @Test
    void theDaemonRefusesWrongSettingsNamingThem() {
        environment.put("ONLINEDDL_CHECK_INTERVAL", "soon");
        Result result = run("daemon", "--user", "ddl", "--http", "0.0.0.0:15100");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).contains(
                "onlineddl daemon: jdbc-url is not set (e.g. jdbc:mysql://db1:3306/shop): give --jdbc-url,"
                        + " ONLINEDDL_JDBC_URL or jdbc-url in the --config file",
                "onlineddl daemon: invalid check-interval 'soon' (from ONLINEDDL_CHECK_INTERVAL): invalid duration"
                        + " 'soon': expected a number at 'soon'");
        assertThat(result.err()).contains("0.0.0.0 is not a loopback address").contains("add --allow-remote");
        assertThat(launched).isEmpty();
    }

    @Test
    void theDaemonStartsWithFlagsEnvironmentAndConfigFile() throws IOException {
        Path config = home.resolve("onlineddl.properties");
        Files.writeString(config, "jdbc-url=jdbc:mysql://db1:3306/shop\nshard=-80\ncheck-interval=1m\n");
        Path passwordFile = home.resolve("password");
        Files.writeString(passwordFile, "s3cret\n");
        environment.put("ONLINEDDL_PASSWORD_FILE", passwordFile.toString());
        environment.put("ONLINEDDL_CHECK_INTERVAL", "30s");
        environment.put("ONLINEDDL_USER", "env-user");

        Result result = run("daemon", "--config", config.toString(), "--user", "flag-user", "--http", "127.0.0.1:0",
                "--allow-remote");

        assertThat(result.exitCode()).isZero();
        assertThat(launched).singleElement().satisfies(settings -> {
            assertThat(settings.database()).isEqualTo("shop");
            assertThat(settings.user()).isEqualTo("flag-user");
            assertThat(settings.password().value()).isEqualTo("s3cret");
            assertThat(settings.shard()).isEqualTo("-80");
            assertThat(settings.checkInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.allowRemote()).isTrue();
        });
    }

    @Test
    void theDaemonReadsItsConfigFileFromTheEnvironmentToo() throws IOException {
        Path config = home.resolve("onlineddl.properties");
        Files.writeString(config, "jdbc-url=jdbc:mysql://db1:3306/shop\nuser=ddl\nunknown-key=1\n");
        environment.put("ONLINEDDL_CONFIG", config.toString());

        Result result = run("daemon");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("onlineddl daemon: unknown key 'unknown-key' in " + config);
    }
}
