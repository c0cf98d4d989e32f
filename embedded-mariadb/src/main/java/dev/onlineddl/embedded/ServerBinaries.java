package dev.onlineddl.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An unpacked MariaDB server, in one of the {@link BinariesLayout layouts}.
 *
 * @param root   the directory the layout is relative to
 * @param layout how the files are arranged under {@code root}
 * @param origin where it came from, for messages (e.g. "the cache", "ONLINEDDL_EMBEDDED_BINARIES")
 */
public record ServerBinaries(Path root, BinariesLayout layout, String origin) {

    public ServerBinaries {
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(origin, "origin");
    }

    /** The server in {@code root}, whichever layout it has; empty when the directory holds no runnable server. */
    public static Optional<ServerBinaries> in(Path root, String origin) {
        Path absolute = root.toAbsolutePath().normalize();
        return BinariesLayout.detect(absolute).map(layout -> new ServerBinaries(absolute, layout, origin));
    }

    /** Whether the directory holds a runnable server in any known layout: what a complete unpack leaves. */
    public static boolean isComplete(Path root) {
        return BinariesLayout.detect(root.toAbsolutePath().normalize()).isPresent();
    }

    public Path server() {
        return layout.server(root);
    }

    public Path installScript() {
        return layout.installScript(root);
    }

    public Path client() {
        return layout.client(root);
    }

    public Path baseDirectory() {
        return layout.baseDirectory(root);
    }

    public Optional<Path> libraries() {
        return layout.libraries(root);
    }

    List<String> fileArguments() {
        return layout.fileArguments(root);
    }
}
