package dev.onlineddl.spi;

import dev.onlineddl.domain.Migration;

/**
 * Runs the ALTERs of one strategy. The core drives it the way the Vitess executor drives gh-ost,
 * pt-osc and vreplication: start, probe on every review of running migrations, complete when the
 * migration may cut over, terminate on cancel, adopt after a restart, clean up artifacts.
 *
 * <p>Every method must return promptly: long work (copying rows, waiting for a tool) runs on the
 * engine's own threads and is reported through {@link StrategyContext#reporter()}. Most calls come
 * from the executor's tick thread, but not all: {@code terminate} also runs on the thread of a
 * user's cancel command, and a {@code direct} migration starts on the submitting thread. So an
 * engine must be safe to call from several threads at once, e.g. a {@code probe} on the tick
 * thread while a {@code terminate} for the same migration arrives from a command.
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

    /**
     * The executor is closing: called once, after its last tick and before it lets go of the
     * target (so a standby cannot adopt a migration this engine still drives). Release what the
     * engine holds, its threads above all, so that they neither leak nor keep the JVM alive.
     *
     * <p>Must not cancel or fail migrations, nor report anything for them: a restarted executor
     * adopts the ones its strategy can adopt and judges the others, as Vitess does after a
     * restart. An engine that can be adopted should therefore leave each running migration where
     * an adopter can carry on (stop its own work, keep what the migration built). Must return
     * promptly and be idempotent: a second call does nothing. The core logs what it throws and
     * closes the other engines all the same.
     */
    default void close() {
    }
}
