package dev.onlineddl.app.process;

import dev.onlineddl.port.out.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the external tools of the gh-ost and pt-osc strategies as child processes of the daemon.
 *
 * <p>Secrets (the database password, the per-migration callback token) must reach a tool through
 * {@link ProcessSpec#environment()} or a file of mode 0600, never through
 * {@link ProcessSpec#command()}: any local user can read a process's arguments in {@code ps} or
 * {@code /proc/<pid>/cmdline}. This runner therefore never logs the environment, and its error
 * messages name the executable only, not its arguments.
 *
 * <p>The child's standard input is closed at once, so a tool that prompts gets end-of-file
 * instead of waiting for an answer no one will give; its standard output and error go, in the
 * order written, to the end of {@link ProcessSpec#logFile()}, which outlives the process for
 * {@code onlineddl logs}.
 */
public final class LocalProcessRunner implements ProcessRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessRunner.class);

    /** How long to wait for the exit after SIGKILL, which only a process stuck in the kernel survives. */
    private static final Duration EXIT_AFTER_KILL = Duration.ofSeconds(10);

    @Override
    public RunningProcess start(ProcessSpec spec) throws IOException {
        String executable = spec.command().get(0);
        Files.createDirectories(spec.workDirectory());
        Path logDirectory = spec.logFile().toAbsolutePath().getParent();
        if (logDirectory != null) {
            Files.createDirectories(logDirectory);
        }
        ProcessBuilder builder = new ProcessBuilder(spec.command())
                .directory(spec.workDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        // ProcessBuilder copies the daemon's environment for the child: adding to that copy leaves
        // the daemon's own environment (and so every later child) untouched.
        builder.environment().putAll(spec.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            // The JDK's message names the program and the directory, never the arguments.
            throw new IOException("cannot start " + executable + " in " + spec.workDirectory() + ": " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        LOG.debug("started {} as pid {} in {}, output to {}", executable, process.pid(), spec.workDirectory(),
                spec.logFile());
        return new LocalProcess(process, executable);
    }

    private static final class LocalProcess implements RunningProcess {
        private final Process process;
        private final String executable;

        LocalProcess(Process process, String executable) {
            this.process = process;
            this.executable = executable;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
            if (process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
                return Optional.of(process.exitValue());
            }
            return Optional.empty();
        }

        /**
         * SIGTERM to the process and every descendant (a wrapper script's tool would otherwise
         * survive its shell), then SIGKILL to whichever is still alive after {@code grace}.
         * Descendants are listed before anything is signalled: once their parent is gone they
         * belong to init and can no longer be found from here.
         */
        @Override
        public void terminate(Duration grace) throws InterruptedException {
            Set<ProcessHandle> family = familyOf(process.toHandle());
            if (family.stream().noneMatch(ProcessHandle::isAlive)) {
                return;
            }
            family.forEach(ProcessHandle::destroy);
            if (awaitAll(family, grace)) {
                return;
            }
            // Children started during the grace period count as well.
            family.addAll(familyOf(process.toHandle()));
            List<ProcessHandle> survivors = family.stream().filter(ProcessHandle::isAlive).collect(Collectors.toList());
            LOG.warn("{} (pid {}) did not stop within {} of SIGTERM: killing pids {}", executable, process.pid(), grace,
                    survivors.stream().map(ProcessHandle::pid).collect(Collectors.toList()));
            survivors.forEach(ProcessHandle::destroyForcibly);
            if (!awaitAll(family, EXIT_AFTER_KILL)) {
                LOG.warn("{} (pid {}) is still alive {} after SIGKILL", executable, process.pid(), EXIT_AFTER_KILL);
            }
        }

        private static Set<ProcessHandle> familyOf(ProcessHandle root) {
            Set<ProcessHandle> family = new LinkedHashSet<>();
            family.add(root);
            root.descendants().forEach(family::add);
            return family;
        }

        /** @return whether every process exited within {@code timeout} */
        private static boolean awaitAll(Set<ProcessHandle> processes, Duration timeout) throws InterruptedException {
            CompletableFuture<?>[] exits = processes.stream()
                    .map(ProcessHandle::onExit)
                    .toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(exits).get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException stillRunning) {
                return false;
            } catch (ExecutionException unexpected) {
                // onExit futures complete normally; should one fail, fall back to asking each process.
                return processes.stream().noneMatch(ProcessHandle::isAlive);
            }
        }

        @Override
        public String toString() {
            return executable + " (pid " + process.pid() + ")";
        }
    }
}
