package dev.onlineddl.domain.server;

import java.util.Locale;

/**
 * The two server families we run against. They share the protocol and most SQL, but differ in
 * what they can do instantly, in how they spell binary log positions (MySQL GTID sets vs MariaDB
 * domain-server-sequence GTIDs) and in a few statements.
 */
public enum ServerFlavor {
    MYSQL("MySQL"),
    MARIADB("MariaDB");

    private final String displayName;

    ServerFlavor(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * MariaDB announces itself in {@code @@version} ({@code 11.4.5-MariaDB-log}) and, on some
     * builds and proxies, only in {@code @@version_comment}; anything else speaking the protocol
     * (MySQL Community, Percona Server, cloud variants) is treated as MySQL.
     */
    static ServerFlavor detect(String version, String versionComment) {
        if (mentionsMariaDb(version) || mentionsMariaDb(versionComment)) {
            return MARIADB;
        }
        return MYSQL;
    }

    private static boolean mentionsMariaDb(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("mariadb");
    }
}
