package dev.onlineddl.service;

import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;
import java.util.ArrayList;
import java.util.List;

/**
 * A plugin for registry tests: claims the names it is given and remembers the contexts its engines
 * were created with. Its engines run nothing (registry tests never start a migration).
 */
class RecordingPlugin implements StrategyPlugin {

    private final List<StrategyDescriptor> strategies;
    final List<StrategyContext> contexts = new ArrayList<>();

    RecordingPlugin(String... names) {
        List<StrategyDescriptor> descriptors = new ArrayList<>();
        for (String name : names) {
            descriptors.add(new StrategyDescriptor(name, StrategyCapabilities.MINIMAL));
        }
        this.strategies = List.copyOf(descriptors);
    }

    RecordingPlugin(List<StrategyDescriptor> strategies) {
        this.strategies = strategies;
    }

    @Override
    public List<StrategyDescriptor> strategies() {
        return strategies;
    }

    @Override
    public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
        contexts.add(context);
        return new IdleEngine(strategy.name());
    }

    /** An engine that never has anything running. */
    record IdleEngine(String strategy) implements StrategyEngine {
        @Override
        public void start(MigrationRun run) {
            throw new UnsupportedOperationException("registry test engine " + strategy + " runs nothing");
        }

        @Override
        public Probe probe(MigrationRun run) {
            return new Probe.NotRunning();
        }

        @Override
        public void complete(MigrationRun run) {
        }

        @Override
        public boolean terminate(MigrationRun run) {
            return false;
        }
    }
}
