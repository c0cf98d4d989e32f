package dev.onlineddl.domain.strategy;

import java.util.Optional;

/**
 * The thirteen flags of a v16 strategy string, with their exact spelling. A token of the options
 * is this flag when it is exactly {@code -name} or {@code --name}; there is no {@code --name=value}
 * form for these flags, so {@code --singleton=true} is not the flag but a runtime option.
 */
public enum StrategyFlag {
    DECLARATIVE("declarative"),
    /** Legacy and ignored, but still recognised so that it is never mistaken for a tool option. */
    SKIP_TOPO("skip-topo"),
    SINGLETON("singleton"),
    SINGLETON_CONTEXT("singleton-context"),
    ALLOW_ZERO_IN_DATE("allow-zero-in-date"),
    POSTPONE_LAUNCH("postpone-launch"),
    POSTPONE_COMPLETION("postpone-completion"),
    IN_ORDER_COMPLETION("in-order-completion"),
    ALLOW_CONCURRENT("allow-concurrent"),
    PREFER_INSTANT_DDL("prefer-instant-ddl"),
    FAST_RANGE_ROTATION("fast-range-rotation"),
    VREPLICATION_TEST_SUITE("vreplication-test-suite"),
    UNSAFE_ALLOW_FOREIGN_KEYS("unsafe-allow-foreign-keys");

    private final String flagName;

    StrategyFlag(String flagName) {
        this.flagName = flagName;
    }

    /** The name without dashes, e.g. {@code postpone-completion}. */
    public String flagName() {
        return flagName;
    }

    /** The spelling we write when we add the flag to a strategy string: {@code --name}. */
    public String commandLineForm() {
        return "--" + flagName;
    }

    /** Whether one shell-split token of the options is this flag ({@code -name} or {@code --name}). */
    public boolean matches(String token) {
        if (token.startsWith("--")) {
            return token.substring(2).equals(flagName);
        }
        return token.startsWith("-") && token.substring(1).equals(flagName);
    }

    /** The flag a token spells, or empty when the token is a runtime option. */
    public static Optional<StrategyFlag> fromToken(String token) {
        for (StrategyFlag flag : values()) {
            if (flag.matches(token)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return commandLineForm();
    }
}
