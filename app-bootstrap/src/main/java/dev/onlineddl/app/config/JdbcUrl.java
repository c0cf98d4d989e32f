package dev.onlineddl.app.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Checks a MySQL JDBC URL and finds the database it names. */
final class JdbcUrl {

    static final String PREFIX = "jdbc:mysql://";
    private static final int MAX_DATABASE_NAME = 64;

    private JdbcUrl() {
    }

    /**
     * @return the database the URL names
     * @throws IllegalArgumentException saying what is wrong with the URL
     */
    static String database(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("expected " + PREFIX + "HOST[:PORT]/DATABASE[?OPTIONS]");
        }
        String rest = url.substring(PREFIX.length());
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String hostAndPath = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int slash = hostAndPath.indexOf('/');
        String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        if (hosts.contains("@")) {
            throw new IllegalArgumentException("credentials do not belong in the URL: give --user, and the password"
                    + " through ONLINEDDL_PASSWORD_FILE or ONLINEDDL_PASSWORD");
        }
        credentialProperty(query).ifPresent(property -> {
            throw new IllegalArgumentException("'" + property + "' does not belong in the URL: give --user, and the"
                    + " password through ONLINEDDL_PASSWORD_FILE or ONLINEDDL_PASSWORD");
        });
        String encoded = slash < 0 ? "" : hostAndPath.substring(slash + 1);
        String database;
        try {
            database = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new IllegalArgumentException("the database name is not properly %-encoded");
        }
        if (database.isEmpty()) {
            throw new IllegalArgumentException("the URL names no database: onlineddl migrates the database after the"
                    + " host, e.g. " + PREFIX + "db1:3306/shop");
        }
        if (database.length() > MAX_DATABASE_NAME || database.indexOf('/') >= 0 || database.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + database + "' is not a database name (at most 64 characters, no '/')");
        }
        return database;
    }

    /** The first user or password property in the query string, if any. */
    private static Optional<String> credentialProperty(String query) {
        for (String pair : query.split("[&;]")) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.equals("user") || name.startsWith("password")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
