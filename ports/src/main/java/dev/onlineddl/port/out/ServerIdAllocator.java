package dev.onlineddl.port.out;

import java.sql.SQLException;

/**
 * Server ids for clients that connect to the target as replicas do (a binlog stream, gh-ost): each
 * needs an id that neither the server, nor any of its replicas, nor another such client uses, or
 * the server drops one of the two connections that share it.
 */
@FunctionalInterface
public interface ServerIdAllocator {

    /**
     * @return an id (1 to 4294967295) that the server and its registered replicas did not use when it
     *         was chosen and that this allocator has not handed out before
     */
    long allocate() throws SQLException;
}
