package dev.onlineddl.app.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.port.out.ProcessRunner.ProcessSpec;
import dev.onlineddl.port.out.ProcessRunner.RunningProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs real processes through {@code /bin/sh}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalProcessRunnerTest {

    /** Long enough that a test never waits on it: the process is always terminated or killed first. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final LocalProcessRunner runner = new LocalProcessRunner();

    @TempDir
    Path temp;

    private RunningProcess started;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        if (started != null && started.isAlive()) {
            started.terminate(Duration.ZERO);
        }
    }

    private RunningProcess shell(String script, Map<String, String> environment) throws IOException {
        started = runner.start(new ProcessSpec(List.of("/bin/sh", "-c", script), environment, temp.resolve("work"),
                temp.resolve("logs/tool.log")));
        return started;
    }

    private String log() throws IOException {
        return Files.readString(temp.resolve("logs/tool.log"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({"exit 0, 0", "exit 1, 1", "exit 3, 3", "kill -9 $$, 137", "false, 1"})
    void reportsTheExitCode(String script, int exitCode) throws Exception {
        RunningProcess process = shell(script, Map.of());

        assertThat(process.awaitExit(PATIENCE)).contains(exitCode);
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void appendsStdoutAndStderrToTheLogFileInTheOrderWritten() throws Exception {
        Files.createDirectories(temp.resolve("logs"));
        Files.writeString(temp.resolve("logs/tool.log"), "from an earlier run\n");

        assertThat(shell("echo out1; echo err1 >&2; echo out2", Map.of()).awaitExit(PATIENCE)).contains(0);
        assertThat(shell("echo second run", Map.of()).awaitExit(PATIENCE)).contains(0);

        assertThat(log()).isEqualTo("from an earlier run\nout1\nerr1\nout2\nsecond run\n");
    }

    @Test
    void createsTheWorkDirectoryAndRunsInIt() throws Exception {
        Path work = temp.resolve("work");
        assertThat(work).doesNotExist();

        assertThat(shell("pwd; touch made-here", Map.of()).awaitExit(PATIENCE)).contains(0);

        assertThat(work.resolve("made-here")).exists();
        assertThat(log().strip()).isEqualTo(work.toRealPath().toString());
    }

    @Test
    void theEnvironmentReachesTheChildOnly() throws Exception {
        String name = "ONLINEDDL_TEST_SECRET_" + ProcessHandle.current().pid();

        RunningProcess process = shell("printf '%s' \"$" + name + "\"; printf ' path=%s' \"${PATH:+set}\"",
                Map.of(name, "s3cret value"));

        assertThat(process.awaitExit(PATIENCE)).contains(0);
        assertThat(log()).isEqualTo("s3cret value path=set"); // added to, not replacing, the inherited environment
        assertThat(System.getenv(name)).isNull();
        assertThat(shell("printf '[%s]' \"$" + name + "\"", Map.of()).awaitExit(PATIENCE)).contains(0);
        assertThat(log()).endsWith("[]");
    }

    @Test
    void theChildGetsEndOfFileOnStandardInput() throws Exception {
        RunningProcess process = shell("if read line; then echo got-input; else echo eof; fi", Map.of());

        assertThat(process.awaitExit(PATIENCE)).contains(0);
        assertThat(log()).isEqualTo("eof\n");
    }

    @Test
    void awaitExitTimesOutOnARunningProcess() throws Exception {
        RunningProcess process = shell("exec sleep 60", Map.of());

        assertThat(process.awaitExit(Duration.ofMillis(50))).isEmpty();
        assertThat(process.isAlive()).isTrue();
        assertThat(process.pid()).isPositive();
    }

    @Test
    void terminateStopsAProcessThatHonoursSigterm() throws Exception {
        RunningProcess process = shell("trap 'echo got TERM; exit 7' TERM; echo ready; while :; do sleep 1; done",
                Map.of());
        awaitLog("ready\n");

        process.terminate(PATIENCE);

        assertThat(process.isAlive()).isFalse();
        assertThat(process.awaitExit(Duration.ZERO)).contains(7);
        assertThat(log()).contains("got TERM");
    }

    @Test
    void terminateKillsAProcessIgnoringSigtermAfterTheGrace() throws Exception {
        RunningProcess process = shell("trap '' TERM; echo ready; while :; do sleep 1; done", Map.of());
        awaitLog("ready\n");

        process.terminate(Duration.ofMillis(300));

        assertThat(process.isAlive()).isFalse();
        assertThat(process.awaitExit(Duration.ZERO)).contains(137); // 128 + SIGKILL
    }

    @Test
    void terminateAlsoStopsTheChildOfAShellWrapper() throws Exception {
        RunningProcess process = shell("sleep 300 & echo $! > child.pid; echo ready; wait", Map.of());
        awaitLog("ready\n");
        long childPid = Long.parseLong(Files.readString(temp.resolve("work/child.pid")).strip());
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();

        process.terminate(PATIENCE);

        assertThat(child.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void terminateKillsADescendantIgnoringSigterm() throws Exception {
        RunningProcess process = shell("sh -c \"trap '' TERM; echo \\$\\$ > child.pid; echo ready;"
                + " while :; do sleep 1; done\" & wait", Map.of());
        awaitLog("ready\n");
        long childPid = Long.parseLong(Files.readString(temp.resolve("work/child.pid")).strip());
        Optional<ProcessHandle> child = ProcessHandle.of(childPid);
        assertThat(child).isPresent();

        process.terminate(Duration.ofMillis(300));

        assertThat(child.get().onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void terminateOfAnExitedProcessDoesNothing() throws Exception {
        RunningProcess process = shell("exit 4", Map.of());
        assertThat(process.awaitExit(PATIENCE)).contains(4);

        process.terminate(Duration.ZERO);

        assertThat(process.awaitExit(Duration.ZERO)).contains(4);
    }

    @Test
    void aMissingExecutableIsAnIoExceptionNamingIt() {
        Path missing = temp.resolve("no-such-tool");
        ProcessSpec spec = new ProcessSpec(List.of(missing.toString(), "--secret-looking-argument"), Map.of(),
                temp.resolve("work"), temp.resolve("tool.log"));

        assertThatThrownBy(() -> runner.start(spec))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot start " + missing)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("--secret-looking-argument"));
    }

    /** The script prints a line once its traps are set; signalling earlier would test nothing. */
    private void awaitLog(String line) throws Exception {
        Path log = temp.resolve("logs/tool.log");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            log.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!(Files.exists(log) && Files.readString(log).contains(line))) {
                WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(key).as("'%s' in %s in time", line, log).isNotNull();
                key.pollEvents();
                key.reset();
            }
        }
    }
}
