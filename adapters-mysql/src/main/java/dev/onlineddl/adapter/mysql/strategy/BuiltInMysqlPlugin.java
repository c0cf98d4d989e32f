package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;

import java.util.List;
import java.util.Objects;

/**
 * The built-in {@code mysql} and {@code direct} strategies, with exactly Vitess's capabilities.
 * Registered in {@code META-INF/services/dev.onlineddl.spi.StrategyPlugin} like any third-party
 * plugin, so the core knows no more about them than about any other strategy.
 */
public final class BuiltInMysqlPlugin implements StrategyPlugin {

    public static final StrategyDescriptor MYSQL =
            new StrategyDescriptor(BuiltInStrategy.MYSQL.strategyName(), BuiltInStrategy.MYSQL.capabilities());
    public static final StrategyDescriptor DIRECT =
            new StrategyDescriptor(BuiltInStrategy.DIRECT.strategyName(), BuiltInStrategy.DIRECT.capabilities());

    @Override
    public List<StrategyDescriptor> strategies() {
        return List.of(MYSQL, DIRECT);
    }

    @Override
    public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
        Objects.requireNonNull(strategy, "strategy");
        if (strategy.equals(MYSQL)) {
            return new MysqlStrategyEngine(context);
        }
        if (strategy.equals(DIRECT)) {
            return new DirectStrategyEngine(context);
        }
        // Capabilities count too: a "mysql" with other capabilities is not the built-in strategy.
        throw new IllegalArgumentException("the built-in MySQL plugin provides the strategies " + MYSQL.name() + " and "
                + DIRECT.name() + ", not " + strategy);
    }
}
