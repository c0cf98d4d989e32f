package dev.onlineddl.domain.gc;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.naming.GcState;
import dev.onlineddl.domain.naming.GcTableName;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When and how a GC table moves through its lifecycle (Vitess {@code tablegc}).
 *
 * <p>The time in a GC table's name is when the table is due for the work of its state. Renames
 * into PURGE and DROP stamp "now", so that work starts at the next pass; a rename of a base table
 * into EVAC stamps now plus the evacuation period, the time its pages need to leave the buffer
 * pool before the DROP. Per state, once due:
 * <ul>
 *   <li>HOLD: rename to the next state (the hold period, the user's chance to rename it back, is over);</li>
 *   <li>PURGE: a base table has its rows deleted in batches and is renamed once empty; a view has
 *       no rows and is renamed at once;</li>
 *   <li>EVAC: rename to DROP;</li>
 *   <li>DROP: drop it.</li>
 * </ul>
 * A table in a state its lifecycle leaves out is not kept to its time: it is renamed to the next
 * state that is in the lifecycle right away, as Vitess does. Vitess would still purge the rows of
 * such a PURGE table; here it is not purged, because leaving PURGE out of the lifecycle says that
 * dropping a full table is fine (e.g. MySQL 8.0.23+ drops tables without a long lock).
 *
 * @param lifecycle   the states in use
 * @param evacPeriod  how long a base table stays in EVAC (Vitess: 72 hours, hard-coded)
 */
public record TableGcPolicy(GcLifecycle lifecycle, Duration evacPeriod) {

    /** Vitess's {@code evacHours}. */
    public static final Duration DEFAULT_EVAC_PERIOD = Duration.ofHours(72);

    /** Every state, 72 hours of EVAC: Vitess's defaults. */
    public static final TableGcPolicy DEFAULT = new TableGcPolicy(GcLifecycle.ALL_STATES, DEFAULT_EVAC_PERIOD);

    public TableGcPolicy {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(evacPeriod, "evacPeriod");
        if (evacPeriod.isNegative()) {
            throw new InvalidInputException("the GC evacuation period is " + evacPeriod
                    + "; it must not be negative: give how long a purged table waits before it is dropped");
        }
    }

    /**
     * What to do with the table now.
     *
     * @param table     the parsed GC name
     * @param baseTable whether it is a base table; false for a view, which has no rows to purge
     *                  and no pages to evacuate
     * @param now       the current time
     */
    public GcAction decide(GcTableName table, boolean baseTable, Instant now) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(now, "now");
        GcState state = table.state();
        if (!lifecycle.includes(state)) {
            return new GcAction.Rename(nameAfter(table, baseTable, now));
        }
        if (now.isBefore(table.retainUntil())) {
            return new GcAction.Wait(table.retainUntil());
        }
        return switch (state) {
            case HOLD, EVAC -> new GcAction.Rename(nameAfter(table, baseTable, now));
            case PURGE -> baseTable ? new GcAction.PurgeRows() : new GcAction.Rename(nameAfter(table, baseTable, now));
            case DROP -> new GcAction.Drop();
        };
    }

    /**
     * The name the table gets when it leaves its state now: the next state of the lifecycle, the
     * same GC uuid, and the time that state's work is due.
     *
     * @throws IllegalArgumentException for a table in DROP, which is dropped rather than renamed
     */
    public GcTableName nameAfter(GcTableName table, boolean baseTable, Instant now) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(now, "now");
        GcState next = lifecycle.stateAfter(table.state()).orElseThrow(() -> new IllegalArgumentException(
                "table " + table.name() + " is in DROP, the last GC state: it is dropped, not renamed"));
        Instant due = next == GcState.EVAC && baseTable ? now.plus(evacPeriod) : now;
        return new GcTableName(next, table.gcUuid(), due);
    }
}
