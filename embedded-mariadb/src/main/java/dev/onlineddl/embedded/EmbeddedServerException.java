package dev.onlineddl.embedded;

/** The embedded server could not be started or used; the message says what failed and what to do. */
public final class EmbeddedServerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedServerException(String message) {
        super(message);
    }

    public EmbeddedServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
