package dev.onlineddl.embedded;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes the accounts of a freshly started {@link ThrowawayServer}, through the one root login the
 * installer leaves. The connection's statements stay out of the binlog; once this returns, every
 * account the installer made (root above all) is locked, so only the accounts made here log in.
 *
 * @param <T> what the caller keeps of them, e.g. their credentials
 */
@FunctionalInterface
public interface RootProvisioning<T> {

    /**
     * @param root a connection as root that prepares statements on the client, so that account
     *             names and passwords can be bound
     */
    T provision(Connection root) throws SQLException;
}
