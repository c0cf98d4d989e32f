package dev.onlineddl.port.out;

import java.util.Objects;

/** How a DDL statement ended when it did not fail. */
public sealed interface DdlOutcome permits DdlOutcome.Applied, DdlOutcome.Tolerated {

    /** The server ran the statement. */
    record Applied() implements DdlOutcome {
    }

    /**
     * The server refused the statement with one of the caller's acceptable error codes: nothing
     * was changed and nothing needed to be (e.g. DROP of a table that is already gone; Vitess
     * then clears the migration's artifacts).
     *
     * @param errorCode the MySQL error number
     * @param serverMessage the server's message, for logs
     */
    record Tolerated(int errorCode, String serverMessage) implements DdlOutcome {
        public Tolerated {
            Objects.requireNonNull(serverMessage, "serverMessage");
        }
    }
}
