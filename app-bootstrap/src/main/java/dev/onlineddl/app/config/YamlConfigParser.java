package dev.onlineddl.app.config;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a YAML {@code --config} file: one flat mapping whose keys are the flag names without the
 * dashes ({@code check-interval: 30s}). Every scalar becomes the setting's text as written
 * ({@code true}, {@code 4} and {@code 10s} alike), because the settings are validated later, in
 * one place, for every source; a YAML null ({@code user:} or {@code user: ~}) counts as not given,
 * like an empty value in a properties file.
 *
 * <p>The file is only composed into nodes, never constructed into objects: nothing in it can make
 * the parser instantiate a class, and each node keeps its line for the error message.
 */
final class YamlConfigParser {

    private YamlConfigParser() {
    }

    /**
     * @throws ConfigurationException naming the file, line and key of every problem: a nested
     *         mapping or sequence, a duplicate or unknown key, a {@code password} key, or YAML
     *         that does not parse
     */
    static Map<Setting, String> parse(Path path, InputStream content) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(path.toString())
                .setUseMarks(true)
                // The core schema: ~ and empty values are nulls, as a YAML 1.2 user expects.
                .setSchema(new CoreSchema())
                // Composed here so that the refusal below can name the key's line.
                .setAllowNonScalarKeys(true)
                .build();
        Optional<Node> document;
        try {
            document = new Compose(settings).composeInputStream(content);
        } catch (MarkedYamlEngineException e) {
            throw new ConfigurationException("cannot read the configuration file " + path + " (--config): "
                    + describe(e) + ": write one 'key: value' per line");
        } catch (YamlEngineException e) {
            throw new ConfigurationException("cannot read the configuration file " + path + " (--config): "
                    + e.getMessage());
        }
        if (document.isEmpty() || isNull(document.get())) { // nothing, or only '---'
            return Map.of();
        }
        if (!(document.get() instanceof MappingNode mapping)) {
            throw new ConfigurationException("the configuration file " + path + " (--config) must be a mapping of"
                    + " 'key: value' lines, but" + at(document.get()) + " it holds a "
                    + document.get().getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return settingsOf(path, mapping);
    }

    private static Map<Setting, String> settingsOf(Path path, MappingNode mapping) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<String, Integer> firstLineOfKey = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add("a key in " + path + at(entry.getKeyNode()) + " is a "
                        + entry.getKeyNode().getNodeType().name().toLowerCase(Locale.ROOT)
                        + ": keys are setting names such as check-interval");
                continue;
            }
            String key = keyNode.getValue();
            String where = " in " + path + at(keyNode);
            Integer firstLine = firstLineOfKey.putIfAbsent(key, line(keyNode));
            if (firstLine != null) {
                problems.add("duplicate key '" + key + "'" + where + " (first given on line " + firstLine
                        + "): give each setting once");
                continue;
            }
            if (key.equals("password")) {
                problems.add("'password'" + where + " is not accepted: put the password in a file of its own"
                        + " (mode 0600) and name it with password-file, or use " + Setting.PASSWORD_VARIABLE);
                continue;
            }
            Optional<Setting> setting = Setting.byKey(key);
            if (setting.isEmpty()) {
                problems.add("unknown key '" + key + "'" + where + ": the keys are " + ConfigFile.knownKeys());
                continue;
            }
            if (!(entry.getValueNode() instanceof ScalarNode valueNode)) {
                String kind = entry.getValueNode().getNodeType().name().toLowerCase(Locale.ROOT);
                problems.add("'" + key + "'" + where + " holds a " + kind + ": write a single value, e.g. "
                        + key + ": " + example(setting.get()));
                continue;
            }
            values.put(setting.get(), isNull(valueNode) ? "" : valueNode.getValue().strip());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems));
        }
        return values;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static String example(Setting setting) {
        return switch (setting) {
            case CHECK_INTERVAL, RETAIN_ARTIFACTS, STALE_AFTER -> "10s";
            case MAX_CONCURRENT, HTTP_THREADS -> "4";
            case ALLOW_REMOTE -> "true";
            case HTTP -> "127.0.0.1:15100";
            default -> "value";
        };
    }

    /** The problem and its line and column, without the snippet of the file, which may hold anything. */
    private static String describe(MarkedYamlEngineException e) {
        StringBuilder text = new StringBuilder();
        if (e.getContext() != null) {
            text.append(e.getContext()).append(position(e.getContextMark())).append(", ");
        }
        text.append(e.getProblem()).append(position(e.getProblemMark()));
        return text.toString();
    }

    private static String position(Optional<Mark> mark) {
        return mark.map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")").orElse("");
    }

    private static String at(Node node) {
        return node.getStartMark().map(mark -> " line " + (mark.getLine() + 1)).orElse("");
    }

    private static Integer line(Node node) {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }
}
