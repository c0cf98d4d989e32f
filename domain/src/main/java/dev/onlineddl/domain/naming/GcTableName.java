package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a table gets when it is handed to table garbage collection:
 * {@code _vt_<STATE>_<32-char GC uuid>_<yyyyMMddHHmmss>}, e.g.
 * {@code _vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20231016120333}.
 *
 * <p>The timestamp is the UTC time until which the table is kept in its state (a deadline, not
 * the time of the rename). It has seconds resolution, so {@code retainUntil} is truncated to
 * whole seconds and a name parses back to an equal value.
 *
 * @param state       the GC stage the table is in
 * @param gcUuid      32 characters; a migration UUID without its underscores, or a random one
 * @param retainUntil the deadline written into the name
 */
public record GcTableName(GcState state, String gcUuid, Instant retainUntil) {

    /**
     * Vitess's pattern, with its {@code [0-f]} class (ASCII '0'..'f', see {@link MigrationUuid}):
     * a GC name made from any UUID Vitess accepts is recognised.
     */
    private static final Pattern GC_UUID = Pattern.compile("[0-f]{32}");
    private static final Pattern GC_TABLE_NAME = Pattern.compile("_vt_(HOLD|PURGE|EVAC|DROP)_([0-f]{32})_([0-9]{14})");

    public GcTableName {
        Objects.requireNonNull(state, "GC state");
        Objects.requireNonNull(gcUuid, "GC uuid");
        Objects.requireNonNull(retainUntil, "retain-until time");
        if (!GC_UUID.matcher(gcUuid).matches()) {
            throw new InvalidInputException("Not a valid GC UUID format: " + gcUuid
                    + ": expected 32 hex digits, a migration UUID without its underscores");
        }
        retainUntil = retainUntil.truncatedTo(ChronoUnit.SECONDS);
        // fail now rather than when the name is first needed
        ReadableTimestamp.format(retainUntil, ZoneOffset.UTC);
    }

    /** The name for a table that belongs to a migration: its UUID marks the table as the migration's. */
    public static GcTableName of(GcState state, MigrationUuid migration, Instant retainUntil) {
        Objects.requireNonNull(migration, "migration");
        return new GcTableName(state, migration.gcForm(), retainUntil);
    }

    /**
     * A name with a fresh random time-based UUID (Vitess {@code GenerateGCTableName}), for tables
     * that belong to no migration in particular (sentry, comparison and swap tables).
     */
    public static GcTableName random(GcState state, Instant now, Duration retention, RandomGenerator random) {
        return of(state, MigrationUuid.generate(now, random), now.plus(retention));
    }

    /**
     * Where a DROP TABLE migration puts the table instead of dropping it: HOLD, with the
     * migration's UUID, kept for the retention period from now.
     */
    public static GcTableName heldAfterDrop(MigrationUuid migration, Instant now, Duration retention) {
        return of(GcState.HOLD, migration, now.plus(retention));
    }

    /**
     * Where the artifact garbage collector moves a migration's {@code artifactIndex}-th artifact
     * table: PURGE, with the migration's UUID. All artifacts share that UUID, so the timestamp
     * (now plus the index in seconds) is what keeps their names apart.
     */
    public static GcTableName purgedArtifact(MigrationUuid migration, Instant now, int artifactIndex) {
        if (artifactIndex < 0) {
            throw new IllegalArgumentException("artifact index must not be negative: " + artifactIndex);
        }
        return of(GcState.PURGE, migration, now.plusSeconds(artifactIndex));
    }

    /** Vitess's {@code IsGCTableName}. */
    public static boolean isGcTableName(String tableName) {
        return tableName != null && GC_TABLE_NAME.matcher(tableName).matches();
    }

    /**
     * Vitess's {@code AnalyzeGCTableName}: the parts of a GC table name, or empty when the name
     * is not one.
     *
     * @throws InvalidInputException when the name has the GC shape but its 14 digits are not a
     *         real time (e.g. month 13): such a table is not ours to collect, and the caller should
     *         say so rather than treat it as an ordinary table
     */
    public static Optional<GcTableName> analyze(String tableName) {
        if (tableName == null) {
            return Optional.empty();
        }
        Matcher matcher = GC_TABLE_NAME.matcher(tableName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Instant retainUntil = ReadableTimestamp.parseUtc(matcher.group(3)).orElseThrow(() -> new InvalidInputException(
                "table " + tableName + " looks like a GC table but its timestamp " + matcher.group(3)
                        + " is not a valid yyyyMMddHHmmss time: rename or drop it by hand"));
        return Optional.of(new GcTableName(GcState.valueOf(matcher.group(1)), matcher.group(2), retainUntil));
    }

    /** The table name itself. */
    public String name() {
        return "_vt_" + state.name() + '_' + gcUuid + '_' + ReadableTimestamp.format(retainUntil, ZoneOffset.UTC);
    }

    /**
     * {@code RENAME TABLE `<from>` TO `<this name>`}. Vitess leaves the target unquoted; we quote
     * both: MySQL resolves a quoted plain name to the very same table, and the GC uuid's
     * {@code [0-f]} class admits a backtick, which unquoted would break the statement.
     */
    public String renameStatement(String fromTable) {
        return "RENAME TABLE " + Identifiers.quote(fromTable) + " TO " + Identifiers.quote(name());
    }

    @Override
    public String toString() {
        return name();
    }
}
