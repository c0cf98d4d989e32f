package dev.onlineddl.port.out;

import dev.onlineddl.domain.InvalidInputException;
import java.util.Objects;

/**
 * The database one executor migrates, as the control schema records it on every row. Several
 * targets may share one control schema; a {@link MigrationStore} is bound to exactly one and
 * never reads or changes another's migrations.
 *
 * @param keyspace logical name (Vitess {@code keyspace}); by convention the database's name
 * @param shard shard name (Vitess {@code shard}); {@code 0} for a single primary
 * @param mysqlSchema the database the migrations change (Vitess {@code mysql_schema}); what scopes every query
 */
public record MigrationTarget(String keyspace, String shard, String mysqlSchema) {

    /** Column widths of {@code schema_migrations}. */
    public static final int MAX_KEYSPACE_LENGTH = 256;
    public static final int MAX_SHARD_LENGTH = 255;
    public static final int MAX_SCHEMA_LENGTH = 128;

    public MigrationTarget {
        requireText("keyspace", keyspace, MAX_KEYSPACE_LENGTH);
        requireText("shard", shard, MAX_SHARD_LENGTH);
        requireText("mysql_schema", mysqlSchema, MAX_SCHEMA_LENGTH);
    }

    /** The usual single-primary target: keyspace named after the database, shard {@code 0}. */
    public static MigrationTarget of(String mysqlSchema) {
        return new MigrationTarget(mysqlSchema, "0", mysqlSchema);
    }

    private static void requireText(String what, String value, int maxLength) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || value.length() > maxLength) {
            throw new InvalidInputException("invalid migration target: " + what + " '" + value
                    + "' must be 1 to " + maxLength + " characters long");
        }
    }

    @Override
    public String toString() {
        return mysqlSchema + " (keyspace " + keyspace + ", shard " + shard + ")";
    }
}
