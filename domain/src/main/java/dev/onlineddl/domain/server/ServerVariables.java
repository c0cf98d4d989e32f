package dev.onlineddl.domain.server;

import java.util.Objects;

/**
 * The server variables the executor reports and decides on: where the server is, whether it takes
 * writes, and what it is.
 *
 * @param hostname {@code @@hostname}: the machine the server runs on (for log paths and messages)
 * @param port {@code @@port}
 * @param readOnly {@code @@read_only}: DDL and writes by non-privileged users fail while set
 * @param version {@code @@version}, e.g. {@code 11.4.5-MariaDB-log}
 * @param versionComment {@code @@version_comment}, e.g. {@code MariaDB Server}; may be empty
 */
public record ServerVariables(String hostname, int port, boolean readOnly, String version, String versionComment) {

    public ServerVariables {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(version, "version");
        versionComment = versionComment == null ? "" : versionComment;
    }

    /** The flavour and release these variables describe. */
    public ServerVersion serverVersion() {
        return ServerVersion.parse(version, versionComment);
    }
}
