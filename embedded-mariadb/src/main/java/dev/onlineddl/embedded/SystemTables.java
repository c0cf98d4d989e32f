package dev.onlineddl.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes a new data directory with MariaDB's system tables ({@code mariadb-install-db}). */
final class SystemTables {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final int TAIL_LINES = 20;

    private SystemTables() {
    }

    /**
     * Installs into {@code dataDirectory}, which must not exist yet.
     *
     * @param logFile      receives the installer's output, quoted in the error when it fails
     * @param extraOptions passed on to the server the installer runs, e.g. InnoDB file sizes that the
     *                     servers started on this data directory must then use too
     */
    static void install(ServerBinaries binaries, Path dataDirectory, Path logFile, List<String> extraOptions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                // Shipped without execute bit.
                "/bin/sh", binaries.installScript().toString(),
                "--no-defaults",
                "--basedir=" + binaries.baseDirectory(),
                "--datadir=" + dataDirectory,
                // root without password, able to log in over TCP exactly once: the provisioning that
                // follows creates the onlineddl account and takes that access away.
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve",
                // Otherwise the script stops when the machine's host name does not resolve, which
                // --skip-name-resolve makes irrelevant.
                "--force"));
        command.addAll(ServerProcess.runAsRootWhenRoot());
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        ServerProcess.libraryPath(binaries, builder.environment());
        Process process = builder.start();
        try {
            if (!process.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("mariadb-install-db did not finish within " + INSTALL_TIMEOUT.toMinutes()
                        + " minutes and was killed; its last lines (" + logFile + " has all):\n" + tail(logFile));
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing the system tables");
        }
        if (process.exitValue() != 0 || !Files.isDirectory(dataDirectory.resolve("mysql"))) {
            throw new IOException("mariadb-install-db failed (exit code " + process.exitValue() + "); its last lines ("
                    + logFile + " has all):\n" + tail(logFile));
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return "    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException unreadable) {
            return "    (cannot read " + logFile + ": " + unreadable.getMessage() + ")";
        }
    }
}
