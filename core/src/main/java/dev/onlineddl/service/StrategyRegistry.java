package dev.onlineddl.service;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.domain.strategy.KnownStrategies;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The installed strategy plugins and the strategy names they claim. Built from the plugins
 * {@link ServiceLoader} finds (how the daemon runs) or from an explicit list (embedding, tests).
 * Construction checks that the plugins fit together; {@link #install(StrategyContext)} then creates
 * one engine per strategy.
 *
 * <p>A plugin may claim a built-in name ({@code mysql}, {@code direct}, {@code vitess} ... are
 * plugins too), but only with exactly Vitess's capabilities for it: the rules and the strategy
 * parser rely on them.
 */
public final class StrategyRegistry {

    private final Map<String, Claim> claims;

    private StrategyRegistry(Map<String, Claim> claims) {
        this.claims = Collections.unmodifiableMap(claims);
    }

    /** One strategy name and the plugin that claims it. */
    private record Claim(StrategyDescriptor descriptor, StrategyPlugin plugin) {
    }

    /**
     * The plugins listed in {@code META-INF/services/dev.onlineddl.spi.StrategyPlugin} on the
     * class path of {@code classLoader}.
     *
     * @throws StrategyRegistrationException when a plugin cannot be loaded or the plugins conflict
     */
    public static StrategyRegistry discover(ClassLoader classLoader) {
        Objects.requireNonNull(classLoader, "classLoader");
        List<StrategyPlugin> plugins = new ArrayList<>();
        try {
            for (StrategyPlugin plugin : ServiceLoader.load(StrategyPlugin.class, classLoader)) {
                plugins.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new StrategyRegistrationException("a strategy plugin could not be loaded: " + e.getMessage()
                    + ". Check the plugin's META-INF/services/" + StrategyPlugin.class.getName()
                    + " entry and that its class has a public no-argument constructor", e);
        }
        return of(plugins);
    }

    /**
     * Exactly these plugins.
     *
     * @throws StrategyRegistrationException when two plugins claim one name, a plugin claims no
     *         strategy or one name twice, or redefines a built-in strategy's capabilities
     */
    public static StrategyRegistry of(List<? extends StrategyPlugin> plugins) {
        Objects.requireNonNull(plugins, "plugins");
        Map<String, Claim> claims = new TreeMap<>();
        for (StrategyPlugin plugin : plugins) {
            Objects.requireNonNull(plugin, "plugin");
            List<StrategyDescriptor> strategies = describedStrategies(plugin);
            for (StrategyDescriptor descriptor : strategies) {
                Claim earlier = claims.get(descriptor.name());
                if (earlier != null) {
                    throw new StrategyRegistrationException(earlier.plugin() == plugin
                            ? "strategy plugin " + className(plugin) + " lists strategy " + descriptor.name()
                                    + " twice: list each strategy once"
                            : "strategy " + descriptor.name() + " is claimed by two plugins: " + className(earlier.plugin())
                                    + " and " + className(plugin) + ". Remove one of them from the class path");
                }
                checkBuiltInCapabilities(descriptor, plugin);
                claims.put(descriptor.name(), new Claim(descriptor, plugin));
            }
        }
        return new StrategyRegistry(claims);
    }

    private static List<StrategyDescriptor> describedStrategies(StrategyPlugin plugin) {
        List<StrategyDescriptor> strategies;
        try {
            strategies = plugin.strategies();
        } catch (RuntimeException e) {
            throw new StrategyRegistrationException("strategy plugin " + className(plugin)
                    + " failed to list its strategies: " + e.getMessage(), e);
        }
        if (strategies == null || strategies.isEmpty()) {
            throw new StrategyRegistrationException("strategy plugin " + className(plugin)
                    + " provides no strategy: its strategies() must name at least one");
        }
        return strategies;
    }

    private static void checkBuiltInCapabilities(StrategyDescriptor descriptor, StrategyPlugin plugin) {
        Optional<BuiltInStrategy> builtIn = BuiltInStrategy.byName(descriptor.name());
        if (builtIn.isPresent() && !builtIn.get().capabilities().equals(descriptor.capabilities())) {
            throw new StrategyRegistrationException("strategy plugin " + className(plugin) + " declares built-in strategy "
                    + descriptor.name() + " with capabilities " + descriptor.capabilities() + ", but " + descriptor.name()
                    + " has fixed capabilities " + builtIn.get().capabilities()
                    + ": declare BuiltInStrategy." + builtIn.get().name() + ".capabilities()");
        }
    }

    private static String className(StrategyPlugin plugin) {
        return plugin.getClass().getName();
    }

    /** The plugins' strategy names, for parsing strategy strings (built-in names are always known). */
    public KnownStrategies knownStrategies() {
        return name -> Optional.ofNullable(claims.get(name)).map(claim -> claim.descriptor().capabilities());
    }

    /** Whether a plugin provides this strategy, so that migrations of it can run. */
    public boolean isInstalled(String strategyName) {
        return claims.containsKey(strategyName);
    }

    /** The names plugins provide, sorted. */
    public Set<String> installedStrategies() {
        return Collections.unmodifiableSet(new TreeSet<>(claims.keySet()));
    }

    /** The names a submission may use: the six built-in names and every installed one, sorted. */
    public Set<String> acceptedStrategies() {
        Set<String> names = new TreeSet<>(claims.keySet());
        for (BuiltInStrategy builtIn : BuiltInStrategy.values()) {
            names.add(builtIn.strategyName());
        }
        return Collections.unmodifiableSet(names);
    }

    public Optional<StrategyDescriptor> descriptor(String strategyName) {
        return Optional.ofNullable(claims.get(strategyName)).map(Claim::descriptor);
    }

    /**
     * The capabilities of an accepted strategy: a built-in name's are Vitess's whether installed
     * or not; a plugin's are what it declares. Empty for any other name.
     */
    public Optional<StrategyCapabilities> capabilitiesOf(String strategyName) {
        Optional<BuiltInStrategy> builtIn = BuiltInStrategy.byName(strategyName);
        if (builtIn.isPresent()) {
            return Optional.of(builtIn.get().capabilities());
        }
        return descriptor(strategyName).map(StrategyDescriptor::capabilities);
    }

    /**
     * Creates one engine per installed strategy, each given the core's context.
     *
     * @throws StrategyRegistrationException when a plugin fails to create its engine
     */
    public InstalledStrategies install(StrategyContext context) {
        Objects.requireNonNull(context, "context");
        Map<String, StrategyEngine> engines = new LinkedHashMap<>();
        try {
            for (Claim claim : claims.values()) {
                engines.put(claim.descriptor().name(), createEngine(claim, context));
            }
        } catch (StrategyRegistrationException e) {
            // No executor will ever close the engines created so far: their threads would leak.
            new InstalledStrategies(this, engines).closeEngines();
            throw e;
        }
        return new InstalledStrategies(this, engines);
    }

    private static StrategyEngine createEngine(Claim claim, StrategyContext context) {
        StrategyEngine engine;
        try {
            engine = claim.plugin().createEngine(claim.descriptor(), context);
        } catch (RuntimeException e) {
            throw new StrategyRegistrationException("strategy plugin " + className(claim.plugin())
                    + " failed to create the engine of strategy " + claim.descriptor().name() + ": " + e.getMessage(), e);
        }
        if (engine == null) {
            throw new StrategyRegistrationException("strategy plugin " + className(claim.plugin())
                    + " created no engine for strategy " + claim.descriptor().name() + ": createEngine must not return null");
        }
        return engine;
    }

    @Override
    public String toString() {
        List<String> described = new ArrayList<>();
        claims.forEach((name, claim) -> described.add(name + " (" + className(claim.plugin()) + ")"));
        return "StrategyRegistry" + described;
    }
}
