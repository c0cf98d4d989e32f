package dev.onlineddl.app.demo;

/** The demo could not set up its server, sample database or daemon: nothing was demonstrated. */
public final class DemoSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
