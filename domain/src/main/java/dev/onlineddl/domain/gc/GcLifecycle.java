package dev.onlineddl.domain.gc;

import dev.onlineddl.domain.naming.GcState;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The GC states a collected table goes through (Vitess {@code --table_gc_lifecycle}): a subset of
 * HOLD, PURGE, EVAC, DROP that always includes DROP. A table in a state the lifecycle leaves out
 * moves on to the next state that is in it: with {@code hold,drop} a table goes from HOLD straight
 * to DROP, without having its rows purged or waiting for the buffer pool.
 *
 * @param states the states in use; DROP is added if missing
 */
public record GcLifecycle(Set<GcState> states) {

    /** Vitess's default: every state. */
    public static final GcLifecycle ALL_STATES = new GcLifecycle(EnumSet.allOf(GcState.class));

    public GcLifecycle {
        Objects.requireNonNull(states, "GC lifecycle states");
        EnumSet<GcState> withDrop = EnumSet.of(GcState.DROP);
        withDrop.addAll(states);
        states = Collections.unmodifiableSet(withDrop);
    }

    /**
     * The lifecycle a setting asks for, e.g. {@code "hold,purge,evac,drop"} or {@code "hold drop"}
     * (Vitess {@code ParseGCLifecycle}, see {@link GcState#parseLifecycle(String)}).
     *
     * @throws dev.onlineddl.domain.InvalidInputException naming an item that is not a state
     */
    public static GcLifecycle parse(String lifecycle) {
        return new GcLifecycle(GcState.parseLifecycle(lifecycle));
    }

    public boolean includes(GcState state) {
        return states.contains(state);
    }

    /**
     * The state a table moves to when it leaves {@code state}: the next of HOLD, PURGE, EVAC, DROP
     * that this lifecycle includes; empty after DROP, which ends in the table being dropped.
     */
    public Optional<GcState> stateAfter(GcState state) {
        Objects.requireNonNull(state, "state");
        // GcState declares its constants in lifecycle order.
        GcState[] order = GcState.values();
        for (int next = state.ordinal() + 1; next < order.length; next++) {
            if (states.contains(order[next])) {
                return Optional.of(order[next]);
            }
        }
        return Optional.empty();
    }

    /** The setting that gives this lifecycle back, states in their order: {@code hold,drop}. */
    @Override
    public String toString() {
        return states.stream().map(state -> state.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
    }
}
