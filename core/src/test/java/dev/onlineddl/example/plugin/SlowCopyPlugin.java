package dev.onlineddl.example.plugin;

import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;

import java.util.List;
import java.util.Objects;

/**
 * The {@code slow-copy} strategy: copies the table into an altered shadow table in small chunks
 * while triggers carry over concurrent writes, waits for the core's go-ahead, then swaps the
 * tables with one RENAME. It can postpone its cut-over and be adopted after a restart (its copy
 * position is kept in a checkpoint table); it cannot revert, run beside other ALTERs or lift
 * zero-date checks.
 *
 * <p>Registered in {@code META-INF/services/dev.onlineddl.spi.StrategyPlugin} of the test
 * resources.
 */
public final class SlowCopyPlugin implements StrategyPlugin {

    public static final String STRATEGY_NAME = "slow-copy";
    public static final StrategyDescriptor SLOW_COPY = new StrategyDescriptor(STRATEGY_NAME,
            new StrategyCapabilities(false, false, true, true, false, false, true));

    @Override
    public List<StrategyDescriptor> strategies() {
        return List.of(SLOW_COPY);
    }

    @Override
    public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
        if (!SLOW_COPY.equals(strategy)) {
            throw new IllegalArgumentException("the slow-copy plugin provides " + SLOW_COPY + ", not " + strategy);
        }
        return new SlowCopyEngine(Objects.requireNonNull(context, "context"));
    }
}
