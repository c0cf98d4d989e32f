package dev.onlineddl.domain;

import java.util.Optional;

/**
 * The six strategy names Vitess knows, with exactly Vitess's capabilities. {@code online} is
 * an alias of {@code vitess}. Names are matched exactly (case-sensitive), as Vitess does.
 */
public enum BuiltInStrategy {
    VITESS("vitess", new StrategyCapabilities(true, true, true, true, false, true, true)),
    ONLINE("online", new StrategyCapabilities(true, true, true, true, false, true, true)),
    GH_OST("gh-ost", new StrategyCapabilities(false, false, true, false, true, true, true)),
    PT_OSC("pt-osc", new StrategyCapabilities(false, false, false, false, true, true, true)),
    MYSQL("mysql", new StrategyCapabilities(false, false, false, false, false, false, true)),
    DIRECT("direct", new StrategyCapabilities(false, false, false, false, false, true, false));

    /** The strategy submissions get when they name none. */
    public static final BuiltInStrategy DEFAULT = VITESS;

    private final String strategyName;
    private final StrategyCapabilities capabilities;

    BuiltInStrategy(String strategyName, StrategyCapabilities capabilities) {
        this.strategyName = strategyName;
        this.capabilities = capabilities;
    }

    public String strategyName() {
        return strategyName;
    }

    public StrategyCapabilities capabilities() {
        return capabilities;
    }

    /** vitess and online: the native vreplication engine. */
    public boolean isVreplication() {
        return this == VITESS || this == ONLINE;
    }

    public static Optional<BuiltInStrategy> byName(String name) {
        for (BuiltInStrategy strategy : values()) {
            if (strategy.strategyName.equals(name)) {
                return Optional.of(strategy);
            }
        }
        return Optional.empty();
    }
}
