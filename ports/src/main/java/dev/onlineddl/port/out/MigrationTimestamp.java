package dev.onlineddl.port.out;

/**
 * The timestamps of a migration that the executor stamps with the server's current time (Vitess
 * {@code sqlUpdateMigrationTimestamp}). {@code started_timestamp} is not here: it is only ever set
 * once, together with liveness, by {@link MigrationStore#markStarted}.
 */
public enum MigrationTimestamp {
    /** A status report said the migration is ready. */
    READY,
    /** Last sign of life; a running migration without one for long is stale. */
    LIVENESS,
    /** Set when the migration completes and when it fails. */
    COMPLETED,
    /** Set by a user's cancel; decides "cancelled" over "failed". */
    CANCELLED,
    /** The artifacts were collected. */
    CLEANUP,
    /** The queued migration was reviewed and may now be scheduled. */
    REVIEWED
}
