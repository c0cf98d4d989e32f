package dev.onlineddl.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.config.DatabasePassword;
import dev.onlineddl.app.config.HttpAddress;
import dev.onlineddl.app.fakes.FakeCore;
import dev.onlineddl.app.http.ApiServices;
import dev.onlineddl.app.metrics.ExecutionCounts;
import dev.onlineddl.app.metrics.PrometheusLines;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyContext.Callbacks;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonTest {

    @TempDir
    Path home;

    private final FakeCore fake = new FakeCore();
    private final List<String> lifecycle = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private ToolCallbacks callbacks;

    private final CoreAssembler assembler = (settings, metrics, toolCallbacks) -> {
        lifecycle.add("assembled for " + settings.database());
        callbacks = toolCallbacks;
        return new RunningCore() {
            @Override
            public ApiServices services() {
                return new ApiServices(fake, fake, fake, fake, fake, app -> false);
            }

            @Override
            public ExecutionCounts counts() {
                return new ExecutionCounts(5, 4, 1);
            }

            @Override
            public void start() {
                lifecycle.add("started");
            }

            @Override
            public void close() {
                lifecycle.add("closed");
            }
        };
    };

    private static DaemonSettings settings(int port) {
        return new DaemonSettings("jdbc:mysql://127.0.0.1:3306/shop", "shop", "ddl", DatabasePassword.NONE, "_onlineddl",
                "box1:0", "shop", "0", Duration.ofSeconds(1), Duration.ofHours(24), 256, Duration.ofHours(3),
                new HttpAddress("127.0.0.1", port, InetAddress.getLoopbackAddress()), false, Optional.empty(), Optional.empty(),
                DaemonSettings.DEFAULT_HTTP_THREADS);
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    @Test
    void servesTheApiWithTheTokenItWroteAndCleansUpOnClose() throws Exception {
        fake.add("CREATE TABLE t (id INT PRIMARY KEY)", MigrationStatus.COMPLETE, "");
        Daemon daemon = Daemon.start(settings(0), home, assembler);
        int port = Integer.parseInt(daemon.apiAddress().substring(daemon.apiAddress().lastIndexOf(':') + 1));
        Path tokenFile = home.resolve(".onlineddl/127.0.0.1_" + port + ".token");

        assertThat(lifecycle).containsExactly("assembled for shop", "started");
        assertThat(daemon.tokenFile().path()).isEqualTo(tokenFile);
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = Files.readString(tokenFile).strip();
        assertThat(token).hasSize(43);

        assertThat(get(port, "/api/migrations", token).statusCode()).isEqualTo(200);
        assertThat(get(port, "/api/migrations", null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get(port, "/metrics", null);
        assertThat(PrometheusLines.of(metrics.body())).contains(
                "onlineddl_migrations{status=\"complete\"} 1",
                "onlineddl_migrations_started_total 5",
                "onlineddl_migrations_successful_total 4",
                "onlineddl_migrations_failed_total 1");

        MigrationUuid uuid = fake.migrations.get(0).uuid();
        Callbacks forTool = callbacks.forMigration(uuid).orElseThrow();
        assertThat(forTool.statusUrl()).hasToString("http://127.0.0.1:" + port + "/schema-migration/report-status");
        assertThat(forTool.throttlerCheckUrl()).hasToString("http://127.0.0.1:" + port + "/throttler/check");
        assertThat(forTool.token()).isNotEqualTo(token);
        String report = "/schema-migration/report-status?uuid=" + uuid + "&status=complete&rowscopied=7";
        assertThat(get(port, report, token).statusCode()).as("the API token is not for tools").isEqualTo(401);
        assertThat(get(port, report, forTool.token()).statusCode()).isEqualTo(200);
        assertThat(fake.reports).extracting(StatusReport::rowsCopied).containsExactly(7L);
        assertThat(get(port, report, forTool.token()).statusCode()).as("revoked once the tool reported the end").isEqualTo(401);

        daemon.close();
        daemon.close();

        assertThat(lifecycle).containsExactly("assembled for shop", "started", "closed");
        assertThat(tokenFile).doesNotExist();
        assertThatThrownBy(() -> get(port, "/metrics", null)).isInstanceOf(ConnectException.class);
    }

    @Test
    void toolsGetNoCallbacksBeforeTheApiListens() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Daemon.start(settings(taken.getLocalPort()), home, assembler)).isInstanceOf(IOException.class);
        }
        assertThat(callbacks.forMigration(MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a"))).isEmpty();
    }

    @Test
    void anAddressInUseStopsStartUpAndLeavesNothingRunning() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Daemon.start(settings(port), home, assembler))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port)
                    .hasMessageContaining("is another onlineddl daemon running there?");
            assertThat(lifecycle).containsExactly("assembled for shop", "closed");
            assertThat(home.resolve(".onlineddl/127.0.0.1_" + port + ".token")).doesNotExist();
        }
    }
}
