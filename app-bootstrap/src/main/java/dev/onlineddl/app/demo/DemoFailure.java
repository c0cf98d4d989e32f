package dev.onlineddl.app.demo;

/** A step of the demo could not be carried out or did not end as it must; the message says which and why. */
final class DemoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
        super(message);
    }

    DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
