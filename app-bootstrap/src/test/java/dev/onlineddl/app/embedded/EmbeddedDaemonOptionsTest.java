package dev.onlineddl.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.app.cli.CliEnvironment;
import dev.onlineddl.app.cli.OnlineDdlCli;
import dev.onlineddl.app.config.DaemonSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code daemon --embedded} refuses what contradicts it before anything starts or is created. */
class EmbeddedDaemonOptionsTest {

    @TempDir
    Path temp;

    private final List<DaemonSettings> launched = new ArrayList<>();

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of(List.of("--embedded", "--jdbc-url", "jdbc:mysql://db1:3306/shop"), Map.of(), "",
                        "onlineddl daemon: --embedded supplies jdbc-url itself, but --jdbc-url gives one too: remove it,"
                                + " or run without --embedded"),
                Arguments.of(List.of("--embedded", "--user", "ddl"), Map.of(), "",
                        "onlineddl daemon: --embedded supplies user itself, but --user gives one too"),
                Arguments.of(List.of("--embedded", "--password-file", "/etc/password"), Map.of(), "",
                        "onlineddl daemon: --embedded supplies password-file itself, but --password-file gives one too"),
                Arguments.of(List.of("--embedded"), Map.of("ONLINEDDL_JDBC_URL", "jdbc:mysql://db1:3306/shop"), "",
                        "onlineddl daemon: --embedded supplies jdbc-url itself, but ONLINEDDL_JDBC_URL gives one too"),
                Arguments.of(List.of("--embedded"), Map.of("ONLINEDDL_PASSWORD_FILE", "/etc/password"), "",
                        "onlineddl daemon: --embedded supplies password-file itself, but ONLINEDDL_PASSWORD_FILE gives one"),
                Arguments.of(List.of("--embedded"), Map.of("ONLINEDDL_PASSWORD", "secret"), "",
                        "onlineddl daemon: --embedded supplies the password itself, but ONLINEDDL_PASSWORD gives one too:"
                                + " unset it, or run without --embedded"),
                Arguments.of(List.of("--embedded"), Map.of(), "user=ddl\n",
                        "onlineddl daemon: --embedded supplies user itself, but user in "),
                Arguments.of(List.of("--embedded-dir", "DIR"), Map.of(), "",
                        "onlineddl daemon: --embedded-dir only apply with --embedded: add --embedded, or remove them"),
                Arguments.of(List.of("--embedded-database", "shop", "--embedded-binaries", "/opt/mariadb"), Map.of(), "",
                        "onlineddl daemon: --embedded-database, --embedded-binaries only apply with --embedded"),
                Arguments.of(List.of("--embedded", "--embedded-database", "a/b"), Map.of(), "",
                        "onlineddl daemon: invalid --embedded-database 'a/b': give a database name of 1 to 64 characters,"
                                + " without '/' or control characters"),
                Arguments.of(List.of("--embedded", "--embedded-database", "x".repeat(65)), Map.of(), "",
                        "onlineddl daemon: invalid --embedded-database '" + "x".repeat(65) + "'"),
                Arguments.of(List.of("--embedded", "--check-interval", "soon"), Map.of(), "",
                        "onlineddl daemon: invalid check-interval 'soon' (from --check-interval)"),
                Arguments.of(List.of("--embedded", "--http", "0.0.0.0:15100"), Map.of(), "",
                        "onlineddl daemon: invalid http '0.0.0.0:15100' (from --http)"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("conflicts")
    void isRefusedBeforeAnythingStarts(List<String> options, Map<String, String> environment, String configFile,
                                       String expectedError) throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path directory = temp.resolve("embedded");
        List<String> arguments = new ArrayList<>(List.of("daemon"));
        arguments.addAll(options.stream().map(option -> option.equals("DIR") ? directory.toString() : option).toList());
        if (options.contains("--embedded")) {
            arguments.addAll(List.of("--embedded-dir", directory.toString()));
        }
        Map<String, String> variables = new HashMap<>(environment);
        if (!configFile.isEmpty()) {
            Path config = Files.writeString(temp.resolve("onlineddl.properties"), configFile);
            variables.put("ONLINEDDL_CONFIG", config.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = OnlineDdlCli.run(arguments.toArray(String[]::new),
                new CliEnvironment(variables, home, (settings, daemonHome) -> launched.add(settings)),
                new PrintWriter(out), new PrintWriter(err));

        assertThat(exitCode).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).startsWith(expectedError);
        assertThat(launched).isEmpty();
        assertThat(directory).as("nothing created for the server").doesNotExist();
        try (Stream<Path> inHome = Files.list(home)) {
            assertThat(inHome).as("nothing unpacked or cached").isEmpty();
        }
    }
}
