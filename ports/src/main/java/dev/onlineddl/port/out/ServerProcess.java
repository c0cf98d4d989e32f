package dev.onlineddl.port.out;

import java.util.Objects;

/**
 * One connection as the server's process list shows it.
 *
 * @param id the connection id ({@code CONNECTION_ID()} of that connection)
 * @param user the account it logged in as
 * @param database its default database; empty when none
 * @param command what it is doing, e.g. {@code Query} or {@code Sleep}
 * @param timeSeconds seconds in the current state
 * @param state e.g. {@code Waiting for table metadata lock}; empty when none
 * @param info the statement it runs; empty when idle
 */
public record ServerProcess(long id, String user, String database, String command, long timeSeconds, String state, String info) {

    public ServerProcess {
        user = Objects.requireNonNullElse(user, "");
        database = Objects.requireNonNullElse(database, "");
        command = Objects.requireNonNullElse(command, "");
        state = Objects.requireNonNullElse(state, "");
        info = Objects.requireNonNullElse(info, "");
    }
}
