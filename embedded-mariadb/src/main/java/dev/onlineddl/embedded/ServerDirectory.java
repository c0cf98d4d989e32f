package dev.onlineddl.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded server's own directory, claimed by one process at a time:
 * <pre>
 *   .onlineddl-embedded   marks the directory as ours, so that deleting it on close deletes nothing else
 *   .lock                 held while a server runs on it
 *   datadir/              MariaDB's data directory (with the binlog)
 *   password              the onlineddl account's password, mode 0600
 *   mariadbd.pid, mariadbd.log, install.log, mariadbd.sock (when its path is short enough)
 * </pre>
 */
final class ServerDirectory implements AutoCloseable {

    static final String MARKER = ".onlineddl-embedded";
    private static final String LOCK = ".lock";
    /** A Unix socket path longer than this fails in mariadbd ({@code sun_path} holds 108 bytes). */
    private static final int MAX_SOCKET_PATH = 100;

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private ServerDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the directory or takes over one made by an earlier run, and locks it.
     *
     * @throws EmbeddedServerException if it holds files not made by the embedded server (nothing is
     *                                 changed then), or another process runs a server on it
     */
    static ServerDirectory claim(Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new EmbeddedServerException(root + " is a file, not a directory: choose a directory for the embedded server");
        }
        if (Files.isDirectory(root) && !Files.exists(root.resolve(MARKER)) && !isEmpty(root)) {
            throw new EmbeddedServerException(root + " is not empty and was not made by the embedded server: choose a new"
                    + " or empty directory (it would be deleted with everything in it when the server stops)");
        }
        Files.createDirectories(root);
        if (!Files.exists(root.resolve(MARKER))) {
            Files.writeString(root.resolve(MARKER), "The files of an embedded MariaDB server started by onlineddl.\n");
        }
        FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        } catch (IOException | RuntimeException failed) {
            channel.close();
            throw failed;
        }
        if (lock == null) {
            channel.close();
            throw new EmbeddedServerException("another onlineddl process runs an embedded server on " + root
                    + ": stop it first, or choose another directory");
        }
        return new ServerDirectory(root, channel, lock);
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    Path root() {
        return root;
    }

    Path dataDirectory() {
        return root.resolve("datadir");
    }

    /** Whether the data directory holds installed system tables. */
    boolean isInstalled() {
        return Files.isDirectory(dataDirectory().resolve("mysql"));
    }

    Path passwordFile() {
        return root.resolve("password");
    }

    Path pidFile() {
        return root.resolve("mariadbd.pid");
    }

    Path serverLog() {
        return root.resolve("mariadbd.log");
    }

    Path installLog() {
        return root.resolve("install.log");
    }

    /** In the directory when the path is short enough, or empty: the caller makes a short one elsewhere. */
    Optional<Path> socketInside() {
        return shortEnoughForSocket(root.resolve("mariadbd.sock"));
    }

    /** The path, when mariadbd can bind a Unix socket there. */
    static Optional<Path> shortEnoughForSocket(Path socket) {
        return socket.toAbsolutePath().toString().length() <= MAX_SOCKET_PATH ? Optional.of(socket) : Optional.empty();
    }

    /**
     * Installs the system tables into a {@code datadir.partial-*} sibling and renames it into place
     * when complete, so an interrupted install is never mistaken for a usable data directory.
     */
    void install(ServerBinaries binaries) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(root)) {
            leftovers = entries.filter(entry -> entry.getFileName().toString().startsWith("datadir" + BinaryCache.PARTIAL_MARK))
                    .toList();
        }
        for (Path leftover : leftovers) {
            FileTrees.delete(leftover);
        }
        Path partial = Files.createTempDirectory(root, "datadir" + BinaryCache.PARTIAL_MARK);
        try {
            SystemTables.install(binaries, partial, installLog(), List.of());
            // An uninstalled data directory is a leftover of ours (the marker says the directory is ours).
            FileTrees.delete(dataDirectory());
            Files.move(partial, dataDirectory(), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileTrees.delete(partial);
        }
    }

    /** Releases the lock; the files stay. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
