package dev.onlineddl.app.config;

import dev.onlineddl.domain.throttle.GoDuration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the settings' sources into validated {@link DaemonSettings}: flags win over environment
 * variables, which win over the configuration file, which wins over the defaults. Every wrong
 * setting is reported (not only the first), each naming the setting and where its value came
 * from.
 */
public final class DaemonSettingsResolver {

    /** A password file larger than this is almost certainly the wrong file. */
    static final int MAX_PASSWORD_FILE_BYTES = 4096;

    private static final Pattern CONTROL_SCHEMA = Pattern.compile("[A-Za-z0-9_$]{1,64}");
    private static final Pattern HOST_AND_PORT = Pattern.compile("(?:\\[([^\\]]+)]|([^:\\[\\]]+)):(\\d{1,5})");
    private static final int MAX_EXECUTOR_ID = 128;
    private static final int MAX_KEYSPACE = 256;
    private static final int MAX_SHARD = 255;
    private static final int MAX_MAX_CONCURRENT = 100_000;
    private static final int MAX_HTTP_THREADS = 1_000;

    private final HostResolver hosts;
    private final String localHostName;

    /**
     * @param localHostName this machine's name, the first part of the default executor id
     */
    public DaemonSettingsResolver(HostResolver hosts, String localHostName) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.localHostName = Objects.requireNonNull(localHostName, "localHostName");
    }

    /** Resolves with the system's DNS and host name. */
    public static DaemonSettingsResolver forThisMachine() {
        String hostName;
        try {
            hostName = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException noName) {
            hostName = "localhost";
        }
        return new DaemonSettingsResolver(HostResolver.SYSTEM, hostName);
    }

    /** @throws ConfigurationException listing every wrong or missing setting, one per line */
    public DaemonSettings resolve(SettingSources sources) {
        Problems problems = new Problems();

        String jdbcUrl = required(sources, Setting.JDBC_URL, problems, "e.g. jdbc:mysql://db1:3306/shop");
        String database = jdbcUrl == null ? null : problems.check(sources.lookup(Setting.JDBC_URL).orElseThrow(),
                JdbcUrl::database);
        String user = required(sources, Setting.USER, problems, "the user onlineddl connects as");
        DatabasePassword password = password(sources, problems);
        String controlSchema = sources.lookup(Setting.CONTROL_SCHEMA)
                .map(value -> problems.check(value, text -> matching(text, CONTROL_SCHEMA,
                        "use 1 to 64 letters, digits, '_' or '$'")))
                .orElse(DaemonSettings.DEFAULT_CONTROL_SCHEMA);
        String keyspace = sources.lookup(Setting.KEYSPACE)
                .map(value -> problems.check(value, text -> limited(text, MAX_KEYSPACE)))
                .orElse(database);
        String shard = sources.lookup(Setting.SHARD)
                .map(value -> problems.check(value, text -> limited(text, MAX_SHARD)))
                .orElse(DaemonSettings.DEFAULT_SHARD);
        Duration checkInterval = duration(sources, Setting.CHECK_INTERVAL, DaemonSettings.DEFAULT_CHECK_INTERVAL,
                Duration.ofMillis(1), "must be positive", problems);
        // 0 would mean "the default" in retain_artifacts_seconds, so the shortest retention is a second.
        Duration retainArtifacts = duration(sources, Setting.RETAIN_ARTIFACTS, DaemonSettings.DEFAULT_RETAIN_ARTIFACTS,
                Duration.ofSeconds(1), "must be at least 1s (use 'onlineddl cleanup' to collect one migration's artifacts now)",
                problems);
        // Vitess counts staleness in whole minutes.
        Duration staleAfter = duration(sources, Setting.STALE_AFTER, DaemonSettings.DEFAULT_STALE_AFTER,
                Duration.ofMinutes(1), "must be at least 1m, or running migrations would be failed as stale", problems);
        Integer maxConcurrent = sources.lookup(Setting.MAX_CONCURRENT)
                .map(value -> problems.check(value, text -> wholeNumber(text, MAX_MAX_CONCURRENT)))
                .orElse(DaemonSettings.DEFAULT_MAX_CONCURRENT);
        Integer httpThreads = sources.lookup(Setting.HTTP_THREADS)
                .map(value -> problems.check(value, text -> wholeNumber(text, MAX_HTTP_THREADS)))
                .orElse(DaemonSettings.DEFAULT_HTTP_THREADS);
        Boolean allowRemote = sources.lookup(Setting.ALLOW_REMOTE)
                .map(value -> problems.check(value, DaemonSettingsResolver::bool))
                .orElse(false);
        SettingValue httpValue = sources.lookup(Setting.HTTP)
                .orElse(SettingValue.byDefault(Setting.HTTP, HttpAddress.DEFAULT));
        HttpAddress http = problems.check(httpValue, this::httpAddress);
        if (http != null && allowRemote != null && !http.isLoopback() && !allowRemote) {
            problems.add(httpValue.invalid(http.address().getHostAddress() + " is not a loopback address: the API"
                    + " would be reachable from other machines; add --allow-remote if that is what you want"));
        }
        String executorId = sources.lookup(Setting.EXECUTOR_ID)
                .map(value -> problems.check(value, text -> limited(text, MAX_EXECUTOR_ID)))
                .orElse(http == null ? null : localHostName + ":" + http.port());
        Optional<Path> ghOst = executable(sources, Setting.GH_OST_PATH, problems);
        Optional<Path> ptOsc = executable(sources, Setting.PT_OSC_PATH, problems);

        problems.throwIfAny();
        return new DaemonSettings(jdbcUrl, database, user, password, controlSchema, executorId, keyspace, shard,
                checkInterval, retainArtifacts, maxConcurrent, staleAfter, http, allowRemote, ghOst, ptOsc, httpThreads);
    }

    private static String required(SettingSources sources, Setting setting, Problems problems, String hint) {
        Optional<SettingValue> value = sources.lookup(setting);
        if (value.isEmpty()) {
            problems.add(new ConfigurationException(setting.key() + " is not set (" + hint + "): give "
                    + setting.flag() + ", " + setting.environmentVariable() + " or " + setting.key()
                    + " in the --config file"));
            return null;
        }
        return value.get().text();
    }

    /**
     * The password comes from a file ({@code --password-file}, {@code ONLINEDDL_PASSWORD_FILE},
     * {@code password-file} in the configuration file) or from {@code ONLINEDDL_PASSWORD}. The two
     * environment variables together are ambiguous and refused; no password at all means an empty
     * one (an account without password, or a server without grant tables).
     */
    private static DatabasePassword password(SettingSources sources, Problems problems) {
        Optional<SettingValue> file = sources.lookup(Setting.PASSWORD_FILE);
        Optional<String> variable = sources.environmentVariable(Setting.PASSWORD_VARIABLE);
        SettingValue.Source fileSource = file.map(SettingValue::source).orElse(SettingValue.Source.DEFAULT);
        if (fileSource == SettingValue.Source.ENVIRONMENT && variable.isPresent()) {
            problems.add(new ConfigurationException("both " + Setting.PASSWORD_FILE.environmentVariable() + " and "
                    + Setting.PASSWORD_VARIABLE + " are set: keep only one"));
            return null;
        }
        boolean fileWins = file.isPresent() && (variable.isEmpty() || fileSource == SettingValue.Source.FLAG);
        if (fileWins) {
            return problems.check(file.get(), DaemonSettingsResolver::readPasswordFile);
        }
        return variable.map(DatabasePassword::new).orElse(DatabasePassword.NONE);
    }

    private static DatabasePassword readPasswordFile(String pathText) {
        Path path = path(pathText);
        try {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no such file");
            }
            if (Files.size(path) > MAX_PASSWORD_FILE_BYTES) {
                throw new IllegalArgumentException("larger than " + MAX_PASSWORD_FILE_BYTES
                        + " bytes: a password file holds only the password");
            }
            String content = Files.readString(path, StandardCharsets.UTF_8);
            // Editors and `echo` add a final line break that is not part of the password.
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            } else if (content.endsWith("\n")) {
                content = content.substring(0, content.length() - 1);
            }
            return new DatabasePassword(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read it: " + e.getMessage());
        }
    }

    private static Duration duration(SettingSources sources, Setting setting, Duration fallback, Duration minimum,
                                     String tooShort, Problems problems) {
        return sources.lookup(setting).map(value -> problems.check(value, text -> {
            Duration duration = GoDuration.parse(text);
            if (duration.compareTo(minimum) < 0) {
                throw new IllegalArgumentException(tooShort);
            }
            return duration;
        })).orElse(fallback);
    }

    private static int wholeNumber(String text, int max) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException notAnInteger) {
            throw new IllegalArgumentException("expected a whole number from 1 to " + max);
        }
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("expected a whole number from 1 to " + max);
        }
        return value;
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private HttpAddress httpAddress(String text) {
        var matcher = HOST_AND_PORT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected HOST:PORT, e.g. " + HttpAddress.DEFAULT + " or [::1]:15100");
        }
        String host = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        int port = Integer.parseInt(matcher.group(3));
        if (port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (0 to 65535; 0 picks a free port)");
        }
        try {
            return new HttpAddress(host, port, hosts.resolve(host));
        } catch (UnknownHostException unknown) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
    }

    private static Optional<Path> executable(SettingSources sources, Setting setting, Problems problems) {
        return sources.lookup(setting).map(value -> problems.check(value, text -> {
            Path path = path(text);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("no such file");
            }
            if (!Files.isExecutable(path)) {
                throw new IllegalArgumentException("not executable (chmod +x it)");
            }
            return path;
        }));
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException invalid) {
            throw new IllegalArgumentException("not a valid path");
        }
    }

    private static String matching(String text, Pattern pattern, String rule) {
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException(rule);
        }
        return text;
    }

    private static String limited(String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new IllegalArgumentException("longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("contains a control character");
        }
        return text;
    }

    /** Collects the wrong settings so that one start-up attempt reports all of them. */
    private static final class Problems {
        private final List<String> messages = new ArrayList<>();

        void add(ConfigurationException problem) {
            messages.add(problem.getMessage());
        }

        /** The parsed value, or null after recording why it does not parse. */
        <T> T check(SettingValue value, Function<String, T> parser) {
            try {
                return parser.apply(value.text());
            } catch (IllegalArgumentException problem) {
                messages.add(value.invalid(problem.getMessage()).getMessage());
                return null;
            }
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new ConfigurationException(String.join("\n", messages));
            }
        }
    }
}
