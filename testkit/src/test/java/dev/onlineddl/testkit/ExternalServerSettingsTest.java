package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExternalServerSettingsTest {

    @ParameterizedTest(name = "{0} user={1} password={2}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            // URL                                                    | env user | env pw | host         | port | user  | password
            "jdbc:mysql://db.example:3307/                            | app      | secret | db.example   | 3307 | app   | secret",
            "jdbc:mysql://db.example/                                 | app      | -      | db.example   | 3306 | app   | ''",
            "jdbc:mysql://db.example                                  | app      | ''     | db.example   | 3306 | app   | ''",
            "jdbc:mysql://db.example:3306/ignored?user=u&password=p%26q | -      | -      | db.example   | 3306 | u     | p&q",
            "jdbc:mysql://u:p@db.example:3306/                        | -        | -      | db.example   | 3306 | u     | p",
            "jdbc:mysql://u:p@db.example:3306/                        | env      | envpw  | db.example   | 3306 | env   | envpw",
            "jdbc:mysql://db.example:3306/?user=u&password=p          | -        | envpw  | db.example   | 3306 | u     | envpw",
            "jdbc:mysql://[::1]:3310/                                 | app      | -      | ::1          | 3310 | app   | ''",
            "JDBC:MYSQL://127.0.0.1:3306                              | app      | -      | 127.0.0.1    | 3306 | app   | ''",
            "jdbc:mariadb://127.0.0.1:3306/                           | app      | -      | 127.0.0.1    | 3306 | app   | ''",
    })
    void readsWhereAndHowToLogIn(String url, String envUser, String envPassword, String host, int port, String user,
            String password) {
        ExternalServerSettings settings = ExternalServerSettings.fromEnvironment(environment(url, envUser, envPassword));

        assertThat(settings.host()).isEqualTo(host);
        assertThat(settings.port()).isEqualTo(port);
        assertThat(settings.credentials()).isEqualTo(new Credentials(user, password));
    }

    @Test
    void keepsOtherUrlParametersButNeverTheCredentials() {
        ExternalServerSettings settings = ExternalServerSettings.fromEnvironment(environment(
                "jdbc:mysql://db.example:3306/x?user=u&password=p&sslMode=REQUIRED&connectTimeout=5000", null, null));

        assertThat(settings.urlParameters()).containsExactly(
                Map.entry("sslMode", "REQUIRED"),
                Map.entry("allowPublicKeyRetrieval", "true"),
                Map.entry("connectTimeout", "5000"));
    }

    @Test
    void neverShowsThePassword() {
        ExternalServerSettings settings = ExternalServerSettings.fromEnvironment(
                environment("jdbc:mysql://db.example:3306/", "app", "s3cr3t-value"));

        assertThat(settings.toString()).contains("db.example:3306", "app").doesNotContain("s3cr3t-value");
        assertThat(settings.credentials().toString()).doesNotContain("s3cr3t-value");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "-                                        | ONLINEDDL_TEST_JDBC_URL is not set",
            "jdbc:postgresql://db.example/x?password=hush | ONLINEDDL_TEST_JDBC_URL does not start with jdbc:mysql://",
            "jdbc:mysql://a:3306,b:3306/              | ONLINEDDL_TEST_JDBC_URL names several hosts",
            "jdbc:mysql://:3306/                      | ONLINEDDL_TEST_JDBC_URL names no host",
            "jdbc:mysql://db.example:port/            | ONLINEDDL_TEST_JDBC_URL has port 'port', which is not a TCP port",
            "jdbc:mysql://db.example:70000/           | ONLINEDDL_TEST_JDBC_URL has port '70000', which is not a TCP port",
            "jdbc:mysql://[::1:3306/                  | ONLINEDDL_TEST_JDBC_URL has an unclosed IPv6 address",
    })
    void rejectsUrlsItCannotUse(String url, String message) {
        assertThatThrownBy(() -> ExternalServerSettings.fromEnvironment(environment(url, "app", null)))
                .isInstanceOf(TestServerUnavailableException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("hush");
    }

    @Test
    void needsAUser() {
        assertThatThrownBy(() -> ExternalServerSettings.fromEnvironment(environment("jdbc:mysql://db.example/", null, "pw")))
                .isInstanceOf(TestServerUnavailableException.class)
                .hasMessageContaining("names no user")
                .hasMessageContaining("ONLINEDDL_TEST_USER");
    }

    private static Map<String, String> environment(String url, String user, String password) {
        Map<String, String> environment = new HashMap<>();
        if (url != null) {
            environment.put(ServerSelection.JDBC_URL_VARIABLE, url);
        }
        if (user != null) {
            environment.put(ExternalServerSettings.USER_VARIABLE, user);
        }
        if (password != null) {
            environment.put(ExternalServerSettings.PASSWORD_VARIABLE, password);
        }
        return environment;
    }
}
