package dev.onlineddl.app.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The file through which a daemon hands its API token to the CLI of the same user:
 * {@code ~/.onlineddl/<host>_<port>.token}, mode 0600 in a directory of mode 0700. The host is
 * spelled as in {@code --http} and {@code --server} ({@code 127.0.0.1} by default).
 */
public final class TokenFile {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path path;

    public TokenFile(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /** The token file of a daemon listening on {@code host:port}, under {@code home}. */
    public static TokenFile of(Path home, String host, int port) {
        return new TokenFile(directory(home).resolve(fileName(host, port)));
    }

    /**
     * Where the CLI looks for the token of the daemon at {@code host:port}. {@code localhost}
     * and {@code 127.0.0.1} name the same daemon, so each finds the other's file too.
     */
    public static List<TokenFile> candidates(Path home, String host, int port) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost")) {
            return List.of(of(home, host, port), of(home, "127.0.0.1", port));
        }
        if (lower.equals("127.0.0.1")) {
            return List.of(of(home, host, port), of(home, "localhost", port));
        }
        return List.of(of(home, host, port));
    }

    public static Path directory(Path home) {
        return home.resolve(".onlineddl");
    }

    /** {@code 127.0.0.1_15100.token}; characters unsafe in a file name (e.g. IPv6 colons) become '_'. */
    static String fileName(String host, int port) {
        String safeHost = host.replaceAll("[^A-Za-z0-9._-]", "_");
        return safeHost + "_" + port + ".token";
    }

    public Path path() {
        return path;
    }

    /**
     * Writes the token so that no other user can read it at any moment: the file is created with
     * mode 0600 next to its final name, then moved into place.
     */
    public void write(String token) throws IOException {
        Path directory = path.getParent();
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        // An existing directory may have been created by hand with a looser mode.
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
        Path partial = directory.resolve(path.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("another process is writing " + partial, raced);
        }
        Files.writeString(partial, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The token, if the file exists; surrounding whitespace is not part of it. */
    public Optional<String> read() throws IOException {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        String token = Files.readString(path, StandardCharsets.UTF_8).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /**
     * Removes the file if it still holds {@code token}: a second daemon that took over the port
     * meanwhile keeps its own file.
     */
    public void deleteIfHolds(String token) throws IOException {
        Optional<String> current = read();
        if (current.isPresent() && Tokens.matches(current.get(), token)) {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
