package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.spi.StatusReporter;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyPlugin;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.tck.PluginCompatibilityKit;

/** The built-in plugin keeps the SPI contract, checked for its queued strategy, mysql. */
class MysqlStrategyCompatibilityIT extends PluginCompatibilityKit {

    @Override
    protected StrategyPlugin createPlugin() {
        return new BuiltInMysqlPlugin();
    }

    @Override
    protected StrategyContext createContext(TestDatabase database, StatusReporter reporter) {
        return new TestStrategyContext(database, reporter);
    }

    @Override
    protected String strategyUnderTest() {
        return BuiltInMysqlPlugin.MYSQL.name();
    }
}
