package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.testkit.ServerSelection.Platform;
import dev.onlineddl.testkit.TestServer.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerSelectionTest {

    private static final Platform LINUX_X86 = new Platform("Linux", "amd64");
    private static final Platform MAC_ARM = new Platform("Mac OS X", "aarch64");
    private static final String URL = "jdbc:mysql://db.example:3306/";

    @ParameterizedTest(name = "server={0} url={1} docker={2} platform={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            // nothing forced: external URL, then Docker, then embedded
            "-,         url, true,  linux, EXTERNAL",
            "-,         url, false, mac,   EXTERNAL",
            "-,         -,   true,  linux, DOCKER",
            "-,         -,   true,  mac,   DOCKER",
            "-,         -,   false, linux, EMBEDDED",
            "'',        -,   false, linux, EMBEDDED",
            "'  ',      -,   false, linux, EMBEDDED",
            // forced, and available
            "external,  url, true,  linux, EXTERNAL",
            "docker,    url, true,  linux, DOCKER",
            "docker,    -,   true,  mac,   DOCKER",
            "embedded,  url, true,  linux, EMBEDDED",
            "EMBEDDED,  -,   true,  linux, EMBEDDED",
            "' Docker ', -,  true,  linux, DOCKER",
    })
    void choosesTheKind(String forced, String url, boolean docker, String platform, Kind expected) {
        assertThat(ServerSelection.choose(environment(forced, url), () -> docker, platform(platform))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "server={0} url={1} docker={2} platform={3} fails with \"{4}\"")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "external | -   | true  | linux | ONLINEDDL_TEST_SERVER=external but ONLINEDDL_TEST_JDBC_URL is not set",
            "docker   | url | false | linux | ONLINEDDL_TEST_SERVER=docker but no Docker engine answers",
            "embedded | -   | true  | mac   | ONLINEDDL_TEST_SERVER=embedded but the embedded MariaDB runs on Linux x86-64 only and this is Mac OS X/aarch64",
            "podman   | -   | true  | linux | ONLINEDDL_TEST_SERVER=podman is not a server kind: use one of external, docker, embedded",
            "-        | -   | false | mac   | no MySQL/MariaDB server for the tests",
    })
    void explainsWhyNoServerCanBeHad(String forced, String url, boolean docker, String platform, String message) {
        assertThatThrownBy(() -> ServerSelection.choose(environment(forced, url), () -> docker, platform(platform)))
                .isInstanceOf(TestServerUnavailableException.class)
                .hasMessageContaining(message);
    }

    @Test
    void doesNotAskForDockerWhenAnExternalServerIsGiven() {
        AtomicInteger questions = new AtomicInteger();
        BooleanSupplier docker = () -> {
            questions.incrementAndGet();
            return true;
        };
        assertThat(ServerSelection.choose(environment(null, "url"), docker, LINUX_X86)).isEqualTo(Kind.EXTERNAL);
        assertThat(ServerSelection.choose(environment("embedded", null), docker, LINUX_X86)).isEqualTo(Kind.EMBEDDED);
        assertThat(questions).hasValue(0);
    }

    @ParameterizedTest
    @CsvSource({
            "Linux,      amd64,   true",
            "Linux,      x86_64,  true",
            "Linux,      aarch64, false",
            "Mac OS X,   x86_64,  false",
            "Windows 11, amd64,   false",
    })
    void embeddedServerRunsOnLinuxX86Only(String osName, String osArch, boolean supported) {
        assertThat(new Platform(osName, osArch).runsEmbeddedMariaDb()).isEqualTo(supported);
    }

    private static Map<String, String> environment(String forced, String url) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", "/usr/bin");
        if (forced != null) {
            environment.put(ServerSelection.SERVER_VARIABLE, forced);
        }
        if (url != null) {
            environment.put(ServerSelection.JDBC_URL_VARIABLE, URL);
        }
        return environment;
    }

    private static Platform platform(String name) {
        return switch (name) {
            case "linux" -> LINUX_X86;
            case "mac" -> MAC_ARM;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
