package dev.onlineddl.example.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The guides in the repository's {@code docs} directory, found from this module's directory. */
public final class Guides {

    private Guides() {
    }

    /** Where Maven runs the tests; {@code basedir} is set by Surefire, the working directory otherwise. */
    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    public static String read(String guide) {
        Path file = moduleDirectory().resolveSibling("docs").resolve(guide);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guide " + file, e);
        }
    }
}
