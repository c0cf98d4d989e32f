package dev.onlineddl.adapter.mysql.jdbc;

import dev.onlineddl.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetConnectionSettingsTest {

    private static final String SECRET = "s3cr3t-Pa55";

    private static TargetConnectionSettings valid() {
        return TargetConnectionSettings.of("jdbc:mysql://db.example:3306/shop", "shop", "onlineddl", () -> SECRET);
    }

    @Test
    void defaultsLeaveRoomBesideVitessThreeConnections() {
        TargetConnectionSettings settings = valid();

        assertThat(settings.poolSize()).isEqualTo(TargetConnectionSettings.DEFAULT_POOL_SIZE).isGreaterThan(3);
        assertThat(settings.sslMode()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgres URL               | jdbc:postgresql://db.example/shop                   | must start with jdbc:mysql://
            no scheme                  | db.example:3306/shop                                | must start with jdbc:mysql://
            user and password in host  | jdbc:mysql://onlineddl:s3cr3t-Pa55@db.example/shop  | carries credentials
            password option            | jdbc:mysql://db.example/shop?user=a&password=s3cr3t-Pa55 | carries credentials
            password option, any case  | jdbc:mysql://db.example/shop?PassWord=s3cr3t-Pa55   | carries credentials
            second password option     | jdbc:mysql://db.example/shop?password2=s3cr3t-Pa55  | carries credentials
            """)
    void urlsThatCannotWorkOrWouldLeakAPasswordAreRejected(String what, String url, String expected) {
        assertThatThrownBy(() -> TargetConnectionSettings.of(url, "shop", "onlineddl", () -> SECRET))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(expected)
                .message().doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blank schema            | schema      | no target database given
            schema over 64          | longSchema  | target database name
            blank user              | user        | no user given
            pool of one             | pool1       | connection pool size 1
            pool too large          | pool201     | connection pool size 201
            acquire under 250 ms    | acquire     | acquire timeout
            zero connect timeout    | connect     | connect timeout
            lifetime under 30 s     | lifetime    | maximum connection lifetime
            sslMode set twice       | ssl         | already sets sslMode
            """)
    void badSettingsAreRejectedWithWhatToDo(String what, String change, String expected) {
        UnaryOperator<TargetConnectionSettings> broken = switch (change) {
            case "schema" -> s -> new TargetConnectionSettings(s.jdbcUrl(), " ", s.user(), s.password(), s.poolSize(),
                    s.sslMode(), s.connectTimeout(), s.acquireTimeout(), s.maxLifetime());
            case "longSchema" -> s -> new TargetConnectionSettings(s.jdbcUrl(), "s".repeat(65), s.user(), s.password(),
                    s.poolSize(), s.sslMode(), s.connectTimeout(), s.acquireTimeout(), s.maxLifetime());
            case "user" -> s -> new TargetConnectionSettings(s.jdbcUrl(), s.schema(), "", s.password(), s.poolSize(),
                    s.sslMode(), s.connectTimeout(), s.acquireTimeout(), s.maxLifetime());
            case "pool1" -> s -> s.withPoolSize(1);
            case "pool201" -> s -> s.withPoolSize(201);
            case "acquire" -> s -> s.withAcquireTimeout(Duration.ofMillis(100));
            case "connect" -> s -> s.withConnectTimeout(Duration.ZERO);
            case "lifetime" -> s -> s.withMaxLifetime(Duration.ofSeconds(29));
            case "ssl" -> s -> TargetConnectionSettings.of("jdbc:mysql://db.example/shop?sslMode=REQUIRED", "shop", "u",
                    () -> SECRET).withSslMode(SslMode.DISABLED);
            default -> throw new IllegalArgumentException(change);
        };

        assertThatThrownBy(() -> broken.apply(valid()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void withersChangeOneSettingEach() {
        TargetConnectionSettings changed = valid().withPoolSize(9).withSslMode(SslMode.VERIFY_IDENTITY)
                .withConnectTimeout(Duration.ofSeconds(3)).withAcquireTimeout(Duration.ofSeconds(4))
                .withMaxLifetime(Duration.ofMinutes(5));

        assertThat(Stream.of(changed.poolSize(), changed.sslMode(), changed.connectTimeout(), changed.acquireTimeout(),
                changed.maxLifetime())).containsExactly(9, Optional.of(SslMode.VERIFY_IDENTITY), Duration.ofSeconds(3),
                Duration.ofSeconds(4), Duration.ofMinutes(5));
        assertThat(changed.jdbcUrl()).isEqualTo(valid().jdbcUrl());
        assertThat(changed.schema()).isEqualTo("shop");
    }

    @ParameterizedTest(name = "{0} -> {1}:{2}")
    @CsvSource({
        "jdbc:mysql://db1:3307/shop,                    db1,       3307",
        "jdbc:mysql://db1/shop,                         db1,       3306",
        "jdbc:mysql://127.0.0.1:4000/shop?sslMode=DISABLED, 127.0.0.1, 4000",
        "'jdbc:mysql://[::1]:3308/shop',                ::1,       3308",
    })
    void theEndpointIsTheUrlsHostAndPortAsTheDriverReadsThem(String url, String host, int port) {
        var endpoint = TargetConnectionSettings.of(url, "shop", "ddl", () -> "secret").endpoint();

        assertThat(endpoint.host()).isEqualTo(host);
        assertThat(endpoint.port()).isEqualTo(port);
        assertThat(endpoint.user()).isEqualTo("ddl");
        assertThat(endpoint.password().get()).isEqualTo("secret");
        assertThat(endpoint.toString()).doesNotContain("secret");
    }

    @Test
    void toStringNeverShowsThePassword() {
        TargetConnectionSettings settings = valid().withSslMode(SslMode.REQUIRED);

        assertThat(settings.toString()).doesNotContain(SECRET).contains("password=***", "jdbc:mysql://db.example:3306/shop",
                "REQUIRED");
    }
}
