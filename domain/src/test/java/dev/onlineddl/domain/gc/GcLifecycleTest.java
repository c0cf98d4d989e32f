package dev.onlineddl.domain.gc;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.naming.GcState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GcLifecycleTest {

    @ParameterizedTest(name = "lifecycle ''{0}'': after {1} comes {2}")
    @CsvSource(nullValues = "none", textBlock = """
            'hold,purge,evac,drop', HOLD,  PURGE
            'hold,purge,evac,drop', PURGE, EVAC
            'hold,purge,evac,drop', EVAC,  DROP
            'hold,purge,evac,drop', DROP,  none
            'hold,drop',            HOLD,  DROP
            'hold,drop',            PURGE, DROP
            'hold,drop',            EVAC,  DROP
            'hold,evac',            HOLD,  EVAC
            'hold,evac',            PURGE, EVAC
            'purge',                HOLD,  PURGE
            'purge',                PURGE, DROP
            'drop',                 HOLD,  DROP
            '',                     EVAC,  DROP
            """)
    void theNextStateSkipsStatesTheLifecycleLeavesOut(String setting, GcState from, GcState expected) {
        assertThat(GcLifecycle.parse(setting).stateAfter(from)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(textBlock = """
            'hold,purge,evac,drop', 'hold,purge,evac,drop'
            'DROP; Hold',           'hold,drop'
            'evac purge',           'purge,evac,drop'
            '',                     'drop'
            """)
    void dropIsAlwaysPartOfTheLifecycle(String setting, String expected) {
        GcLifecycle lifecycle = GcLifecycle.parse(setting);
        assertThat(lifecycle.toString()).isEqualTo(expected);
        assertThat(lifecycle.includes(GcState.DROP)).isTrue();
        assertThat(new GcLifecycle(Set.of()).states()).containsExactly(GcState.DROP);
    }

    @Test
    void theDefaultUsesEveryState() {
        assertThat(GcLifecycle.ALL_STATES.states()).isEqualTo(EnumSet.allOf(GcState.class));
        assertThat(GcLifecycle.ALL_STATES).isEqualTo(GcLifecycle.parse("hold,purge,evac,drop"));
        assertThat(GcLifecycle.parse("hold,drop").includes(GcState.PURGE)).isFalse();
    }

    @Test
    void anUnknownStateIsRefused() {
        assertThatThrownBy(() -> GcLifecycle.parse("hold,wait,drop"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown GC state: WAIT");
    }

    @Test
    void theStatesCannotBeChangedAfterwards() {
        Set<GcState> states = EnumSet.of(GcState.HOLD);
        GcLifecycle lifecycle = new GcLifecycle(states);
        states.add(GcState.PURGE);
        assertThat(lifecycle.includes(GcState.PURGE)).isFalse();
        assertThatThrownBy(() -> lifecycle.states().add(GcState.EVAC)).isInstanceOf(UnsupportedOperationException.class);
    }
}
