package dev.onlineddl.adapter.vreplication;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyException;
import dev.onlineddl.spi.StrategyPlugin;
import java.util.List;

/** Provides {@code vitess} and its alias {@code online}, with Vitess's capabilities for them. */
public final class VReplicationPlugin implements StrategyPlugin {

    @Override
    public List<StrategyDescriptor> strategies() {
        return List.of(descriptor(BuiltInStrategy.VITESS), descriptor(BuiltInStrategy.ONLINE));
    }

    private static StrategyDescriptor descriptor(BuiltInStrategy strategy) {
        return new StrategyDescriptor(strategy.strategyName(), strategy.capabilities());
    }

    @Override
    public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
        EngineSettings settings;
        try {
            settings = EngineSettings.from(context::setting);
        } catch (IllegalArgumentException e) {
            throw new StrategyException("the " + strategy.name() + " strategy cannot start: " + e.getMessage());
        }
        return new VReplicationEngine(context, settings);
    }
}
