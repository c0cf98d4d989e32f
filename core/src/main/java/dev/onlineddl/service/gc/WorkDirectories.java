package dev.onlineddl.service.gc;

import dev.onlineddl.domain.MigrationUuid;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The directories under the executor's work root that artifact collection may remove. A path read
 * from {@code schema_migrations} is only trusted when it lies strictly below the root, also after
 * {@code ..} is resolved and symbolic links on the way are followed: the row may have been written
 * by anyone who can write the control schema, and must not be able to make us delete elsewhere.
 */
final class WorkDirectories {

    private final Path root;

    /** @param root the executor's work directory; engines get {@code <root>/<migration uuid>} */
    WorkDirectories(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** {@code <root>/<uuid>}: a UUID has neither {@code /} nor {@code .}, so it is one element below the root. */
    Path ofMigration(MigrationUuid uuid) {
        return root.resolve(uuid.value());
    }

    /**
     * The directory part of a {@code log_path} value, {@code host:/dir} in Vitess's format (the
     * host is ignored, as Vitess does); empty when there is none.
     */
    static Optional<String> directoryOfLogPath(String logPath) {
        Objects.requireNonNull(logPath, "logPath");
        String directory = logPath.substring(logPath.indexOf(':') + 1);
        return directory.isBlank() ? Optional.empty() : Optional.of(directory);
    }

    /**
     * The directory as a path if it lies below the root; empty for a relative path, text that is
     * not a path, or a directory elsewhere.
     */
    Optional<Path> belowRoot(String directory) {
        Objects.requireNonNull(directory, "directory");
        Path path;
        try {
            path = Path.of(directory);
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
        return path.isAbsolute() ? Optional.of(path.normalize()).filter(this::isBelowRoot) : Optional.empty();
    }

    /**
     * Removes the directory and everything in it; nothing when it does not exist. Symbolic links
     * inside are removed, not followed.
     *
     * @throws IOException when something could not be removed
     * @throws IllegalArgumentException when the path is not below the root
     */
    void removeTree(Path directory) throws IOException {
        Path normalized = directory.toAbsolutePath().normalize();
        if (!isBelowRoot(normalized)) {
            throw new IllegalArgumentException(directory + " is not below the work directory " + root);
        }
        if (!Files.exists(normalized, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(normalized, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Strictly below the root, and its parent, with links resolved, still below the real root (a
     * link inside the root pointing elsewhere must not lead the removal out). The last element is
     * not resolved: if it is a link, the link itself is what gets removed.
     */
    private boolean isBelowRoot(Path path) {
        if (!path.startsWith(root) || path.equals(root)) {
            return false;
        }
        Path parent = path.getParent();
        if (!Files.exists(parent)) {
            return true; // nothing there to remove, nothing to be misled by
        }
        try {
            Path realParent = parent.toRealPath();
            Path realRoot = root.toRealPath();
            return realParent.startsWith(realRoot);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
