package dev.onlineddl.testkit;

/**
 * No server could be had for the tests: the one chosen (or forced by {@code ONLINEDDL_TEST_SERVER})
 * is unavailable or failed to start. The message says which and what to do about it.
 */
public class TestServerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TestServerUnavailableException(String message) {
        super(message);
    }

    public TestServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
