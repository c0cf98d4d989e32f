package dev.onlineddl.domain.gc;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.naming.GcState;
import dev.onlineddl.domain.naming.GcTableName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableGcPolicyTest {

    private static final String GC_UUID = "dd2164646b5211eeba7c0a43f95f28a3";
    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
    private static final Duration EVAC = Duration.ofHours(72);

    /**
     * One row per situation: the table's state, its name's time relative to now (seconds), base
     * table or view, the lifecycle; then the action, the state it is renamed to and that name's
     * time relative to now (seconds).
     */
    @ParameterizedTest(name = "{0} due {1}s, base table {2}, lifecycle ''{3}'' -> {4} {5} {6}")
    @CsvSource(nullValues = "-", textBlock = """
            HOLD,   60, true,  'hold,purge,evac,drop', WAIT,   -,     60
            HOLD,    0, true,  'hold,purge,evac,drop', RENAME, PURGE,  0
            HOLD,  -60, true,  'hold,purge,evac,drop', RENAME, PURGE,  0
            HOLD,  -60, false, 'hold,purge,evac,drop', RENAME, PURGE,  0
            PURGE,   1, true,  'hold,purge,evac,drop', WAIT,   -,      1
            PURGE,   0, true,  'hold,purge,evac,drop', PURGE,  -,      -
            PURGE, -60, true,  'hold,purge,evac,drop', PURGE,  -,      -
            PURGE, -60, false, 'hold,purge,evac,drop', RENAME, EVAC,   0
            EVAC,   60, true,  'hold,purge,evac,drop', WAIT,   -,     60
            EVAC,    0, true,  'hold,purge,evac,drop', RENAME, DROP,   0
            EVAC,  -60, false, 'hold,purge,evac,drop', RENAME, DROP,   0
            DROP,   60, true,  'hold,purge,evac,drop', WAIT,   -,     60
            DROP,    0, true,  'hold,purge,evac,drop', DROP,   -,      -
            DROP,  -60, false, 'hold,purge,evac,drop', DROP,   -,      -
            HOLD,   60, true,  'hold,drop',            WAIT,   -,     60
            HOLD,  -60, true,  'hold,drop',            RENAME, DROP,   0
            PURGE,  60, true,  'hold,drop',            RENAME, DROP,   0
            PURGE, -60, true,  'hold,drop',            RENAME, DROP,   0
            EVAC,   60, true,  'hold,drop',            RENAME, DROP,   0
            DROP,    0, true,  'hold,drop',            DROP,   -,      -
            HOLD,  -60, true,  'hold,evac,drop',       RENAME, EVAC,   259200
            HOLD,  -60, false, 'hold,evac,drop',       RENAME, EVAC,   0
            PURGE,  60, true,  'hold,evac,drop',       RENAME, EVAC,   259200
            HOLD,   60, true,  'purge,drop',           RENAME, PURGE,  0
            HOLD,   60, true,  'drop',                 RENAME, DROP,   0
            """)
    void decidesByStateTimeAndLifecycle(GcState state, long dueInSeconds, boolean baseTable, String lifecycle,
            String action, GcState renamedTo, Long renamedDueInSeconds) {
        TableGcPolicy policy = new TableGcPolicy(GcLifecycle.parse(lifecycle), EVAC);
        GcTableName table = new GcTableName(state, GC_UUID, NOW.plusSeconds(dueInSeconds));

        GcAction decided = policy.decide(table, baseTable, NOW);

        GcAction expected = switch (action) {
            case "WAIT" -> new GcAction.Wait(NOW.plusSeconds(renamedDueInSeconds));
            case "RENAME" -> new GcAction.Rename(new GcTableName(renamedTo, GC_UUID, NOW.plusSeconds(renamedDueInSeconds)));
            case "PURGE" -> new GcAction.PurgeRows();
            case "DROP" -> new GcAction.Drop();
            default -> throw new IllegalArgumentException("unknown action in the table: " + action);
        };
        assertThat(decided).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a {1} table leaving {0} goes to {2}, due in {3}s")
    @CsvSource(textBlock = """
            HOLD,  true,  PURGE, 0
            PURGE, true,  EVAC,  259200
            PURGE, false, EVAC,  0
            EVAC,  true,  DROP,  0
            """)
    void aPurgedTableWaitsTheEvacuationPeriodUnderTheSameUuid(GcState from, boolean baseTable, GcState to, long dueInSeconds) {
        GcTableName table = new GcTableName(from, GC_UUID, NOW.minusSeconds(5));
        GcTableName next = TableGcPolicy.DEFAULT.nameAfter(table, baseTable, NOW);
        assertThat(next).isEqualTo(new GcTableName(to, GC_UUID, NOW.plusSeconds(dueInSeconds)));
        assertThat(next.name()).startsWith("_vt_" + to + "_" + GC_UUID + "_");
    }

    @Test
    void aTableInDropIsNotRenamed() {
        GcTableName dropped = new GcTableName(GcState.DROP, GC_UUID, NOW);
        assertThatThrownBy(() -> TableGcPolicy.DEFAULT.nameAfter(dropped, true, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dropped.name())
                .hasMessageContaining("dropped, not renamed");
    }

    @Test
    void nameTimesKeepWholeSecondsSoAFreshDropIsDueAtOnce() {
        Instant midSecond = NOW.plusMillis(700);
        GcTableName evac = new GcTableName(GcState.EVAC, GC_UUID, NOW.minusSeconds(1));
        GcTableName drop = ((GcAction.Rename) TableGcPolicy.DEFAULT.decide(evac, true, midSecond)).to();
        assertThat(drop.retainUntil()).isEqualTo(NOW);
        assertThat(TableGcPolicy.DEFAULT.decide(drop, true, midSecond)).isEqualTo(new GcAction.Drop());
    }

    @Test
    void theDefaultsAreVitesss() {
        assertThat(TableGcPolicy.DEFAULT.lifecycle()).isEqualTo(GcLifecycle.ALL_STATES);
        assertThat(TableGcPolicy.DEFAULT.evacPeriod()).isEqualTo(Duration.ofHours(72));
        assertThat(new TableGcPolicy(GcLifecycle.ALL_STATES, Duration.ZERO).evacPeriod()).isZero();
    }

    @Test
    void aNegativeEvacuationPeriodIsRefused() {
        assertThatThrownBy(() -> new TableGcPolicy(GcLifecycle.ALL_STATES, Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void actionsNeedTheirValues() {
        assertThatThrownBy(() -> new GcAction.Wait(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new GcAction.Rename(null)).isInstanceOf(NullPointerException.class);
    }
}
