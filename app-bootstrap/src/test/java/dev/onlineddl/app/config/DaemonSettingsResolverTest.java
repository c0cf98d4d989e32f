package dev.onlineddl.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DaemonSettingsResolverTest {

    private static final String URL = "jdbc:mysql://db1:3306/shop";
    private static final Path CONFIG_PATH = Path.of("/etc/onlineddl.properties");

    /** Literal addresses only, plus two names, so that no test depends on DNS. */
    private static final HostResolver HOSTS = host -> switch (host) {
        case "localhost" -> InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        case "db.example" -> InetAddress.getByAddress("db.example", new byte[] {10, 1, 2, 3});
        default -> {
            if (host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                yield InetAddress.getByName(host);
            }
            throw new UnknownHostException(host);
        }
    };

    private final DaemonSettingsResolver resolver = new DaemonSettingsResolver(HOSTS, "box1");

    @TempDir
    Path temp;

    private final Map<Setting, String> flags = new EnumMap<>(Setting.class);
    private final Map<String, String> environment = new HashMap<>();
    private final Properties file = new Properties();

    private DaemonSettings resolve() {
        return resolver.resolve(sources());
    }

    private SettingSources sources() {
        Optional<ConfigFile> config = file.isEmpty() ? Optional.empty() : Optional.of(ConfigFile.fromProperties(CONFIG_PATH, file));
        return new SettingSources(flags, environment, config);
    }

    private void minimal() {
        flags.put(Setting.JDBC_URL, URL);
        flags.put(Setting.USER, "ddl");
    }

    @Test
    void defaultsFollowVitess() {
        minimal();
        DaemonSettings settings = resolve();

        assertThat(settings.jdbcUrl()).isEqualTo(URL);
        assertThat(settings.database()).isEqualTo("shop");
        assertThat(settings.user()).isEqualTo("ddl");
        assertThat(settings.password()).isEqualTo(DatabasePassword.NONE);
        assertThat(settings.controlSchema()).isEqualTo("_onlineddl");
        assertThat(settings.keyspace()).isEqualTo("shop");
        assertThat(settings.shard()).isEqualTo("0");
        assertThat(settings.checkInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retainArtifacts()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.maxConcurrent()).isEqualTo(256);
        assertThat(settings.staleAfter()).isEqualTo(Duration.ofMinutes(180));
        assertThat(settings.http().host()).isEqualTo("127.0.0.1");
        assertThat(settings.http().port()).isEqualTo(15100);
        assertThat(settings.http().isLoopback()).isTrue();
        assertThat(settings.allowRemote()).isFalse();
        assertThat(settings.executorId()).isEqualTo("box1:15100");
        assertThat(settings.ghOstPath()).isEmpty();
        assertThat(settings.ptOscPath()).isEmpty();
    }

    /** For every setting: the flag beats the environment, which beats the file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // setting | file | environment | flag | expected winner
            "CONTROL_SCHEMA   | from_file | from_env | from_flag | flag",
            "CONTROL_SCHEMA   | from_file | from_env |           | env",
            "CONTROL_SCHEMA   | from_file |          |           | file",
            "CONTROL_SCHEMA   |           | from_env |           | env",
            "CONTROL_SCHEMA   |           |          | from_flag | flag",
            "EXECUTOR_ID      | exec-file | exec-env | exec-flag | flag",
            "EXECUTOR_ID      | exec-file | exec-env |           | env",
            "EXECUTOR_ID      | exec-file |          |           | file",
            "KEYSPACE         | ks_file   | ks_env   | ks_flag   | flag",
            "KEYSPACE         | ks_file   | ks_env   |           | env",
            "KEYSPACE         | ks_file   |          |           | file",
            "SHARD            | -80       | 80-      | 40-80     | flag",
            "SHARD            | -80       | 80-      |           | env",
            "SHARD            | -80       |          |           | file",
            "USER             | file_user | env_user | flag_user | flag",
            "USER             | file_user | env_user |           | env",
            "USER             | file_user |          |           | file",
    })
    void flagsWinOverEnvironmentWhichWinsOverTheFile(Setting setting, String inFile, String inEnvironment,
                                                     String inFlag, String winner) {
        flags.put(Setting.JDBC_URL, URL);
        flags.put(Setting.USER, "ddl");
        flags.remove(setting);
        if (inFile != null) {
            file.setProperty(setting.key(), inFile);
        }
        if (inEnvironment != null) {
            environment.put(setting.environmentVariable(), inEnvironment);
        }
        if (inFlag != null) {
            flags.put(setting, inFlag);
        }
        String expected = switch (winner) {
            case "flag" -> inFlag;
            case "env" -> inEnvironment;
            default -> inFile;
        };

        DaemonSettings settings = resolve();

        Object actual = switch (setting) {
            case CONTROL_SCHEMA -> settings.controlSchema();
            case EXECUTOR_ID -> settings.executorId();
            case KEYSPACE -> settings.keyspace();
            case SHARD -> settings.shard();
            case USER -> settings.user();
            default -> throw new IllegalArgumentException(setting.name());
        };
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CHECK_INTERVAL   | 2s   | PT2S",
            "CHECK_INTERVAL   | 1m30s| PT1M30S",
            "CHECK_INTERVAL   | 250ms| PT0.25S",
            "RETAIN_ARTIFACTS | 24h  | PT24H",
            "RETAIN_ARTIFACTS | 1s   | PT1S",
            "RETAIN_ARTIFACTS | 2.5h | PT2H30M",
            "STALE_AFTER      | 5m   | PT5M",
            "STALE_AFTER      | 1m   | PT1M",
    })
    void durationsUseGoSyntax(Setting setting, String text, Duration expected) {
        minimal();
        environment.put(setting.environmentVariable(), text);
        DaemonSettings settings = resolve();
        Duration actual = switch (setting) {
            case CHECK_INTERVAL -> settings.checkInterval();
            case RETAIN_ARTIFACTS -> settings.retainArtifacts();
            case STALE_AFTER -> settings.staleAfter();
            default -> throw new IllegalArgumentException(setting.name());
        };
        assertThat(actual).isEqualTo(expected);
    }

    /** Each wrong value stops start-up with a message naming the setting, its origin and the problem. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "JDBC_URL         | jdbc:postgresql://h/db             | invalid jdbc-url 'jdbc:postgresql://h/db' (from --jdbc-url): expected jdbc:mysql://",
            "JDBC_URL         | jdbc:mysql://h:3306                | the URL names no database",
            "JDBC_URL         | jdbc:mysql://h:3306/               | the URL names no database",
            "JDBC_URL         | jdbc:mysql://h:3306/?useSSL=false  | the URL names no database",
            "JDBC_URL         | jdbc:mysql://u:secret@h/db         | credentials do not belong in the URL",
            "JDBC_URL         | jdbc:mysql://h/db?password=secret  | 'password' does not belong in the URL",
            "JDBC_URL         | jdbc:mysql://h/db?a=1&user=root    | 'user' does not belong in the URL",
            "CONTROL_SCHEMA   | bad-name                           | invalid control-schema 'bad-name' (from --control-schema): use 1 to 64 letters, digits, '_' or '$'",
            "CONTROL_SCHEMA   | x`; DROP DATABASE y                | use 1 to 64 letters",
            "CHECK_INTERVAL   | 5                                  | invalid check-interval '5' (from --check-interval): invalid duration '5': a unit is missing",
            "CHECK_INTERVAL   | 0s                                 | invalid check-interval '0s' (from --check-interval): must be positive",
            "CHECK_INTERVAL   | -1s                                | must be positive",
            "CHECK_INTERVAL   | 5x                                 | unknown unit 'x'",
            "RETAIN_ARTIFACTS | -1h                                | invalid retain-artifacts '-1h' (from --retain-artifacts): must be at least 1s",
            "RETAIN_ARTIFACTS | 0                                  | must be at least 1s (use 'onlineddl cleanup'",
            "RETAIN_ARTIFACTS | 999ms                              | must be at least 1s",
            "RETAIN_ARTIFACTS | 1d                                 | unknown unit 'd'",
            "STALE_AFTER      | 0                                  | invalid stale-after '0' (from --stale-after): must be at least 1m",
            "STALE_AFTER      | 59s                                | must be at least 1m",
            "MAX_CONCURRENT   | 0                                  | invalid max-concurrent '0' (from --max-concurrent): expected a whole number from 1 to 100000",
            "MAX_CONCURRENT   | many                               | expected a whole number from 1 to 100000",
            "MAX_CONCURRENT   | 2.5                                | expected a whole number",
            "HTTP             | 15100                              | invalid http '15100' (from --http): expected HOST:PORT",
            "HTTP             | 127.0.0.1:99999                    | port 99999 is out of range",
            "HTTP             | 127.0.0.1:123456                   | expected HOST:PORT",
            "HTTP             | nowhere.invalid:15100              | unknown host 'nowhere.invalid'",
            "HTTP             | 0.0.0.0:15100                      | invalid http '0.0.0.0:15100' (from --http): 0.0.0.0 is not a loopback address: the API would be reachable from other machines; add --allow-remote",
            "HTTP             | db.example:15100                   | 10.1.2.3 is not a loopback address",
            "ALLOW_REMOTE     | perhaps                            | invalid allow-remote 'perhaps' (from --allow-remote): expected true or false",
            "GH_OST_PATH      | /no/such/gh-ost                    | invalid gh-ost-path '/no/such/gh-ost' (from --gh-ost-path): no such file",
            "PT_OSC_PATH      | /no/such/pt-osc                    | invalid pt-osc-path '/no/such/pt-osc' (from --pt-osc-path): no such file",
            "PASSWORD_FILE    | /no/such/password                  | invalid password-file '/no/such/password' (from --password-file): no such file",
            "SHARD            | '\u0007'                           | contains a control character",
    })
    void wrongSettingsStopStartUpNamingTheSetting(Setting setting, String value, String expectedMessagePart) {
        minimal();
        flags.put(setting, value);
        assertThatThrownBy(this::resolve)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(expectedMessagePart);
    }

    @ParameterizedTest
    @EnumSource(value = Setting.class, names = {"JDBC_URL", "USER"})
    void requiredSettingsAreNamedWithAllTheirSpellings(Setting setting) {
        minimal();
        flags.remove(setting);
        assertThatThrownBy(this::resolve)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(setting.key() + " is not set")
                .hasMessageContaining(setting.flag())
                .hasMessageContaining(setting.environmentVariable());
    }

    @Test
    void reportsEveryWrongSettingAtOnceWithItsOrigin() {
        flags.put(Setting.USER, "ddl");
        environment.put("ONLINEDDL_CHECK_INTERVAL", "soon");
        file.setProperty("max-concurrent", "-3");

        assertThatThrownBy(this::resolve)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jdbc-url is not set")
                .hasMessageContaining("invalid check-interval 'soon' (from ONLINEDDL_CHECK_INTERVAL)")
                .hasMessageContaining("invalid max-concurrent '-3' (from max-concurrent in /etc/onlineddl.properties)")
                .satisfies(error -> assertThat(error.getMessage().lines()).hasSize(3));
    }

    @ParameterizedTest
    @CsvSource({
            "0.0.0.0:15100, flag",
            "0.0.0.0:15100, env",
            "0.0.0.0:15100, file",
            "db.example:8080, flag"})
    void aNonLoopbackAddressNeedsAllowRemote(String http, String allowRemoteFrom) {
        minimal();
        flags.put(Setting.HTTP, http);
        switch (allowRemoteFrom) {
            case "flag" -> flags.put(Setting.ALLOW_REMOTE, "true");
            case "env" -> environment.put("ONLINEDDL_ALLOW_REMOTE", "yes");
            default -> file.setProperty("allow-remote", "true");
        }
        DaemonSettings settings = resolve();
        assertThat(settings.allowRemote()).isTrue();
        assertThat(settings.http().isLoopback()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1:0, 127.0.0.1, 0",
            "localhost:15101, localhost, 15101",
            "[::1]:15100, ::1, 15100",
            "127.0.0.2:80, 127.0.0.2, 80"})
    void loopbackAddressesNeedNoPermission(String http, String host, int port) {
        minimal();
        flags.put(Setting.HTTP, http);
        DaemonSettings settings = resolve();
        assertThat(settings.http().host()).isEqualTo(host);
        assertThat(settings.http().port()).isEqualTo(port);
        assertThat(settings.http().isLoopback()).isTrue();
        assertThat(settings.http()).hasToString(http);
    }

    @Test
    void thePasswordComesFromAFileWithoutItsFinalLineBreak() throws IOException {
        minimal();
        Path passwordFile = write("password", "s3cr3t \"quoted\"\n");
        environment.put("ONLINEDDL_PASSWORD_FILE", passwordFile.toString());

        DaemonSettings settings = resolve();

        assertThat(settings.password().value()).isEqualTo("s3cr3t \"quoted\"");
        assertThat(settings.toString()).doesNotContain("s3cr3t").contains("password=***");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // file content (\n as written) | expected password
            "pw\\r\\n      | pw",
            "pw\\n\\n      | pw\\n",
            "' pw '       | ' pw '",
            "''           | ''"})
    void onlyOneFinalLineBreakIsDropped(String content, String expected) throws IOException {
        minimal();
        Path passwordFile = write("password", content.replace("\\r", "\r").replace("\\n", "\n"));
        flags.put(Setting.PASSWORD_FILE, passwordFile.toString());
        assertThat(resolve().password().value()).isEqualTo(expected.replace("\\n", "\n"));
    }

    /** Which password source wins, with a file for every file source (content = source name). */
    @ParameterizedTest
    @CsvSource({
            // flag file, env file, env password, config file, expected
            "true,  true,  false, true,  flag-file",
            "true,  false, true,  false, flag-file",
            "false, true,  false, true,  env-file",
            "false, false, true,  true,  env-password",
            "false, false, false, true,  config-file",
            "false, false, false, false, ''"})
    void passwordPrecedence(boolean flagFile, boolean envFile, boolean envPassword, boolean configFile,
                            String expected) throws IOException {
        minimal();
        if (flagFile) {
            flags.put(Setting.PASSWORD_FILE, write("flag", "flag-file").toString());
        }
        if (envFile) {
            environment.put("ONLINEDDL_PASSWORD_FILE", write("env", "env-file").toString());
        }
        if (envPassword) {
            environment.put("ONLINEDDL_PASSWORD", "env-password");
        }
        if (configFile) {
            file.setProperty("password-file", write("config", "config-file").toString());
        }
        assertThat(resolve().password().value()).isEqualTo(expected);
    }

    @Test
    void bothPasswordVariablesAreAmbiguous() throws IOException {
        minimal();
        environment.put("ONLINEDDL_PASSWORD_FILE", write("password", "one").toString());
        environment.put("ONLINEDDL_PASSWORD", "two");
        assertThatThrownBy(this::resolve)
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("both ONLINEDDL_PASSWORD_FILE and ONLINEDDL_PASSWORD are set: keep only one");
    }

    @Test
    void aPasswordFileThatIsTooLargeIsTheWrongFile() throws IOException {
        minimal();
        flags.put(Setting.PASSWORD_FILE, write("big", "x".repeat(DaemonSettingsResolver.MAX_PASSWORD_FILE_BYTES + 1)).toString());
        assertThatThrownBy(this::resolve).hasMessageContaining("a password file holds only the password");
    }

    @Test
    void externalToolPathsMustBeExecutableFiles() throws IOException {
        minimal();
        Path tool = write("gh-ost", "#!/bin/sh\n");
        flags.put(Setting.GH_OST_PATH, tool.toString());
        assertThatThrownBy(this::resolve).hasMessageContaining("not executable (chmod +x it)");

        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        environment.put("ONLINEDDL_PT_OSC_PATH", tool.toString());
        DaemonSettings settings = resolve();
        assertThat(settings.ghOstPath()).contains(tool);
        assertThat(settings.ptOscPath()).contains(tool);

        flags.put(Setting.GH_OST_PATH, temp.toString());
        assertThatThrownBy(this::resolve).hasMessageContaining("invalid gh-ost-path '" + temp + "' (from --gh-ost-path): no such file");
    }

    @Test
    void emptyValuesCountAsNotGiven() {
        minimal();
        environment.put("ONLINEDDL_SHARD", "");
        file.setProperty("shard", "-80");
        flags.put(Setting.KEYSPACE, " ");
        DaemonSettings settings = resolve();
        assertThat(settings.shard()).isEqualTo("-80");
        assertThat(settings.keyspace()).isEqualTo("shop");
    }

    @Test
    void theDatabaseNameIsDecodedFromTheUrl() {
        minimal();
        flags.put(Setting.JDBC_URL, "jdbc:mysql://h1:3306,h2:3306/my%20shop?sslMode=DISABLED&connectTimeout=5000");
        DaemonSettings settings = resolve();
        assertThat(settings.database()).isEqualTo("my shop");
        assertThat(settings.keyspace()).isEqualTo("my shop");
    }

    @Test
    void spellingsOfEverySetting() {
        assertThat(Setting.CHECK_INTERVAL.flag()).isEqualTo("--check-interval");
        assertThat(Setting.CHECK_INTERVAL.environmentVariable()).isEqualTo("ONLINEDDL_CHECK_INTERVAL");
        assertThat(Setting.GH_OST_PATH.environmentVariable()).isEqualTo("ONLINEDDL_GH_OST_PATH");
        assertThat(Setting.JDBC_URL.environmentVariable()).isEqualTo("ONLINEDDL_JDBC_URL");
        assertThat(Setting.PASSWORD_FILE.environmentVariable()).isEqualTo("ONLINEDDL_PASSWORD_FILE");
        for (Setting setting : Setting.values()) {
            assertThat(Setting.byKey(setting.key())).contains(setting);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path path = temp.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }
}
