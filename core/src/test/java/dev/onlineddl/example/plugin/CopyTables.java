package dev.onlineddl.example.plugin;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.ArtifactNames;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The names one migration works with. They are derived from the stored migration alone, so an
 * engine adopting it after a restart finds the tables and triggers its predecessor made.
 *
 * @param schema     the migrated table's database
 * @param table      the migrated table
 * @param shadow     the altered copy that replaces {@code table} at cut-over
 * @param checkpoint one row: how far the copy got, so an adopting engine resumes there
 * @param old        what {@code table} is renamed to at cut-over
 * @param insertTrigger, updateTrigger, deleteTrigger carry writes to {@code table} over to {@code shadow}
 */
record CopyTables(String schema, String table, String shadow, String checkpoint, String old,
                  String insertTrigger, String updateTrigger, String deleteTrigger) {

    CopyTables {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /** @param targetSchema the executor's database, for a migration row that names none */
    static CopyTables of(Migration migration, String targetSchema) {
        MigrationUuid uuid = migration.uuid();
        // Named like gh-ost's tables, which the core knows as artifacts and never migrates itself.
        // The time in the name comes from the row, not the clock, so that an adopting engine
        // finds the tables; each retry counts a second on, so that it does not find the tables of
        // the attempt that failed (they are artifacts, collected later).
        Instant requested = migration.requestedTimestamp() != null ? migration.requestedTimestamp()
                : Objects.requireNonNullElse(migration.addedTimestamp(), Instant.EPOCH);
        ArtifactNames.GhostTables names = ArtifactNames.ghostTables(uuid, requested.plusSeconds(migration.retries()),
                ZoneOffset.UTC);
        String triggerPrefix = "_" + uuid.gcForm() + "_";
        String schema = migration.mysqlSchema().isEmpty() ? targetSchema : migration.mysqlSchema();
        return new CopyTables(schema, migration.mysqlTable(), names.ghost(), names.changelog(),
                names.deleted(), triggerPrefix + "ins", triggerPrefix + "upd", triggerPrefix + "del");
    }

    String describe() {
        return "`" + schema + "`.`" + table + "`";
    }
}
