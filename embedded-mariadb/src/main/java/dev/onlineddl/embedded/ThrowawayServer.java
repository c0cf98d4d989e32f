package dev.onlineddl.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server {@link ThrowawayServers} started: its files go when it stops, on {@link #close()} or at
 * JVM exit. It knows no account: those are what its provisioning made.
 */
public final class ThrowawayServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThrowawayServer.class);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ServerProcess process;
    private final Path runDirectory;
    private final Path socketDirectory;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    /** @param socketDirectory where the socket went because the run directory's path is too long; null if not */
    ThrowawayServer(ServerProcess process, Path runDirectory, Path socketDirectory) {
        this.process = process;
        this.runDirectory = runDirectory;
        this.socketDirectory = socketDirectory;
        this.shutdownHook = new Thread(this::stop, "onlineddl-throwaway-mariadb-stop-" + process.port());
    }

    void stopAtShutdown() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The server listens on loopback only. */
    public String host() {
        return ServerProcess.HOST;
    }

    public int port() {
        return process.port();
    }

    public long serverId() {
        return process.serverId();
    }

    /** Its own directory: {@code data/}, {@code tmp/}, {@code mariadbd.log}, deleted when it stops. */
    public Path runDirectory() {
        return runDirectory;
    }

    public Path dataDirectory() {
        return runDirectory.resolve("data");
    }

    /** The server's own log, for when something goes wrong (gone once the server stops). */
    public Path serverLog() {
        return runDirectory.resolve("mariadbd.log");
    }

    /** The operating system's id of the {@code mariadbd} process. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server and deletes its files. Safe to call more than once. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run; stopping below is shared with it
        }
        stop();
    }

    /** The first caller stops; a concurrent one (close() racing the shutdown hook) waits until the server is down. */
    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            stopped.join();
            return;
        }
        try {
            if (!process.stop(STOP_GRACE)) {
                LOG.warn("the throw-away MariaDB on port {} did not stop within {} s of SIGTERM and was killed; its last"
                        + " lines:\n{}", process.port(), STOP_GRACE.toSeconds(), process.outputTail());
            }
            deleteQuietly(runDirectory);
            if (socketDirectory != null) {
                deleteQuietly(socketDirectory);
            }
        } finally {
            stopped.complete(null);
        }
    }

    static void deleteQuietly(Path directory) {
        try {
            FileTrees.delete(directory);
        } catch (IOException cannotDelete) {
            LOG.warn("could not delete {} ({}); the next start in the same directory removes it",
                    directory, cannotDelete.getMessage());
        }
    }

    @Override
    public String toString() {
        return "ThrowawayServer[" + host() + ":" + port() + ", server_id=" + serverId() + ", " + runDirectory + "]";
    }
}
