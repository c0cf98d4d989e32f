package dev.onlineddl.domain;

/**
 * What a strategy can do. Vitess decides these by strategy name ("only vitess/online may ALTER
 * concurrently and be reverted"); here the rules ask the capabilities instead, so that a
 * third-party strategy declares its own and the built-in names declare exactly Vitess's.
 *
 * @param revertibleAlter        a completed ALTER of this strategy can be reverted
 * @param concurrentAlter        an ALTER may run beside other migrations with {@code --allow-concurrent}
 * @param postponeCompletion     honours {@code --postpone-completion} for an ALTER
 * @param adoptableAfterRestart  a running ALTER survives the executor's restart and can be adopted
 * @param runsExternalTool       runs an external tool, so unknown flags are passed to it as runtime options
 * @param allowZeroInDate        supports {@code --allow-zero-in-date}
 * @param queued                 goes through the queue (false only for {@code direct}, which runs at submit)
 */
public record StrategyCapabilities(
        boolean revertibleAlter,
        boolean concurrentAlter,
        boolean postponeCompletion,
        boolean adoptableAfterRestart,
        boolean runsExternalTool,
        boolean allowZeroInDate,
        boolean queued) {

    /** The safest declaration: a queued strategy that can do none of the optional things. */
    public static final StrategyCapabilities MINIMAL =
            new StrategyCapabilities(false, false, false, false, false, false, true);
}
