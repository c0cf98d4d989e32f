package dev.onlineddl.app.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import dev.onlineddl.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code java -jar onlineddl.jar ...} as a separate process, as a user would. */
final class OnlineDdlProcesses {

    static final Path JAR = Path.of("target", "onlineddl.jar").toAbsolutePath();
    private static final Pattern READY = Pattern.compile("onlineddl daemon ready: .* API on http://(\\S+):(\\d+),");

    private final Path home;
    private final Map<String, String> environment;

    /**
     * @param home        the user's home for the child JVMs (where the token file goes)
     * @param environment variables for every child, on top of a copy of ours without ONLINEDDL_*
     */
    OnlineDdlProcesses(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Processes that log in to {@code db} as its test user: a home under {@code temp}, and the
     * password in a file of mode 0600 named by {@code ONLINEDDL_PASSWORD_FILE}, never on a command line.
     */
    static OnlineDdlProcesses forDatabase(TestDatabase db, Path temp) throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path passwordFile = temp.resolve("db-password");
        Files.writeString(passwordFile, db.password() + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        return new OnlineDdlProcesses(home, Map.of("ONLINEDDL_PASSWORD_FILE", passwordFile.toString()));
    }

    /** The children's home, where a daemon writes its token file. */
    Path home() {
        return home;
    }

    record Result(int exitCode, String out, String err) {
    }

    /** Runs a client command to its end. */
    Result run(String... arguments) throws IOException, InterruptedException {
        // A short-lived client JVM: the quick compiler tier starts it faster.
        return run(List.of("-XX:TieredStopAtLevel=1"), Duration.ofMinutes(2), arguments);
    }

    /** Runs a long command (the demo) to its end, with the JVM's full compiler. */
    Result runLong(Duration timeout, String... arguments) throws IOException, InterruptedException {
        return run(List.of(), timeout, arguments);
    }

    private Result run(List<String> jvmOptions, Duration timeout, String... arguments) throws IOException, InterruptedException {
        Process process = start(jvmOptions, List.of(arguments));
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("onlineddl " + String.join(" ", arguments) + " did not end within " + timeout
                    + ":\n" + out.getNow("") + err.getNow(""));
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    /** Starts the daemon and waits until it says it is ready. */
    RunningDaemon startDaemon(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("daemon"));
        command.addAll(List.of(arguments));
        Process process = start(List.of(), command);
        List<String> log = new CopyOnWriteArrayList<>();
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.add(line);
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        address.complete("http://" + ready.group(1) + ":" + ready.group(2));
                    }
                }
            } catch (IOException ended) {
                // the process went away; its exit code tells the rest
            } finally {
                address.completeExceptionally(new AssertionError("the daemon ended before it was ready:\n" + String.join("\n", log)));
            }
        }, "daemon-log-reader");
        reader.setDaemon(true);
        reader.start();
        process.getOutputStream().close();
        try {
            return new RunningDaemon(process, address.get(2, TimeUnit.MINUTES), log, reader);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failed) {
            process.destroyForcibly();
            throw new AssertionError("the daemon did not start: " + failed.getMessage() + "\n" + String.join("\n", log), failed);
        }
    }

    private Process start(List<String> jvmOptions, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Duser.home=" + home);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("ONLINEDDL_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A daemon child process. */
    record RunningDaemon(Process process, String apiUrl, List<String> log, Thread logReader) {

        /** SIGTERM, as a service manager stops it; the exit code, once its last log line has been read. */
        int stop(Duration timeout) throws InterruptedException {
            // Process.destroy() would also close our end of its pipes, losing what it logs while stopping.
            process.toHandle().destroy();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the daemon did not stop within " + timeout + " of SIGTERM:\n" + String.join("\n", log));
            }
            logReader.join(timeout.toMillis());
            return process.exitValue();
        }
    }
}
