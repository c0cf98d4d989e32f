package dev.onlineddl.adapter.vreplication.state;

import dev.onlineddl.spi.PluginTables;
import dev.onlineddl.spi.StrategyContext;
import org.flywaydb.core.Flyway;

/** Creates and upgrades the plugin's tables in the control schema, under its own Flyway history. */
public final class StateTables {

    /** The plugin's name: its tables' prefix and its history table's. */
    public static final String PLUGIN = "vreplication";

    private StateTables() {
    }

    public static void migrate(StrategyContext context) {
        Flyway.configure(StateTables.class.getClassLoader())
                .dataSource(new SessionDataSource(context))
                .schemas(context.controlSchema())
                .createSchemas(false)
                .table(PluginTables.historyTable(PLUGIN))
                .locations("classpath:db/" + PLUGIN)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
