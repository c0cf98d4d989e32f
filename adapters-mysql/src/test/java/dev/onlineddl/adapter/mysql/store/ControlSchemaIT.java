package dev.onlineddl.adapter.mysql.store;

import static dev.onlineddl.adapter.mysql.store.jooq.Tables.SCHEMA_MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The control schema Flyway creates: exactly Vitess's table, versioned, and guarded against newer versions. */
@ExtendWith(TestDatabaseExtension.class)
class ControlSchemaIT {

    /**
     * Vitess's {@code schema_migrations} columns in table order: name | type | nullable | default, where the default is "none" for
     * a NOT NULL column without one and "NULL" for DEFAULT NULL.
     */
    private static final String VITESS_COLUMNS = """
            id | bigint unsigned | NO | none
            migration_uuid | varchar(64) | NO | none
            keyspace | varchar(256) | NO | none
            shard | varchar(255) | NO | none
            mysql_schema | varchar(128) | NO | none
            mysql_table | varchar(128) | NO | none
            migration_statement | text | NO | none
            strategy | varchar(128) | NO | none
            options | varchar(8192) | NO | none
            added_timestamp | timestamp | NO | current_timestamp
            requested_timestamp | timestamp | NO | current_timestamp
            ready_timestamp | timestamp | YES | NULL
            started_timestamp | timestamp | YES | NULL
            liveness_timestamp | timestamp | YES | NULL
            completed_timestamp | timestamp(6) | YES | NULL
            cleanup_timestamp | timestamp | YES | NULL
            migration_status | varchar(128) | NO | none
            log_path | varchar(1024) | NO | none
            artifacts | text | NO | none
            retries | int unsigned | NO | 0
            tablet | varchar(128) | NO | ''
            tablet_failure | tinyint unsigned | NO | 0
            progress | float | NO | 0
            migration_context | varchar(1024) | NO | ''
            ddl_action | varchar(16) | NO | ''
            message | text | NO | none
            eta_seconds | bigint | NO | -1
            rows_copied | bigint unsigned | NO | 0
            table_rows | bigint | NO | 0
            added_unique_keys | int unsigned | NO | 0
            removed_unique_keys | int unsigned | NO | 0
            log_file | varchar(1024) | NO | ''
            retain_artifacts_seconds | bigint | NO | 0
            postpone_completion | tinyint unsigned | NO | 0
            removed_unique_key_names | text | NO | none
            dropped_no_default_column_names | text | NO | none
            expanded_column_names | text | NO | none
            revertible_notes | text | NO | none
            allow_concurrent | tinyint unsigned | NO | 0
            reverted_uuid | varchar(64) | NO | ''
            is_view | tinyint unsigned | NO | 0
            ready_to_complete | tinyint unsigned | NO | 0
            stowaway_table | tinytext | NO | none
            vitess_liveness_indicator | bigint | NO | 0
            user_throttle_ratio | float | NO | 0
            special_plan | text | NO | none
            last_throttled_timestamp | timestamp | YES | NULL
            component_throttled | tinytext | NO | none
            cancelled_timestamp | timestamp | YES | NULL
            postpone_launch | tinyint unsigned | NO | 0
            stage | text | NO | none
            cutover_attempts | int unsigned | NO | 0
            is_immediate_operation | tinyint unsigned | NO | 0
            reviewed_timestamp | timestamp | YES | NULL
            """;

    @Test
    void migrateCreatesVitessColumnsWithTheirTypesDefaultsAndOrder(TestDatabase db) throws Exception {
        ControlSchema controlSchema = freshControlSchema(db, "cols");

        controlSchema.migrate(db.dataSource());

        List<String> actual = new ArrayList<>();
        try (Connection connection = db.openConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
                        + " COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                        + " ORDER BY ORDINAL_POSITION")) {
            query.setString(1, controlSchema.name());
            query.setString(2, "schema_migrations");
            try (ResultSet columns = query.executeQuery()) {
                while (columns.next()) {
                    boolean nullable = columns.getString(3).equals("YES");
                    actual.add(columns.getString(1) + " | " + normalizeType(columns.getString(2)) + " | "
                            + columns.getString(3) + " | " + normalizeDefault(columns.getString(4), nullable));
                }
            }
        }
        assertThat(actual).containsExactlyElementsOf(VITESS_COLUMNS.lines().toList());
    }

