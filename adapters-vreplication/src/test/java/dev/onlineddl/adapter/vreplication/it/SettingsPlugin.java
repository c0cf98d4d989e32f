package dev.onlineddl.adapter.vreplication.it;

import dev.onlineddl.adapter.vreplication.EngineSettings;
import dev.onlineddl.adapter.vreplication.VReplicationEngine;
import dev.onlineddl.adapter.vreplication.VReplicationPlugin;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;
import java.util.List;

/** The vreplication plugin with settings of a test's choosing. */
final class SettingsPlugin implements StrategyPlugin {

    private final EngineSettings settings;

    SettingsPlugin(EngineSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<StrategyDescriptor> strategies() {
        return new VReplicationPlugin().strategies();
    }

    @Override
    public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
        return new VReplicationEngine(context, settings);
    }
}
