package dev.onlineddl.spi;

import dev.onlineddl.domain.Migration;

/**
 * Runs the ALTERs of one strategy. The core drives it the way the Vitess executor drives gh-ost,
 * pt-osc and vreplication: start, probe on every review of running migrations, complete when the
 * migration may cut over, terminate on cancel, adopt after a restart, clean up artifacts.
 *
 * <p>Every method is called from the executor's tick thread and must return promptly: long work
 * (copying rows, waiting for a tool) runs on the engine's own threads and is reported through
 * {@link StrategyContext#reporter()}.
 */
public interface StrategyEngine {

    /**
     * Starts the migration asynchronously. Report running as soon as it runs, then progress,
     * ready-to-complete, and finally complete or failed.
     *
     * @throws StrategyException when it cannot even start; the core fails the migration with the message
     */
    void start(MigrationRun run);

    /** Called on every review of running migrations. */
    Probe probe(MigrationRun run);

    /**
     * The migration may cut over now: it reported ready to complete, is not postponed, and every
     * earlier migration it must wait for is done. An engine that cuts over by itself (e.g. a tool
     * waiting on a postpone flag file) releases its gate here. Called again on later reviews until
     * the migration completes.
     */
    void complete(MigrationRun run);

    /**
     * Stops the migration and removes what it left running (processes, triggers, streams).
     *
     * @return whether it was found running
     */
    boolean terminate(MigrationRun run);

    /**
     * A migration of this strategy is running but no engine of this executor owns it (the
     * executor restarted or took over from another). Take it over and return true if the
     * strategy can ({@link dev.onlineddl.domain.StrategyCapabilities#adoptableAfterRestart()});
     * otherwise the core cancels it.
     */
    default boolean adopt(MigrationRun run) {
        return false;
    }

    /**
     * Reverts a completed ALTER of this strategy. Only called when the strategy declares
     * {@link dev.onlineddl.domain.StrategyCapabilities#revertibleAlter()}.
     */
    default void startRevert(MigrationRun revert, Migration reverted) {
        throw new StrategyException("strategy " + revert.setting().strategy() + " cannot revert migration "
                + reverted.uuid() + ": it does not declare revertible ALTERs");
    }

    /**
     * Artifacts of a finished migration are being collected: remove what the engine keeps besides
     * artifact tables (streams, hook scripts, logs). Artifact tables themselves are the core's.
     */
    default void collectArtifacts(Migration migration) {
    }
}
