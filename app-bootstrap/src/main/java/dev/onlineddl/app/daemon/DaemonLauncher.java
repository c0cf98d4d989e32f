package dev.onlineddl.app.daemon;

import dev.onlineddl.app.config.DaemonSettings;
import java.nio.file.Path;

/** Runs a daemon with the given settings until the process is asked to stop. */
@FunctionalInterface
public interface DaemonLauncher {

    /**
     * @param home where the API token file goes ({@code <home>/.onlineddl/})
     * @throws Exception saying why the daemon could not start
     */
    void runUntilStopped(DaemonSettings settings, Path home) throws Exception;
}
