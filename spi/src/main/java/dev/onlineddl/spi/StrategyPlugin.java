package dev.onlineddl.spi;

import java.util.List;

/**
 * Entry point of a strategy plugin, discovered with {@link java.util.ServiceLoader}: list the
 * implementation class in {@code META-INF/services/dev.onlineddl.spi.StrategyPlugin} and give it
 * a public no-argument constructor. The built-in strategies register exactly the same way.
 *
 * <p>Two installed plugins claiming the same strategy name stop the executor at start-up.
 *
 * <pre>{@code
 * public final class EchoPlugin implements StrategyPlugin {
 *     public List<StrategyDescriptor> strategies() {
 *         return List.of(new StrategyDescriptor("echo", StrategyCapabilities.MINIMAL));
 *     }
 *     public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
 *         return new EchoEngine(context);   // runs ALTERs its own way, reports through context.reporter()
 *     }
 * }
 * }</pre>
 */
public interface StrategyPlugin {

    /** The strategies this plugin provides; at least one. */
    List<StrategyDescriptor> strategies();

    /**
     * Creates the engine that runs migrations of one of {@link #strategies()}. Called once per
     * strategy per executor, at start-up.
     */
    StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context);
}
