package dev.onlineddl.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
