package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.MigrationUuid;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names of the tables a migration creates next to the migrated table (its artifacts), per
 * strategy, and the tests that recognise such tables so they are never migrated themselves.
 *
 * <p>The timestamps in these names are the <em>local</em> time of the server running the
 * migration, as in Vitess (unlike GC names, which use UTC): callers pass the zone explicitly.
 */
public final class ArtifactNames {

    /**
     * Vitess's {@code IsOnlineDDLTableName}: a UUID-and-timestamp artifact of any strategy, or
     * anything pt-osc may have left behind as its old table.
     */
    private static final Pattern ONLINE_DDL_TABLE_NAME = Pattern.compile(
            "_[0-f]{8}_[0-f]{4}_[0-f]{4}_[0-f]{4}_[0-f]{12}_[0-9]{14}_(?:gho|ghc|del|new|vrepl)");
    private static final Pattern PT_OSC_OLD_TABLE_NAME = Pattern.compile("_.*_old");

    private ArtifactNames() {
    }

    /** The tables gh-ost creates: its ghost (shadow) table, its changelog table and the old table it renames away. */
    public record GhostTables(String ghost, String changelog, String deleted) {
        public GhostTables {
            Objects.requireNonNull(ghost, "ghost table");
            Objects.requireNonNull(changelog, "changelog table");
            Objects.requireNonNull(deleted, "deleted table");
        }

        /** In the order Vitess records them as artifacts. */
        public List<String> all() {
            return List.of(ghost, changelog, deleted);
        }
    }

    /**
     * The tables pt-osc creates: its new (shadow) table, and the names it may give the original
     * table when swapping: {@code _<table>_old}, or with a second leading underscore when that is taken.
     */
    public record PtOscTables(String newTable, String oldTable, String oldTableIfTaken) {
        public PtOscTables {
            Objects.requireNonNull(newTable, "new table");
            Objects.requireNonNull(oldTable, "old table");
            Objects.requireNonNull(oldTableIfTaken, "old table if taken");
        }

        /** In the order Vitess records them as artifacts. */
        public List<String> all() {
            return List.of(oldTable, oldTableIfTaken, newTable);
        }
    }

    /**
     * The vreplication (vitess/online) shadow table: {@code _<uuid>_<yyyyMMddHHmmss>_vrepl}, e.g.
     * {@code _c26f3b5e_6b50_11ee_808b_0a43f95f28a3_20231015114830_vrepl}. Always 58 characters.
     */
    public static String vreplicationShadowTable(MigrationUuid migration, Instant now, ZoneId zone) {
        return uuidTimestampName(migration, now, zone, "vrepl");
    }

    /**
     * gh-ost's tables, named for it through {@code --force-table-names=<uuid>_<timestamp>}:
     * {@code _<uuid>_<timestamp>_gho}, {@code _ghc}, {@code _del}. Always 56 characters each.
     */
    public static GhostTables ghostTables(MigrationUuid migration, Instant now, ZoneId zone) {
        return new GhostTables(
                uuidTimestampName(migration, now, zone, "gho"),
                uuidTimestampName(migration, now, zone, "ghc"),
                uuidTimestampName(migration, now, zone, "del"));
    }

    /**
     * pt-osc's tables for migrating {@code table}: {@code _<uuid>_<timestamp>_new} (we choose it,
     * through {@code --new-table-name}), {@code _<table>_old} and {@code __<table>_old} (pt-osc
     * chooses them).
     *
     * @throws dev.onlineddl.domain.InvalidInputException when the old-table names would exceed
     *         MySQL's 64 characters, i.e. for tables of more than 58 characters
     */
    public static PtOscTables ptOscTables(MigrationUuid migration, String table, Instant now, ZoneId zone) {
        Objects.requireNonNull(table, "table");
        if (table.isEmpty()) {
            throw new IllegalArgumentException("table name must not be empty");
        }
        return new PtOscTables(
                uuidTimestampName(migration, now, zone, "new"),
                requireFits("_" + table + "_old", table),
                requireFits("__" + table + "_old", table));
    }

    /** Vitess's {@code IsOnlineDDLTableName}: a table some migration created as an artifact. */
    public static boolean isOnlineDdlTableName(String tableName) {
        return tableName != null
                && (ONLINE_DDL_TABLE_NAME.matcher(tableName).matches() || PT_OSC_OLD_TABLE_NAME.matcher(tableName).matches());
    }

    /**
     * Vitess's {@code IsInternalOperationTableName}: a GC table or a migration artifact. Such
     * tables are never the subject of a migration.
     */
    public static boolean isInternalOperationTableName(String tableName) {
        return GcTableName.isGcTableName(tableName) || isOnlineDdlTableName(tableName);
    }

    private static String uuidTimestampName(MigrationUuid migration, Instant now, ZoneId zone, String kind) {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        // fixed length (1 + 36 + 1 + 14 + 1 + at most 5 = 58), so no length check is needed
        return "_" + migration.value() + '_' + ReadableTimestamp.format(now, zone) + '_' + kind;
    }

    private static String requireFits(String artifactName, String table) {
        return Identifiers.requireWithinLengthLimit(artifactName, "pt-osc artifact table name for table '" + table + "'",
                "migrate a table with a name of at most " + (Identifiers.MAX_IDENTIFIER_LENGTH - 6)
                        + " characters with pt-osc, or use the vitess strategy");
    }
}
