package dev.onlineddl.app.config;

import java.util.Objects;

/**
 * A setting's raw text and where it came from, so that an error can point at the right place.
 *
 * @param origin e.g. {@code --check-interval}, {@code ONLINEDDL_CHECK_INTERVAL} or
 *               {@code check-interval in /etc/onlineddl.properties}
 */
public record SettingValue(Setting setting, String text, Source source, String origin) {

    /** The kinds of source, in order of precedence. */
    public enum Source {
        FLAG, ENVIRONMENT, CONFIG_FILE, DEFAULT
    }

    public SettingValue {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
    }

    static SettingValue byDefault(Setting setting, String text) {
        return new SettingValue(setting, text, Source.DEFAULT, "the default");
    }

    ConfigurationException invalid(String problem) {
        return new ConfigurationException("invalid " + setting.key() + " '" + text + "' (from " + origin + "): " + problem);
    }
}
