package dev.onlineddl.app.cli;

import dev.onlineddl.app.daemon.DaemonLauncher;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the commands take from the process, given explicitly so that tests can run the CLI
 * in-process with their own environment and home directory.
 *
 * @param environment the environment variables
 * @param home        the user's home directory (where {@code .onlineddl/} token files live)
 * @param daemons     starts the daemon for the {@code daemon} command
 */
public record CliEnvironment(Map<String, String> environment, Path home, DaemonLauncher daemons) {

    public CliEnvironment {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(daemons, "daemons");
    }
}
