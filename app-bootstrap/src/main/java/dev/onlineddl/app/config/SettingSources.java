package dev.onlineddl.app.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where settings come from, in order of precedence: flags, then environment variables, then the
 * configuration file. An empty value counts as not given, so that {@code ONLINEDDL_SHARD=} in a
 * service file does not override the configuration file with nothing.
 *
 * @param flags       flags given on the command line (without the password, which has no flag)
 * @param environment the process environment
 * @param file        the {@code --config} file, if any
 */
public record SettingSources(Map<Setting, String> flags, Map<String, String> environment, Optional<ConfigFile> file) {

    public SettingSources {
        flags = Collections.unmodifiableMap(flags.isEmpty() ? new EnumMap<>(Setting.class) : new EnumMap<>(flags));
        environment = Map.copyOf(environment);
        Objects.requireNonNull(file, "file");
    }

    /** The value that wins for the setting, if any source gives one. */
    public Optional<SettingValue> lookup(Setting setting) {
        String flag = flags.get(setting);
        if (isGiven(flag)) {
            return Optional.of(new SettingValue(setting, flag.strip(), SettingValue.Source.FLAG, setting.flag()));
        }
        String variable = environment.get(setting.environmentVariable());
        if (isGiven(variable)) {
            return Optional.of(new SettingValue(setting, variable.strip(), SettingValue.Source.ENVIRONMENT,
                    setting.environmentVariable()));
        }
        return file.flatMap(config -> {
            String value = config.values().get(setting);
            return isGiven(value)
                    ? Optional.of(new SettingValue(setting, value.strip(), SettingValue.Source.CONFIG_FILE,
                            setting.key() + " in " + config.path()))
                    : Optional.empty();
        });
    }

    /** A non-empty environment variable, e.g. {@link Setting#PASSWORD_VARIABLE}. */
    public Optional<String> environmentVariable(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isBlank();
    }
}
