package dev.onlineddl.app.config;

import java.util.Locale;
import java.util.Optional;

/**
 * A daemon setting and its three spellings: the flag ({@code --check-interval}), the environment
 * variable ({@code ONLINEDDL_CHECK_INTERVAL}) and the key in a {@code --config} file
 * ({@code check-interval}). The spellings are part of the interface users script against.
 *
 * <p>There is deliberately no setting for the password itself: it comes from the file
 * {@link #PASSWORD_FILE} names or from the environment variable {@link #PASSWORD_VARIABLE}, so
 * that it never shows up in a process list or a shell history.
 */
public enum Setting {
    JDBC_URL("jdbc-url", "the database to migrate, e.g. jdbc:mysql://db1:3306/shop"),
    USER("user", "the database user"),
    PASSWORD_FILE("password-file", "a file holding the user's password (mode 0600)"),
    CONTROL_SCHEMA("control-schema", "the database holding schema_migrations"),
    EXECUTOR_ID("executor-id", "this executor's id, stored in schema_migrations.tablet"),
    KEYSPACE("keyspace", "logical database name stored with each migration"),
    SHARD("shard", "shard name stored with each migration"),
    CHECK_INTERVAL("check-interval", "time between executor ticks"),
    RETAIN_ARTIFACTS("retain-artifacts", "how long old tables are kept before they are collected"),
    MAX_CONCURRENT("max-concurrent", "most migrations this executor runs at once"),
    STALE_AFTER("stale-after", "a running migration without sign of life for this long fails"),
    HTTP("http", "HOST:PORT the HTTP API listens on"),
    ALLOW_REMOTE("allow-remote", "allow the HTTP API on a non-loopback address"),
    HTTP_THREADS("http-threads", "how many HTTP requests are served at once"),
    GH_OST_PATH("gh-ost-path", "the gh-ost executable"),
    PT_OSC_PATH("pt-osc-path", "the pt-online-schema-change executable");

    /** The password itself, in the environment (a file named by {@link #PASSWORD_FILE} is preferred). */
    public static final String PASSWORD_VARIABLE = "ONLINEDDL_PASSWORD";

    /** The configuration file, in the environment (the flag is {@code --config}). */
    public static final String CONFIG_FILE_VARIABLE = "ONLINEDDL_CONFIG";

    private final String key;
    private final String description;

    Setting(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The key in a configuration file, e.g. {@code check-interval}. */
    public String key() {
        return key;
    }

    public String flag() {
        return "--" + key;
    }

    public String environmentVariable() {
        return "ONLINEDDL_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String description() {
        return description;
    }

    public static Optional<Setting> byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
