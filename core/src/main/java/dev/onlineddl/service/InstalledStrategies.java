package dev.onlineddl.service;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.spi.StrategyEngine;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engines of the installed strategies, by strategy name, and what the core reads of a row's strategy. */
public final class InstalledStrategies {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledStrategies.class);

    private final StrategyRegistry registry;
    private final Map<String, StrategyEngine> engines;
    private final AtomicBoolean closed = new AtomicBoolean();

    InstalledStrategies(StrategyRegistry registry, Map<String, StrategyEngine> engines) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.engines = Collections.unmodifiableMap(engines);
    }

    public StrategyRegistry registry() {
        return registry;
    }

    /** The engine running migrations of this strategy; empty when no plugin provides it. */
    public Optional<StrategyEngine> engine(String strategyName) {
        return Optional.ofNullable(engines.get(strategyName));
    }

    /** The engines by strategy name. */
    public Map<String, StrategyEngine> engines() {
        return engines;
    }

    /**
     * The stored migration's strategy string, parsed. Empty when its strategy is neither built in
     * nor installed any more (its plugin was removed after the migration was submitted).
     *
     * @throws InvalidInputException when the stored options are not valid for the strategy
     */
    public Optional<StrategySetting> settingOf(Migration migration) {
        return registry.capabilitiesOf(migration.strategy())
                .map(capabilities -> new StrategySetting(migration.strategy(), migration.options(), capabilities));
    }

    /**
     * Closes every engine once ({@link StrategyEngine#close()}), also one that serves several
     * strategies; later calls do nothing. An engine that throws is logged and the others are
     * closed all the same: one broken plugin must not keep the others' threads alive. Errors
     * count too (a plugin jar lacking a class fails with a {@link LinkageError}); only the JVM
     * failing itself ({@link VirtualMachineError}) stops the loop.
     */
    void closeEngines() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Set<StrategyEngine> closedEngines = Collections.newSetFromMap(new IdentityHashMap<>());
        engines.forEach((strategy, engine) -> {
            if (!closedEngines.add(engine)) {
                return;
            }
            try {
                engine.close();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (RuntimeException | Error e) {
                LOG.error("closing the engine of strategy {} ({}) failed; closing the other engines all the same", strategy,
                        engine.getClass().getName(), e);
            }
        });
    }

    /** A strategy's capabilities, or the minimal ones for a strategy nobody provides any more. */
    public StrategyCapabilities capabilitiesOrMinimal(String strategyName) {
        return registry.capabilitiesOf(strategyName).orElse(StrategyCapabilities.MINIMAL);
    }
}
