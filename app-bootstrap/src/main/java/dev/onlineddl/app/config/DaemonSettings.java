package dev.onlineddl.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the daemon needs to start, validated. {@link #toString()} is safe to log: the
 * password prints masked.
 *
 * @param jdbcUrl         the database to migrate (no credentials in it)
 * @param database        the database name the URL names: the target ({@code mysql_schema})
 * @param keyspace        defaults to {@link #database}
 * @param shard           defaults to {@code 0}
 * @param retainArtifacts how long artifact tables are kept (at least a second)
 * @param staleAfter      a running migration without sign of life for this long fails (at least a minute)
 * @param httpThreads     how many HTTP requests are served at once (submissions waiting for their DDL hold none)
 */
public record DaemonSettings(
        String jdbcUrl,
        String database,
        String user,
        DatabasePassword password,
        String controlSchema,
        String executorId,
        String keyspace,
        String shard,
        Duration checkInterval,
        Duration retainArtifacts,
        int maxConcurrent,
        Duration staleAfter,
        HttpAddress http,
        boolean allowRemote,
        Optional<Path> ghOstPath,
        Optional<Path> ptOscPath,
        int httpThreads) {

    public static final String DEFAULT_CONTROL_SCHEMA = "_onlineddl";
    public static final String DEFAULT_SHARD = "0";
    /** Vitess's {@code --migration_check_interval}. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMinutes(1);
    /** Vitess's {@code --retain_online_ddl_tables}. */
    public static final Duration DEFAULT_RETAIN_ARTIFACTS = Duration.ofHours(24);
    /** Vitess's {@code --max_concurrent_online_ddl}. */
    public static final int DEFAULT_MAX_CONCURRENT = 256;
    /** Vitess's {@code staleMigrationMinutes}. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(180);
    /** Enough for a CLI user, a few scripts and the tools' callbacks at once. */
    public static final int DEFAULT_HTTP_THREADS = 8;

    public DaemonSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(controlSchema, "controlSchema");
        Objects.requireNonNull(executorId, "executorId");
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(retainArtifacts, "retainArtifacts");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(ghOstPath, "ghOstPath");
        Objects.requireNonNull(ptOscPath, "ptOscPath");
    }
}
