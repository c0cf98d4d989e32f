package dev.onlineddl.example.tests;

import dev.onlineddl.adapter.mysql.strategy.TestStrategyContext;
import dev.onlineddl.example.plugin.SlowCopyPlugin;
import dev.onlineddl.spi.StatusReporter;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyPlugin;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.tck.PluginCompatibilityKit;

/** The example third-party plugin passes the compatibility kit, adoption and postponement included. */
class SlowCopyCompatibilityIT extends PluginCompatibilityKit {

    @Override
    protected StrategyPlugin createPlugin() {
        return new SlowCopyPlugin();
    }

    @Override
    protected StrategyContext createContext(TestDatabase database, StatusReporter reporter) {
        return new TestStrategyContext(database, reporter);
    }
}
