package dev.onlineddl.port.out;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts external processes (gh-ost, pt-online-schema-change). Secrets go through
 * {@link ProcessSpec#environment()} or files, never through the argument list, which any local
 * user can read.
 */
public interface ProcessRunner {

    RunningProcess start(ProcessSpec spec) throws IOException;

    /**
     * @param command      executable and arguments, no secrets
     * @param environment  variables added to the child's environment only (the parent's is never mutated)
     * @param workDirectory where the process runs
     * @param logFile      stdout and stderr are appended here
     */
    record ProcessSpec(List<String> command, Map<String, String> environment, Path workDirectory, Path logFile) {
        public ProcessSpec {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("a process needs at least an executable");
            }
        }
    }

    interface RunningProcess {
        long pid();

        boolean isAlive();

        /** Waits at most {@code timeout} for the exit code. */
        Optional<Integer> awaitExit(Duration timeout) throws InterruptedException;

        /** Asks the process to stop (SIGTERM), then kills it after {@code grace}. */
        void terminate(Duration grace) throws InterruptedException;
    }
}
