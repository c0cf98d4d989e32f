package dev.onlineddl.spi;

/** An engine could not do what the core asked; the message says what failed and what to do. */
public class StrategyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StrategyException(String message) {
        super(message);
    }

    public StrategyException(String message, Throwable cause) {
        super(message, cause);
    }
}
