package dev.onlineddl.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running {@code mariadbd}, started on a free loopback port with the binlog the online engines
 * read; any number may run in one JVM, each on its own files, port and server id.
 */
final class ServerProcess {

    static final String HOST = "127.0.0.1";
    private static final int START_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final ServerOutput output;
    private final int port;
    private final long serverId;

    private ServerProcess(Process process, ServerOutput output, int port, long serverId) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.serverId = serverId;
    }

    /** Where a server's files go; all but the socket live in the embedded directory. */
    record ServerFiles(Path dataDirectory, Path socket, Path pidFile, Path logFile) {
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @throws IOException saying what the server wrote when it did not become ready (it is not left running)
     */
    static ServerProcess start(ServerBinaries binaries, ServerFiles files, ServerSettings settings) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = freeLoopbackPort();
            try {
                return startOn(binaries, files, settings, port);
            } catch (PortTakenException taken) {
                // Another process bound the port between our probe and the server's bind: pick another.
                if (attempt == START_ATTEMPTS) {
                    throw new IOException("mariadbd found its port taken " + START_ATTEMPTS + " times in a row:\n"
                            + taken.getMessage());
                }
            }
        }
    }

    private static ServerProcess startOn(ServerBinaries binaries, ServerFiles files, ServerSettings settings, int port)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(binaries, files, settings, port)).redirectErrorStream(true);
        libraryPath(binaries, builder.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        ServerOutput output = ServerOutput.follow(process.getInputStream(), files.logFile(), "mariadbd-" + port + "-output");
        try {
            output.ready().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new ServerProcess(process, output, port, settings.serverId());
        } catch (ExecutionException outputEnded) {
            int exitCode = awaitExit(process);
            awaitQuietly(output);
            String tail = output.tailText();
            if (tail.contains("Address already in use") || tail.contains("Bind on TCP/IP port")) {
                throw new PortTakenException(tail);
            }
            throw new IOException("mariadbd exited with code " + exitCode + " before it was ready; its last lines ("
                    + files.logFile() + " has all):\n" + tail);
        } catch (TimeoutException notReady) {
            process.destroyForcibly();
            throw new IOException("mariadbd was not ready after " + READY_TIMEOUT.toSeconds() + " s and was killed; its"
                    + " last lines (" + files.logFile() + " has all):\n" + output.tailText());
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for mariadbd to start");
        }
    }

    static List<String> command(ServerBinaries binaries, ServerFiles files, ServerSettings settings, int port) {
        List<String> command = new ArrayList<>(List.of(
                binaries.server().toString(),
                // First: ignore any /etc/my.cnf or ~/.my.cnf, which would change what we rely on.
                "--no-defaults",
                "--basedir=" + binaries.baseDirectory(),
                "--datadir=" + files.dataDirectory(),
                "--port=" + port,
                "--bind-address=" + HOST,
                "--socket=" + files.socket(),
                "--pid-file=" + files.pidFile(),
                "--skip-name-resolve",
                // MariaDB 11.4 would generate a TLS certificate at every start (seconds of CPU); the
                // clients connect with sslMode=DISABLED over loopback.
                "--skip-ssl",
                // A fixed name: the default derives it from the host name, which would start a new
                // binlog whenever the machine is renamed.
                "--log-bin=mariadb-bin",
                "--server-id=" + settings.serverId(),
                // Fixed too, for the same reason, on a server that becomes a replica.
                "--relay-log=mariadb-relay-bin",
                // A replica starts replicating when told to, not from what a copied data directory says.
                "--skip-slave-start",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                // Column names and keys in the row events, which the binlog reader needs.
                "--binlog-row-metadata=FULL",
                // Without it MariaDB 11.4 writes end_log_pos=0 inside event groups.
                "--binlog-legacy-event-pos=ON"));
        command.addAll(binaries.fileArguments());
        command.addAll(runAsRootWhenRoot());
        // Last, so that an instance's own settings win over the defaults above.
        command.addAll(settings.extraArguments());
        return command;
    }

    /** mariadbd and its installer refuse to run as root unless told to (CI and containers run as root). */
    static List<String> runAsRootWhenRoot() {
        return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
    }

    /** The packaging ships the client library beside the executables rather than installing it. */
    static void libraryPath(ServerBinaries binaries, Map<String, String> environment) {
        binaries.libraries().ifPresent(libraries -> {
            String existing = environment.get("LD_LIBRARY_PATH");
            environment.put("LD_LIBRARY_PATH", existing == null || existing.isBlank()
                    ? libraries.toString() : libraries + ":" + existing);
        });
    }

    int port() {
        return port;
    }

    long serverId() {
        return serverId;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGTERM, on which mariadbd shuts down cleanly; killed if it has not ended after {@code grace}.
     *
     * @return whether it ended cleanly within the grace period
     */
    boolean stop(Duration grace) {
        process.toHandle().destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        } finally {
            awaitQuietly(output);
        }
    }

    /** The server's last lines, for messages. */
    String outputTail() {
        return output.tailText();
    }

    private static int awaitExit(Process process) throws IOException {
        try {
            if (!process.waitFor(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("mariadbd closed its output but kept running; it was killed");
            }
            return process.exitValue();
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for mariadbd to exit");
        }
    }

    /** After the process ended its output ends at once; the bound only guards against a stuck pipe. */
    private static void awaitQuietly(ServerOutput output) {
        try {
            output.ended().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException ignored) {
            // the tail read so far is what there is
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        }
    }

    private static final class PortTakenException extends IOException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String tail) {
            super(tail);
        }
    }
}
