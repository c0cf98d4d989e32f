package dev.onlineddl.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.app.config.HttpAddress;
import dev.onlineddl.app.fakes.FakeCore;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's HTTP API section names exactly the routes the daemon serves: a route it lists that
 * does not exist, or one it misses, fails here. {@link MigrationApi#ROUTES} and
 * {@link ToolCallbackApi#ROUTES} are the README's spelling of the routes; they are checked against
 * both the README and what the server actually registered.
 */
class ReadmeHttpApiTest {

    /** Tests run in the module's directory. */
    private static final Path README = Path.of("../README.md");
    private static final String METRICS = "GET /metrics";
    private static final String TOKEN = "the-api-token";
    /** {@code `GET /api/migrations/UUID/logs`}, {@code `GET /api/migrations?show=WORD`}: a method, a path, maybe a query. */
    private static final Pattern ROUTE = Pattern.compile("`(GET|HEAD|POST|PUT|PATCH|DELETE) (/[^`?\\s]*)[^`]*`");
    /** {@code `/throttler/check`}: the tools' endpoints are named by path alone. */
    private static final Pattern PATH = Pattern.compile("`(/[a-z][^`\\s]*)`");
    /** The alternatives of one path segment, {@code {cancel,retry}}: one route with a parameter on the server. */
    private static final Pattern ALTERNATIVES = Pattern.compile("\\{([a-z-]+(?:,[a-z-]+)+)}");

    private final FakeCore core = new FakeCore();
    private HttpApi server;

    @BeforeEach
    void start() throws IOException {
        ApiServices services = new ApiServices(core, core, core, core, core, app -> false);
        server = HttpApi.start(new HttpAddress("127.0.0.1", 0, InetAddress.getLoopbackAddress()), 2, services,
                new ApiAccess(TOKEN, "no CLI here"), new ToolCallbackApi(services, new MigrationTokens(new SecureRandom())),
                new MetricsEndpoint("text/plain", () -> ""));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    private static String httpApiSection() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("### HTTP API");
        assertThat(start).as("the README has an HTTP API section").isNotNegative();
        int end = readme.indexOf("\n## ", start);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void theReadmeListsTheUserRoutesAndMetricsInOrder() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher route = ROUTE.matcher(httpApiSection());
        while (route.find()) {
            documented.add(route.group(1) + " " + route.group(2).replace("/UUID", "/{uuid}"));
        }

        assertThat(documented).containsExactlyElementsOf(Stream.concat(MigrationApi.ROUTES.stream(), Stream.of(METRICS)).toList());
    }

    @Test
    void theReadmeNamesTheToolsEndpoints() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher path = PATH.matcher(httpApiSection());
        while (path.find()) {
            documented.add(path.group(1));
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                ToolCallbackApi.ROUTES.stream().map(route -> route.substring(route.indexOf(' ') + 1)).distinct().toList());
    }

    @Test
    void theDocumentedRoutesAreTheRoutesServed() {
        List<String> documented = Stream.of(MigrationApi.ROUTES, ToolCallbackApi.ROUTES, List.of(METRICS))
                .flatMap(List::stream)
                .map(route -> ALTERNATIVES.matcher(route).replaceAll("{command}"))
                .toList();

        assertThat(server.routes()).containsExactlyInAnyOrderElementsOf(documented);
    }

    /** A command route serves each command the README lists for it (the server has one route with a parameter). */
    @Test
    void everyDocumentedCommandExists() throws Exception {
        Migration migration = core.add("ALTER TABLE t ENGINE=InnoDB", MigrationStatus.RUNNING, "");
        HttpClient client = HttpClient.newHttpClient();
        for (String route : MigrationApi.ROUTES) {
            Matcher alternatives = ALTERNATIVES.matcher(route);
            if (!alternatives.find()) {
                continue;
            }
            for (String command : alternatives.group(1).split(",")) {
                String path = route.substring(route.indexOf(' ') + 1, alternatives.start()).replace("{uuid}",
                        migration.uuid().value()) + command;
                int status = client.send(HttpRequest.newBuilder(URI.create("http://" + server.address() + path))
                        .header("Authorization", "Bearer " + TOKEN).POST(BodyPublishers.noBody()).build(),
                        BodyHandlers.ofString()).statusCode();
                assertThat(status).as("POST %s", path).isNotEqualTo(404);
            }
        }
    }
}
