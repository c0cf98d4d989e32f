package dev.onlineddl.domain.server;

import dev.onlineddl.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerVersionTest {

    @ParameterizedTest(name = "{0} / {1} -> {2} {3}.{4}.{5}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            8.0.29                                  | MySQL Community Server - GPL    | MYSQL   | 8  | 0  | 29
            8.4.3                                   | NULL                            | MYSQL   | 8  | 4  | 3
            5.7.44-log                              | MySQL Community Server (GPL)    | MYSQL   | 5  | 7  | 44
            8.0.36-28                               | Percona Server (GPL), Release 28 | MYSQL  | 8  | 0  | 36
            8.0.12                                  | ''                              | MYSQL   | 8  | 0  | 12
            9.1.0-commercial                        | MySQL Enterprise Server         | MYSQL   | 9  | 1  | 0
            8.0                                     | NULL                            | MYSQL   | 8  | 0  | 0
            11.4.5-MariaDB-log                      | MariaDB Server                  | MARIADB | 11 | 4  | 5
            10.11.6-MariaDB-1:10.11.6+maria~deb12   | mariadb.org binary distribution | MARIADB | 10 | 11 | 6
            10.3.39-MariaDB                         | NULL                            | MARIADB | 10 | 3  | 39
            10.4.0-mariadb                          | NULL                            | MARIADB | 10 | 4  | 0
            5.5.5-10.11.6-MariaDB                   | NULL                            | MARIADB | 10 | 11 | 6
            10.6.16                                 | MariaDB Server                  | MARIADB | 10 | 6  | 16
            '  11.4.5-MariaDB  '                    | NULL                            | MARIADB | 11 | 4  | 5
            """)
    void parsesFlavorAndRelease(String version, String comment, ServerFlavor flavor, int major, int minor, int patch) {
        ServerVersion parsed = ServerVersion.parse(version, comment);

        assertThat(parsed.flavor()).isEqualTo(flavor);
        assertThat(parsed.major()).isEqualTo(major);
        assertThat(parsed.minor()).isEqualTo(minor);
        assertThat(parsed.patch()).isEqualTo(patch);
        assertThat(parsed.text()).isEqualTo(version.strip());
        assertThat(parsed.isMariaDb()).isEqualTo(flavor == ServerFlavor.MARIADB);
        assertThat(parsed.isMySql()).isEqualTo(flavor == ServerFlavor.MYSQL);
    }

    @Test
    void aMySqlHandshakePrefixIsKeptForMySql() {
        // Only MariaDB hides its version behind 5.5.5-; a MySQL 5.5.5 build is what it says.
        ServerVersion parsed = ServerVersion.parse("5.5.5-log");

        assertThat(parsed.flavor()).isEqualTo(ServerFlavor.MYSQL);
        assertThat(parsed.major()).isEqualTo(5);
        assertThat(parsed.minor()).isEqualTo(5);
        assertThat(parsed.patch()).isEqualTo(5);
    }

    @Test
    void aMariaDbStringThatOnlyStartsWithTheHandshakePrefixKeepsIt() {
        ServerVersion parsed = ServerVersion.parse("5.5.5-MariaDB");

        assertThat(parsed.flavor()).isEqualTo(ServerFlavor.MARIADB);
        assertThat(parsed.major()).isEqualTo(5);
        assertThat(parsed.patch()).isEqualTo(5);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsAnEmptyVersion(String version) {
        assertThatThrownBy(() -> ServerVersion.parse(version))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty version string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MariaDB", "v8.0.29", "8", "eight.zero", "-8.0.1"})
    void rejectsAVersionWithoutLeadingRelease(String version) {
        assertThatThrownBy(() -> ServerVersion.parse(version))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + version + "'")
                .hasMessageContaining("major.minor.patch");
    }

    @ParameterizedTest(name = "{0} at least {1}.{2}.{3}: {4}")
    @CsvSource({
            "8.0.29, 8, 0, 29, true",
            "8.0.29, 8, 0, 30, false",
            "8.0.29, 8, 0, 28, true",
            "8.1.0,  8, 0, 99, true",
            "8.0.99, 8, 1, 0,  false",
            "9.0.0,  8, 9, 9,  true",
            "5.7.44, 8, 0, 0,  false",
    })
    void comparesReleases(String version, int major, int minor, int patch, boolean expected) {
        assertThat(ServerVersion.parse(version).isAtLeast(major, minor, patch)).isEqualTo(expected);
    }

    @Test
    void describesItselfForMessages() {
        ServerVersion version = ServerVersion.parse("11.4.5-MariaDB-log");

        assertThat(version.describe()).isEqualTo("MariaDB 11.4.5");
        assertThat(version).hasToString("MariaDB 11.4.5 (11.4.5-MariaDB-log)");
    }

    @Test
    void refusesNegativeNumbers() {
        assertThatThrownBy(() -> new ServerVersion(ServerFlavor.MYSQL, 8, -1, 0, "8.-1.0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerVersion(ServerFlavor.MYSQL, -8, 0, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerVersion(ServerFlavor.MYSQL, 8, 0, -1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverVariablesParseTheirVersion() {
        ServerVariables variables = new ServerVariables("db1", 3306, true, "10.11.6-MariaDB", null);

        assertThat(variables.versionComment()).isEmpty();
        assertThat(variables.serverVersion().flavor()).isEqualTo(ServerFlavor.MARIADB);
        assertThat(new ServerVariables("db1", 3306, false, "10.6.16", "MariaDB Server").serverVersion().isMariaDb()).isTrue();
        assertThat(ServerFlavor.MARIADB.displayName()).isEqualTo("MariaDB");
    }
}
