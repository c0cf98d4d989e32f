package dev.onlineddl.app.config;

/**
 * A setting that stops start-up. The message names the setting, where its value came from and
 * what to write instead.
 */
public class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
