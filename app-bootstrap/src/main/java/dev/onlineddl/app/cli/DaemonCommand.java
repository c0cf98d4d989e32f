package dev.onlineddl.app.cli;

import dev.onlineddl.app.config.ConfigFile;
import dev.onlineddl.app.config.ConfigurationException;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.config.DaemonSettingsResolver;
import dev.onlineddl.app.config.Setting;
import dev.onlineddl.app.config.SettingSources;
import java.nio.file.Path;
import java.util.EnumMap;
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
                        + " from a --config properties file (keys as the flags without dashes); flags win over the"
                        + " environment, which wins over the file.",
                "The password comes from ONLINEDDL_PASSWORD_FILE (or --password-file, or password-file in the file),"
                        + " or from ONLINEDDL_PASSWORD; never from a flag."},
        footer = {"", "Example:",
                "  onlineddl daemon --jdbc-url jdbc:mysql://db1:3306/shop --user ddl \\",
                "      --password-file ~/.onlineddl-db-password --check-interval 10s"})
final class DaemonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with settings (env ONLINEDDL_CONFIG).")
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

    @Option(names = "--gh-ost-path", paramLabel = "FILE", description = "The gh-ost executable.")
    String ghOstPath;

    @Option(names = "--pt-osc-path", paramLabel = "FILE", description = "The pt-online-schema-change executable.")
    String ptOscPath;

    private final CliEnvironment environment;

    DaemonCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        DaemonSettings settings;
        try {
            settings = DaemonSettingsResolver.forThisMachine().resolve(sources());
        } catch (ConfigurationException wrong) {
            String prefix = "onlineddl daemon: ";
            wrong.getMessage().lines().forEach(line -> spec.commandLine().getErr().println(prefix + line));
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
