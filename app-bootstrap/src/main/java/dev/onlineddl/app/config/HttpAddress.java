package dev.onlineddl.app.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where the daemon's HTTP API listens: {@code HOST:PORT} as given (the host is kept as written,
 * because the token file is named after it) and the address it resolved to.
 *
 * @param port 0 asks the system for a free port
 */
public record HttpAddress(String host, int port, InetAddress address) {

    public static final String DEFAULT = "127.0.0.1:15100";

    public HttpAddress {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** The same host on another port, e.g. the one the system chose for port 0. */
    public HttpAddress withPort(int boundPort) {
        return new HttpAddress(host, boundPort, address);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
