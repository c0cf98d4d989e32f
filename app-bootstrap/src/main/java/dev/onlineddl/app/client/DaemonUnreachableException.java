package dev.onlineddl.app.client;

import java.net.URI;

/** No daemon answered at the server address: say so and how to start one. */
public class DaemonUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DaemonUnreachableException(URI server, Throwable cause) {
        super("no onlineddl daemon answers at " + server + ": start one with 'onlineddl daemon --jdbc-url ... --user ...'"
                + " (or point --server at a running one)" + reason(cause), cause);
    }

    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "" : " [" + cause.getClass().getSimpleName() + ": " + message + "]";
    }
}
