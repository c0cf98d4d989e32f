package dev.onlineddl.service.it;

import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A strategy plugin of the executor tests, written against the SPI only: its engines run an ALTER
 * the way an online strategy is driven (start, copy, ready to complete, cut over when the core says
 * so), with the copy and the cut-over under the test's control. It stands in for {@code vitess},
 * which needs the vreplication engine of a later issue.
 */
final class TestAlterPlugin implements StrategyPlugin, AutoCloseable {

    /** The stand-in for vitess: revertible, concurrent, postponable, adoptable, like vitess. */
    static final String ONLINE = "online-test";
    /** A strategy that can do none of that (like gh-ost or pt-osc for the core's rules). */
    static final String PLAIN = "plain-test";

    static final StrategyCapabilities ONLINE_CAPABILITIES = new StrategyCapabilities(true, true, true, true, false, true, true);

    private final Map<String, TestAlterEngine> engines = new ConcurrentHashMap<>();

    @Override
    public List<StrategyDescriptor> strategies() {
        return List.of(new StrategyDescriptor(ONLINE, ONLINE_CAPABILITIES), new StrategyDescriptor(PLAIN, StrategyCapabilities.MINIMAL));
    }

    @Override
    public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
        TestAlterEngine engine = new TestAlterEngine(context, strategy.name());
        engines.put(strategy.name(), engine);
        return engine;
    }

    TestAlterEngine engine(String strategy) {
        TestAlterEngine engine = engines.get(strategy);
        if (engine == null) {
            throw new IllegalStateException("no engine for " + strategy + " was created: was the executor built?");
        }
        return engine;
    }

    @Override
    public void close() {
        engines.values().forEach(TestAlterEngine::close);
    }
}
