package dev.onlineddl.domain.server;

import dev.onlineddl.domain.InvalidInputException;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's flavour and release number, parsed from {@code @@version} (with
 * {@code @@version_comment} as a hint for the flavour).
 *
 * <p>Accepted forms include {@code 8.0.29}, {@code 8.4.3}, {@code 5.7.44-log},
 * {@code 8.0.36-28} (Percona), {@code 11.4.5-MariaDB-log},
 * {@code 10.11.6-MariaDB-1:10.11.6+maria~deb12} and the replication-compatibility form
 * {@code 5.5.5-10.11.6-MariaDB} that MariaDB sends in the protocol handshake.
 *
 * @param flavor MySQL or MariaDB
 * @param major e.g. 8 in 8.0.29
 * @param minor e.g. 0 in 8.0.29
 * @param patch e.g. 29 in 8.0.29; 0 when the version string has none
 * @param text the version string as the server reported it
 */
public record ServerVersion(ServerFlavor flavor, int major, int minor, int patch, String text) {

    /** major.minor[.patch] at the start of the string; whatever follows is a build suffix. */
    private static final Pattern RELEASE = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,6}))?");

    /**
     * MariaDB 10+ prefixes its real version with 5.5.5- in the handshake, because old MySQL
     * replicas reject a primary whose major version is above 5.
     */
    private static final String MARIADB_HANDSHAKE_PREFIX = "5.5.5-";

    public ServerVersion {
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(text, "text");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers cannot be negative: " + major + "." + minor + "." + patch);
        }
    }

    /** Parses {@code @@version} alone; the flavour comes from the string itself. */
    public static ServerVersion parse(String version) {
        return parse(version, null);
    }

    /**
     * Parses {@code @@version}, using {@code @@version_comment} (may be null) as a second hint for
     * the flavour.
     *
     * @throws InvalidInputException when the string does not start with a release number
     */
    public static ServerVersion parse(String version, String versionComment) {
        if (version == null || version.isBlank()) {
            throw new InvalidInputException("cannot tell the server version: the server reported an empty version string;"
                    + " check that the connection reaches a MySQL or MariaDB server");
        }
        String text = version.strip();
        ServerFlavor flavor = ServerFlavor.detect(text, versionComment);
        String release = text;
        if (flavor == ServerFlavor.MARIADB && text.startsWith(MARIADB_HANDSHAKE_PREFIX)
                && RELEASE.matcher(text.substring(MARIADB_HANDSHAKE_PREFIX.length())).find()) {
            release = text.substring(MARIADB_HANDSHAKE_PREFIX.length());
        }
        Matcher matcher = RELEASE.matcher(release);
        if (!matcher.find()) {
            throw new InvalidInputException("cannot parse the server version '" + text
                    + "': expected it to start with major.minor.patch, e.g. 8.0.29 or 11.4.5-MariaDB");
        }
        int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        return new ServerVersion(flavor, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch, text);
    }

    public boolean isMariaDb() {
        return flavor == ServerFlavor.MARIADB;
    }

    public boolean isMySql() {
        return flavor == ServerFlavor.MYSQL;
    }

    /** This release is the given one or newer (the flavour is not compared). */
    public boolean isAtLeast(int atLeastMajor, int atLeastMinor, int atLeastPatch) {
        if (major != atLeastMajor) {
            return major > atLeastMajor;
        }
        if (minor != atLeastMinor) {
            return minor > atLeastMinor;
        }
        return patch >= atLeastPatch;
    }

    /** e.g. {@code MariaDB 11.4.5} or {@code MySQL 8.0.29}: for messages. */
    public String describe() {
        return flavor.displayName() + " " + major + "." + minor + "." + patch;
    }

    @Override
    public String toString() {
        return describe() + " (" + text + ")";
    }
}
