package dev.onlineddl.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFileTest {

    @TempDir
    Path temp;

    @Test
    void readsPropertiesKeyedByFlagNames() throws IOException {
        Path path = temp.resolve("onlineddl.properties");
        Files.writeString(path, """
                # the database to migrate
                jdbc-url = jdbc:mysql://db1:3306/shop
                user: ddl
                check-interval=30s
                control-schema = _ops\\u00e9
                """, StandardCharsets.UTF_8);

        ConfigFile file = ConfigFile.read(path);

        assertThat(file.values())
                .containsEntry(Setting.JDBC_URL, "jdbc:mysql://db1:3306/shop")
                .containsEntry(Setting.USER, "ddl")
                .containsEntry(Setting.CHECK_INTERVAL, "30s")
                .containsEntry(Setting.CONTROL_SCHEMA, "_ops\u00e9")
                .hasSize(4);
    }

    @Test
    void refusesUnknownKeysAndThePasswordItself() throws IOException {
        Path path = temp.resolve("bad.properties");
        Files.writeString(path, "checkinterval=1s\npassword=secret\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfigFile.read(path))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown key 'checkinterval' in " + path + ": the keys are jdbc-url, user,")
                .hasMessageContaining("'password' in " + path + " is not accepted: put the password in a file of its own")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("secret"));
    }

    @Test
    void aMissingFileIsNamed() {
        Path path = temp.resolve("missing.properties");
        assertThatThrownBy(() -> ConfigFile.read(path))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("cannot read the configuration file " + path + " (--config)");
    }

    @ParameterizedTest
    @CsvSource({
            "onlineddl.yaml, true",
            "onlineddl.yml, true",
            "ONLINEDDL.YAML, true",
            "onlineddl.Yml, true",
            "onlineddl.properties, false",
            "onlineddl.conf, false",
            "yaml, false",
            "onlineddl.yaml.bak, false",
    })
    void theFileNameDecidesTheFormat(String name, boolean yaml) {
        assertThat(ConfigFile.isYaml(temp.resolve(name))).isEqualTo(yaml);
    }

    @Test
    void readsAFlatYamlMappingKeyedByFlagNames() throws IOException {
        Path path = write("onlineddl.yaml", """
                # the database to migrate
                jdbc-url: jdbc:mysql://db1/shop
                user: "ddl"
                check-interval: 10s
                allow-remote: true
                max-concurrent: 4
                control-schema: '_opsé'
                shard: -80
                keyspace: 0x1F
                """);

        ConfigFile file = ConfigFile.read(path);

        assertThat(file.path()).isEqualTo(path);
        assertThat(file.values())
                .containsEntry(Setting.JDBC_URL, "jdbc:mysql://db1/shop")
                .containsEntry(Setting.USER, "ddl")
                .containsEntry(Setting.CHECK_INTERVAL, "10s")
                .containsEntry(Setting.ALLOW_REMOTE, "true")
                .containsEntry(Setting.MAX_CONCURRENT, "4")
                .containsEntry(Setting.CONTROL_SCHEMA, "_ops\u00e9") // read as UTF-8
                .containsEntry(Setting.SHARD, "-80")
                .containsEntry(Setting.KEYSPACE, "0x1F") // a YAML int keeps its spelling, not 31
                .hasSize(8);
    }

    /** Any scalar is the setting's text as written; validation happens later, the same for every source. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // YAML value                  | text
            "true                          | true",
            "yes                           | yes",
            "4                             | 4",
            "4.50                          | 4.50",
            "'  spaced  '                  | spaced",
            "\"double \\u00e9\"        | double \u00e9",
            "'jdbc:mysql://db1/shop?a=1#x' | jdbc:mysql://db1/shop?a=1#x",
            "!!str 10s                     | 10s",
            "10s # a comment               | 10s",
            "~                             | ''",
            "null                          | ''",
            "''                            | ''",
    })
    void scalarsOfEveryTypeBecomeTheSettingsText(String yamlValue, String text) throws IOException {
        Path path = write("scalar.yml", "check-interval: " + yamlValue + "\n");

        assertThat(ConfigFile.read(path).values()).containsExactly(Map.entry(Setting.CHECK_INTERVAL, text));
    }

    @Test
    void aYamlNullLeavesTheSettingToTheOtherSources() throws IOException {
        Path path = write("empty-values.yaml", "jdbc-url: jdbc:mysql://db1/shop\nuser:\n");
        ConfigFile file = ConfigFile.read(path);
        SettingSources sources = new SettingSources(Map.of(), Map.of("ONLINEDDL_USER", "from_env"), Optional.of(file));

        assertThat(sources.lookup(Setting.USER)).map(SettingValue::text).contains("from_env");
    }

    @ParameterizedTest
    @CsvSource({"''", "'# only a comment'", "'---'"})
    void anEmptyYamlFileGivesNoSettings(String content) throws IOException {
        assertThat(ConfigFile.read(write("empty.yaml", content)).values()).isEmpty();
    }

    static Stream<Arguments> yamlRefusals() {
        return Stream.of(
                Arguments.of("nested mapping", "user: ddl\njdbc-url:\n  host: db1\n",
                        "'jdbc-url' in %s line 2 holds a mapping: write a single value, e.g. jdbc-url: value"),
                Arguments.of("sequence", "max-concurrent: [1, 2]\n",
                        "'max-concurrent' in %s line 1 holds a sequence: write a single value, e.g. max-concurrent: 4"),
                Arguments.of("block sequence", "check-interval:\n  - 1s\n  - 2s\n",
                        "'check-interval' in %s line 1 holds a sequence: write a single value, e.g. check-interval: 10s"),
                Arguments.of("duplicate key", "user: a\nshard: 0\nuser: b\n",
                        "duplicate key 'user' in %s line 3 (first given on line 1): give each setting once"),
                Arguments.of("unknown key", "user: a\n\ncheckinterval: 1s\n",
                        "unknown key 'checkinterval' in %s line 3: the keys are jdbc-url, user,"),
                Arguments.of("password key", "user: a\npassword: s3cret-value\n",
                        "'password' in %s line 2 is not accepted: put the password in a file of its own (mode 0600)"
                                + " and name it with password-file, or use ONLINEDDL_PASSWORD"),
                Arguments.of("non-scalar key", "? [a, b]\n: c\n",
                        "a key in %s line 1 is a sequence: keys are setting names such as check-interval"),
                Arguments.of("top-level sequence", "- user: a\n",
                        "the configuration file %s (--config) must be a mapping of 'key: value' lines, but line 1"
                                + " it holds a sequence"),
                Arguments.of("top-level scalar", "just text\n",
                        "the configuration file %s (--config) must be a mapping of 'key: value' lines, but line 1"
                                + " it holds a scalar"),
                Arguments.of("syntax error", "user: a\n  shard: 0\n",
                        "cannot read the configuration file %s (--config): mapping values are not allowed here (line 2,"),
                Arguments.of("two documents", "user: a\n---\nuser: b\n",
                        "cannot read the configuration file %s (--config): "),
                Arguments.of("unclosed quote", "user: \"a\n",
                        "cannot read the configuration file %s (--config): "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlRefusals")
    void refusesWhatIsNotAFlatMappingOfKnownKeys(String caseName, String content, String expected) throws IOException {
        Path path = write("refused.yaml", content);

        assertThatThrownBy(() -> ConfigFile.read(path))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(expected.formatted(path))
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void everyYamlProblemIsReportedAtOnce() throws IOException {
        Path path = write("many.yml", "password: x\nuser: a\nuser: b\nbogus: 1\nhttp: {host: a}\n");

        assertThatThrownBy(() -> ConfigFile.read(path))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(error -> assertThat(error.getMessage().lines()).hasSize(4)
                        .anySatisfy(line -> assertThat(line).startsWith("'password' in " + path + " line 1"))
                        .anySatisfy(line -> assertThat(line).startsWith("duplicate key 'user' in " + path + " line 3"))
                        .anySatisfy(line -> assertThat(line).startsWith("unknown key 'bogus' in " + path + " line 4"))
                        .anySatisfy(line -> assertThat(line).startsWith("'http' in " + path + " line 5 holds a mapping")));
    }

    @Test
    void aSyntaxErrorDoesNotQuoteTheFile() throws IOException {
        Path path = write("leaky.yaml", "user: \"s3cret-value\n");

        assertThatThrownBy(() -> ConfigFile.read(path))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void aMissingYamlFileIsNamed() {
        Path path = temp.resolve("missing.yaml");
        assertThatThrownBy(() -> ConfigFile.read(path))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("cannot read the configuration file " + path + " (--config)");
    }

    @Test
    void yamlAndPropertiesWithTheSameContentGiveEqualSettings() throws IOException {
        FileAttribute<?> executable = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Path ghOst = Files.createFile(temp.resolve("gh-ost"), executable);
        Path ptOsc = Files.createFile(temp.resolve("pt-online-schema-change"), executable);
        ConfigFile yaml = ConfigFile.read(write("same.yaml", """
                jdbc-url: jdbc:mysql://db1:3306/shop
                user: ddl
                control-schema: _ops
                executor-id: box7
                keyspace: commerce
                shard: -80
                check-interval: 10s
                retain-artifacts: 2h
                max-concurrent: 4
                stale-after: 30m
                http: 0.0.0.0:15200
                allow-remote: true
                http-threads: 4
                gh-ost-path: %s
                pt-osc-path: %s
                """.formatted(ghOst, ptOsc)));
        ConfigFile properties = ConfigFile.read(write("same.properties", """
                jdbc-url = jdbc:mysql://db1:3306/shop
                user = ddl
                control-schema = _ops
                executor-id = box7
                keyspace = commerce
                shard = -80
                check-interval = 10s
                retain-artifacts = 2h
                max-concurrent = 4
                stale-after = 30m
                http = 0.0.0.0:15200
                allow-remote = true
                http-threads = 4
                gh-ost-path = %s
                pt-osc-path = %s
                """.formatted(ghOst, ptOsc)));

        assertThat(yaml.values()).hasSize(Setting.values().length - 1).isEqualTo(properties.values());
        DaemonSettingsResolver resolver = new DaemonSettingsResolver(
                host -> InetAddress.getByAddress(host, new byte[] {0, 0, 0, 0}), "box1");
        Map<String, String> environment = Map.of(Setting.PASSWORD_VARIABLE, "pw");
        DaemonSettings fromYaml = resolver.resolve(new SettingSources(Map.of(), environment, Optional.of(yaml)));
        DaemonSettings fromProperties = resolver.resolve(new SettingSources(Map.of(), environment, Optional.of(properties)));
        assertThat(fromYaml).isEqualTo(fromProperties);
        assertThat(fromYaml.maxConcurrent()).isEqualTo(4);
        assertThat(fromYaml.allowRemote()).isTrue();
    }

    private Path write(String name, String content) throws IOException {
        Path path = temp.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }
}
