package dev.onlineddl.domain.strategy;

import dev.onlineddl.domain.StrategyCapabilities;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Strategy names beyond the six built-in ones that a caller accepts, with their capabilities:
 * how plugins add strategies. The built-in names are always known and always keep Vitess's
 * capabilities, whatever this lookup says about them.
 */
@FunctionalInterface
public interface KnownStrategies {

    /** The capabilities of a strategy this lookup knows, or empty. */
    Optional<StrategyCapabilities> capabilitiesOf(String strategyName);

    /** Knows no names: only the built-in strategies parse. */
    static KnownStrategies builtInOnly() {
        return name -> Optional.empty();
    }

    /** Knows exactly the names of the map (copied). */
    static KnownStrategies of(Map<String, StrategyCapabilities> capabilitiesByName) {
        Map<String, StrategyCapabilities> copy = Map.copyOf(Objects.requireNonNull(capabilitiesByName, "capabilitiesByName"));
        return name -> Optional.ofNullable(copy.get(name));
    }
}
