package dev.onlineddl.adapter.mysql.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.spi.PluginTables;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The way {@link PluginTables} documents for a plugin to own tables in the control schema works
 * beside the core's migrations: each side keeps its own history table, neither sees the other's
 * versions, and either can migrate again, in any order, without complaint.
 */
@ExtendWith(TestDatabaseExtension.class)
class PluginOwnedTablesIT {

    private static final String PLUGIN = "example-plugin";

    @Test
    void aPluginsMigrationsLiveBesideTheCoresWithAHistoryOfTheirOwn(TestDatabase db) throws SQLException {
        ControlSchema controlSchema = new ControlSchema(db.createSiblingDatabase("plugin").name());
        controlSchema.migrate(db.dataSource());

        assertThat(pluginFlyway(db.dataSource(), controlSchema.name()).migrate().migrationsExecuted).isEqualTo(2);

        assertThat(tables(db, controlSchema.name())).contains("schema_migrations", ControlSchema.HISTORY_TABLE,
                "example_plugin_state", "flyway_example_plugin_history");
        List<String> coreVersions = versions(db, controlSchema.name(), ControlSchema.HISTORY_TABLE);
        assertThat(versions(db, controlSchema.name(), PluginTables.historyTable(PLUGIN))).containsExactly("0", "1", "2");
        // either side migrates again with nothing to do, and neither takes the other's versions for its own
        controlSchema.migrate(db.dataSource());
        assertThat(versions(db, controlSchema.name(), ControlSchema.HISTORY_TABLE)).isEqualTo(coreVersions);
        assertThat(pluginFlyway(db.dataSource(), controlSchema.name()).migrate().migrationsExecuted).isZero();
        assertThat(columns(db, controlSchema.name(), "example_plugin_state"))
                .containsExactly("migration_uuid", "copied_up_to", "binlog_position");
    }

    /** As {@link PluginTables}' documentation has a plugin do it. */
    private static Flyway pluginFlyway(DataSource dataSource, String controlSchema) {
        return Flyway.configure(PluginOwnedTablesIT.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(controlSchema)
                .createSchemas(false)
                .table(PluginTables.historyTable(PLUGIN))
                .locations("classpath:db/" + PLUGIN)
                .baselineOnMigrate(true).baselineVersion("0")
                .load();
    }

    private static List<String> tables(TestDatabase db, String schema) throws SQLException {
        return strings(db, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
                schema);
    }

    private static List<String> columns(TestDatabase db, String schema, String table) throws SQLException {
        return strings(db, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " ORDER BY ORDINAL_POSITION", schema, table);
    }

    /** The versions a history table records, oldest first; Flyway's schema-creation row has none. */
    private static List<String> versions(TestDatabase db, String schema, String historyTable) throws SQLException {
        return strings(db, "SELECT COALESCE(version, '') FROM " + quoted(schema) + "." + quoted(historyTable)
                + " ORDER BY installed_rank");
    }

    private static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static List<String> strings(TestDatabase db, String sql, String... parameters) throws SQLException {
        try (Connection connection = db.openConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
