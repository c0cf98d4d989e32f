package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pieces of SQL and URL text the kit writes itself. */
class SqlTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "plain        | 'plain'",
            "it's         | 'it''s'",
            "back\\slash  | 'back\\\\slash'",
            "\\'          | '\\\\'''",
            "''           | ''''''",
    })
    void quotesStringLiterals(String value, String expected) {
        assertThat(SqlLiterals.quote(value)).isEqualTo(expected);
    }

    @Test
    void refusesNulInALiteral() {
        assertThatThrownBy(() -> SqlLiterals.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAccountsForEveryHost() {
        assertThat(SqlLiterals.anyHostAccount("o'neil")).isEqualTo("'o''neil'@'%'");
    }

    @ParameterizedTest(name = "{0}:{1}/{2}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1 | 3306 | t_x_1 | jdbc:mysql://127.0.0.1:3306/t_x_1?sslMode=DISABLED&allowPublicKeyRetrieval=true",
            "127.0.0.1 | 3306 | ''    | jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED&allowPublicKeyRetrieval=true",
            "::1       | 3310 | db    | jdbc:mysql://[::1]:3310/db?sslMode=DISABLED&allowPublicKeyRetrieval=true",
    })
    void buildsJdbcUrls(String host, int port, String database, String expected) {
        assertThat(JdbcUrls.of(host, port, database, JdbcUrls.defaultParameters())).isEqualTo(expected);
    }

    @Test
    void encodesParameterValues() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("connectionAttributes", "program_name:a b&c");
        assertThat(JdbcUrls.of("h", 1, "", parameters)).isEqualTo("jdbc:mysql://h:1/?connectionAttributes=program_name%3Aa%20b%26c");
    }
}
