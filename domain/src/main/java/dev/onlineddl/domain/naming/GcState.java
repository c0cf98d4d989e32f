package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The stages of table garbage collection a renamed-away table goes through (Vitess
 * {@code TableGCState}); the state is part of the table's name.
 */
public enum GcState {
    /** Just renamed away; data intact, the user may rename it back. A safety period. */
    HOLD,
    /** Rows are being purged; the table is lost to the user. */
    PURGE,
    /** Waiting for the table's pages to leave the buffer pool before dropping it. */
    EVAC,
    /** To be dropped, probably right away. */
    DROP;

    /** The state named exactly as in table names (upper case), if any. */
    public static Optional<GcState> byName(String name) {
        for (GcState state : values()) {
            if (state.name().equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /**
     * The states a GC lifecycle setting asks for (Vitess {@code ParseGCLifecycle}): items separated
     * by spaces, commas or semicolons, case-insensitive. DROP is always included, because a
     * lifecycle that never drops would keep tables forever.
     *
     * @throws InvalidInputException naming the first item that is not a state
     */
    public static Set<GcState> parseLifecycle(String lifecycle) {
        Objects.requireNonNull(lifecycle, "GC lifecycle");
        Set<GcState> states = EnumSet.of(DROP);
        for (String token : Identifiers.splitDelimitedList(lifecycle)) {
            String upper = token.toUpperCase(Locale.ROOT);
            states.add(byName(upper).orElseThrow(() -> new InvalidInputException(
                    "Unknown GC state: " + upper + " in GC lifecycle '" + lifecycle
                            + "': use a list of HOLD, PURGE, EVAC, DROP")));
        }
        return Collections.unmodifiableSet(states);
    }
}
