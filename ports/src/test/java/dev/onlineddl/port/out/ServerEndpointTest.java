package dev.onlineddl.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerEndpointTest {

    @Test
    void toStringNeverShowsThePasswordAndNeverAsksForIt() {
        ServerEndpoint endpoint = new ServerEndpoint("db1", 3306, "ddl", () -> {
            throw new AssertionError("toString asked for the password");
        });

        assertThat(endpoint.toString()).isEqualTo("ServerEndpoint[ddl@db1:3306, password=***]");
    }

    @Test
    void anIpv6AddressIsBracketed() {
        assertThat(new ServerEndpoint("::1", 3307, "u", () -> "p").address()).isEqualTo("[::1]:3307");
    }

    @Test
    void aPortOutOfRangeOrNoHostIsRefused() {
        assertThatThrownBy(() -> new ServerEndpoint("db1", 0, "u", () -> "")).hasMessageContaining("not a TCP port");
        assertThatThrownBy(() -> new ServerEndpoint(" ", 3306, "u", () -> "")).hasMessageContaining("needs a host");
    }
}
