package dev.onlineddl.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Copies one directory of a jar (a zip file) to the file system. */
final class JarUnpacker {

    /** Zip entries carry no Unix modes here, so the executables get theirs back by place. */
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final String EXECUTABLES_DIRECTORY = "bin/";

    private JarUnpacker() {
    }

    /**
     * Writes every entry under {@code prefix} to {@code target}, named relative to the prefix, and
     * marks the files directly under {@code bin/} executable.
     *
     * @return how many files were written
     * @throws IOException if the jar cannot be read, holds nothing under the prefix, or names an
     *                     entry that would land outside {@code target} (a "zip slip": a crafted
     *                     jar must not overwrite files elsewhere)
     */
    static int unpack(Path jar, String prefix, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        int files = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix) || entry.getName().length() == prefix.length()) {
                    continue;
                }
                String relative = entry.getName().substring(prefix.length());
                Path destination = root.resolve(relative).normalize();
                if (!destination.startsWith(root) || destination.equals(root)) {
                    throw new IOException("refusing entry '" + entry.getName() + "' of " + jar
                            + ": it would be written outside " + root + "; the jar is damaged or was tampered with");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream content = zip.getInputStream(entry)) {
                    Files.copy(content, destination);
                }
                if (isExecutable(relative)) {
                    Files.setPosixFilePermissions(destination, EXECUTABLE);
                }
                files++;
            }
        }
        if (files == 0) {
            throw new IOException(jar + " holds no files under " + prefix + ": it is not the jar expected");
        }
        return files;
    }

    private static boolean isExecutable(String relative) {
        return relative.startsWith(EXECUTABLES_DIRECTORY)
                && relative.indexOf('/', EXECUTABLES_DIRECTORY.length()) < 0;
    }
}
