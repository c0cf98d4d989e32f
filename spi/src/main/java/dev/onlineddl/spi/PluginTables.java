package dev.onlineddl.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a plugin owns tables in the control schema ({@link StrategyContext#controlSchema()}) beside
 * the core's, without either side's migrations seeing the other's: the plugin runs Flyway (or any
 * migration tool) on the control schema with <em>its own</em> history table, {@link #historyTable},
 * and its own script location, and prefixes its tables with its name. The core's history table is
 * {@code flyway_schema_history}; two plugins with different names never share a history table.
 *
 * <p>With Flyway, in the engine's start-up (the plugin depends on {@code flyway-core} and
 * {@code flyway-mysql} itself):
 *
 * <pre>{@code
 * Flyway.configure()
 *         .dataSource(dataSource)                       // on the target server
 *         .schemas(context.controlSchema())
 *         .createSchemas(false)                         // the core created it
 *         .table(PluginTables.historyTable("my-plugin"))
 *         .locations("classpath:db/my-plugin")
 *         .baselineOnMigrate(true).baselineVersion("0") // the schema already holds the core's tables
 *         .load().migrate();
 * }</pre>
 */
public final class PluginTables {

    private static final Pattern PLUGIN_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private PluginTables() {
    }

    /**
     * The history table of a plugin's own migrations: {@code flyway_<plugin>_history}, with the
     * name's dashes as underscores.
     *
     * @param pluginName lower-case letters, digits, '-' and '_', starting with a letter, at most 40 characters
     */
    public static String historyTable(String pluginName) {
        Objects.requireNonNull(pluginName, "pluginName");
        if (!PLUGIN_NAME.matcher(pluginName).matches()) {
            throw new IllegalArgumentException("plugin name '" + pluginName + "' cannot name a history table: use"
                    + " lower-case letters, digits, '-' and '_', starting with a letter, at most 40 characters");
        }
        if (pluginName.equals("schema")) {
            throw new IllegalArgumentException("plugin name 'schema' would share the core's history table"
                    + " flyway_schema_history: choose another name");
        }
        return "flyway_" + pluginName.replace('-', '_') + "_history";
    }
}
