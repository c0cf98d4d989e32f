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

    /**
     * As {@link #runUntilStopped(DaemonSettings, Path)}, and runs {@code afterStop} once the daemon
     * has stopped or failed to start: also when a JVM shutdown stops it, where the caller's code
     * after this call may never run. For what the daemon uses and must outlive it (the embedded
     * server, which must not go before the daemon has closed its connections).
     */
    default void runUntilStopped(DaemonSettings settings, Path home, Runnable afterStop) throws Exception {
        try {
            runUntilStopped(settings, home);
        } finally {
            afterStop.run();
        }
    }
}
