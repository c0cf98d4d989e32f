package dev.onlineddl.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Copying and removing a directory with everything in it. */
final class FileTrees {

    private FileTrees() {
    }

    /** Copies the tree to {@code target}, which must not exist yet; file times and modes go along. */
    static void copy(Path source, Path target) throws IOException {
        List<Path> parentsFirst;
        try (Stream<Path> paths = Files.walk(source)) {
            parentsFirst = paths.sorted().toList();
        } catch (UncheckedIOException walkFailed) {
            throw walkFailed.getCause();
        }
        for (Path path : parentsFirst) {
            Path copy = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(copy);
            } else {
                Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    /** Deletes the tree if there is one; symbolic links inside are removed, not followed. */
    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(root)) {
            deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
        } catch (UncheckedIOException walkFailed) {
            throw walkFailed.getCause();
        }
        for (Path path : deepestFirst) {
            Files.deleteIfExists(path);
        }
    }
}
