package dev.onlineddl.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;

/**
 * A {@code --config} file whose keys are the flag names without the dashes: YAML when the name
 * ends in {@code .yaml} or {@code .yml} ({@code check-interval: 30s}, see {@link YamlConfigParser}),
 * Java properties (UTF-8) otherwise ({@code check-interval = 30s}). An unknown key stops start-up
 * rather than being ignored, because a misspelt key would otherwise silently fall back to a
 * default.
 */
public record ConfigFile(Path path, Map<Setting, String> values) {

    public ConfigFile {
        Objects.requireNonNull(path, "path");
        values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Setting.class) : new EnumMap<>(values));
    }

    /** @throws ConfigurationException if the file cannot be read or holds a key that is not a setting */
    public static ConfigFile read(Path path) {
        return isYaml(path) ? readYaml(path) : readProperties(path);
    }

    static boolean isYaml(Path path) {
        Path name = path.getFileName();
        String lowerCase = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lowerCase.endsWith(".yaml") || lowerCase.endsWith(".yml");
    }

    private static ConfigFile readYaml(Path path) {
        try (InputStream content = Files.newInputStream(path)) {
            return new ConfigFile(path, YamlConfigParser.parse(path, content));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the configuration file " + path + " (--config): " + e.getMessage());
        }
    }

    private static ConfigFile readProperties(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) { // IAE: a malformed \\uXXXX escape
            throw new ConfigurationException("cannot read the configuration file " + path + " (--config): " + e.getMessage());
        }
        return fromProperties(path, properties);
    }

    static ConfigFile fromProperties(Path path, Properties properties) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.equals("password")) {
                problems.add("'password' in " + path + " is not accepted: put the password in a file of its own"
                        + " (mode 0600) and name it with password-file, or use " + Setting.PASSWORD_VARIABLE);
                continue;
            }
            Setting.byKey(key).ifPresentOrElse(
                    setting -> values.put(setting, properties.getProperty(key).strip()),
                    () -> problems.add("unknown key '" + key + "' in " + path + ": the keys are " + knownKeys()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems));
        }
        return new ConfigFile(path, values);
    }

    static String knownKeys() {
        List<String> keys = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            keys.add(setting.key());
        }
        return String.join(", ", keys);
    }
}
