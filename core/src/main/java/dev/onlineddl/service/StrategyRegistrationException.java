package dev.onlineddl.service;

/**
 * The installed strategy plugins cannot be used together (two claim one strategy name, one
 * redefines a built-in strategy, one cannot be loaded): the executor refuses to start. The message
 * names the plugin classes involved and what to do.
 */
public class StrategyRegistrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StrategyRegistrationException(String message) {
        super(message);
    }

    public StrategyRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
