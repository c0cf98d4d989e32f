package dev.onlineddl.port.out;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the target server listens and who the executor logs in as, for what cannot use a JDBC
 * connection: a binlog client, gh-ost, pt-online-schema-change. The password is a supplier, asked
 * each time it is needed so that a rotated password is followed, and it is never printed: hand it
 * to a tool through its environment or a file of mode 0600, never on a command line.
 *
 * @param host     the server's host name or address, as the executor's JDBC URL names it
 * @param port     the server's TCP port
 * @param user     the account the executor logs in as
 * @param password asked at each use; may answer {@code null} for an account without a password
 */
public record ServerEndpoint(String host, int port, String user, Supplier<String> password) {

    public ServerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password supplier");
        if (host.isBlank()) {
            throw new IllegalArgumentException("a server endpoint needs a host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " of " + host + " is not a TCP port (1 to 65535)");
        }
    }

    /** {@code host:port}, with brackets around an IPv6 address. */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Everything but the password. */
    @Override
    public String toString() {
        return "ServerEndpoint[" + user + "@" + address() + ", password=***]";
    }
}