    @Test
    void migrateCreatesVitessIndexesAndTheTargetScopedOnes(TestDatabase db) throws Exception {
        ControlSchema controlSchema = freshControlSchema(db, "idx");

        controlSchema.migrate(db.dataSource());

        Map<String, String> indexes = new TreeMap<>();
        try (Connection connection = db.openConnection();
                PreparedStatement query = connection.prepareStatement("SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART"
                        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                        + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
            query.setString(1, controlSchema.name());
            query.setString(2, "schema_migrations");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(3) + (rows.getObject(4) == null ? "" : "(" + rows.getInt(4) + ")");
                    String prefix = rows.getInt(2) == 0 ? "UNIQUE " : "";
                    indexes.merge(rows.getString(1), prefix + column, (a, b) -> a + "," + b);
                }
            }
        }
        assertThat(indexes).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("PRIMARY", "UNIQUE id"),
                Map.entry("uuid_idx", "UNIQUE migration_uuid"),
                Map.entry("keyspace_shard_idx", "keyspace(64),shard(64)"),
                Map.entry("status_idx", "migration_status,liveness_timestamp"),
                Map.entry("cleanup_status_idx", "cleanup_timestamp,migration_status"),
                Map.entry("tablet_failure_idx", "tablet_failure,migration_status,retries"),
                Map.entry("table_complete_idx", "migration_status,keyspace(64),mysql_table(64),completed_timestamp"),
                Map.entry("migration_context_idx", "migration_context(64)"),
                Map.entry("reverted_uuid_idx", "reverted_uuid"),
                Map.entry("schema_status_idx", "mysql_schema,migration_status,id"),
                Map.entry("schema_status_liveness_idx", "mysql_schema,migration_status,liveness_timestamp"),
                Map.entry("schema_table_complete_idx", "mysql_schema,mysql_table,migration_status,completed_timestamp"),
                Map.entry("schema_context_idx", "mysql_schema,migration_context(64)"),
                Map.entry("schema_cleanup_status_idx", "mysql_schema,cleanup_timestamp,migration_status"),
                Map.entry("schema_tablet_failure_idx", "mysql_schema,tablet_failure,migration_status,retries")));
    }

    @Test
    void migratingTwiceChangesNothingAndKeepsFlywaysHistoryInTheControlSchema(TestDatabase db) throws Exception {
        ControlSchema controlSchema = freshControlSchema(db, "twice");
        int first = controlSchema.migrate(db.dataSource());
        String tableBefore = showCreateTable(db, controlSchema);
        List<String> historyBefore = history(db, controlSchema);

        int second = controlSchema.migrate(db.dataSource());

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(1);
        assertThat(showCreateTable(db, controlSchema)).isEqualTo(tableBefore);
        assertThat(history(db, controlSchema)).isEqualTo(historyBefore).contains("1 V1__schema_migrations.sql true");
    }

    @Test
    void aControlSchemaOfANewerOnlineddlIsAClearStartUpErrorAndIsLeftAlone(TestDatabase db) throws Exception {
        ControlSchema controlSchema = freshControlSchema(db, "newer");
        controlSchema.migrate(db.dataSource());
        // What a future onlineddl with a V7 script would have left behind.
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO `" + controlSchema.name() + "`.`" + ControlSchema.HISTORY_TABLE + "`"
                    + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (100, '7', 'future change', 'SQL', 'V7__future_change.sql', 123, 'newer', 5, 1)");
        }
        String tableBefore = showCreateTable(db, controlSchema);
        List<String> historyBefore = history(db, controlSchema);

        assertThatThrownBy(() -> controlSchema.migrate(db.dataSource()))
                .isInstanceOf(ControlSchemaVersionException.class)
                .hasMessage("control schema " + controlSchema.name() + " is at version 7 but this onlineddl knows"
                        + " versions up to 1: upgrade onlineddl or point --control-schema elsewhere");

        assertThat(showCreateTable(db, controlSchema)).isEqualTo(tableBefore);
        assertThat(history(db, controlSchema)).isEqualTo(historyBefore);
    }

    @Test
    void theGeneratedJooqClassesMatchTheMigratedTable(TestDatabase db) throws Exception {
        ControlSchema controlSchema = freshControlSchema(db, "jooq");
        controlSchema.migrate(db.dataSource());

        List<String> generated = Arrays.stream(SCHEMA_MIGRATIONS.fields()).map(Field::getName).toList();

        List<String> migrated = VITESS_COLUMNS.lines().map(line -> line.substring(0, line.indexOf(' '))).toList();
        assertThat(generated).containsExactlyElementsOf(migrated);
        assertThat(SCHEMA_MIGRATIONS.getSchema().getName()).as("no schema name baked into the classes").isEmpty();
    }

    /** A fresh database to hold a control schema: a sibling of the class's database, dropped with it. */
    private static ControlSchema freshControlSchema(TestDatabase db, String purpose) throws SQLException {
        return new ControlSchema(db.createSiblingDatabase(purpose).name());
    }

    private static String normalizeType(String columnType) {
        // MariaDB and MySQL 5.7 print display widths of integer types, MySQL 8 does not.
        return columnType.toLowerCase().replaceAll("(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)", "$1");
    }

    private static String normalizeDefault(String columnDefault, boolean nullable) {
        if (columnDefault == null || columnDefault.equals("NULL")) {
            return nullable ? "NULL" : "none";
        }
        String value = columnDefault.toLowerCase();
        if (value.startsWith("current_timestamp")) {
            return "current_timestamp";
        }
        // MariaDB quotes string defaults ('' for the empty string), MySQL does not.
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return "'" + value.substring(1, value.length() - 1) + "'";
        }
        return value.isEmpty() ? "''" : value;
    }

    private static String showCreateTable(TestDatabase db, ControlSchema controlSchema) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW CREATE TABLE `" + controlSchema.name() + "`.`schema_migrations`")) {
            result.next();
            return result.getString(2);
        }
    }

    private static List<String> history(TestDatabase db, ControlSchema controlSchema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version, script, success FROM `" + controlSchema.name()
                        + "`.`" + ControlSchema.HISTORY_TABLE + "` ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getBoolean(3));
            }
        }
        return rows;
    }
}
