package dev.onlineddl.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** What an engine knows of one migration when the core reviews running migrations. */
public sealed interface Probe {

    /**
     * The decision over this probe, one function per kind: a kind added later does not compile
     * until every caller says what to do with it (Java 17 has no switch over sealed types).
     */
    <R> R match(Function<NotRunning, R> notRunning, Function<Running, R> running, Function<Failing, R> failing);

    /**
     * The engine runs no such migration (never started here, already finished, or lost with a
     * restart). Report a finished migration's outcome before answering this: the core gives a late
     * report one check interval to arrive, then cancels a migration still marked running as dead.
     */
    record NotRunning() implements Probe {
        @Override
        public <R> R match(Function<NotRunning, R> notRunning, Function<Running, R> running,
                Function<Failing, R> failing) {
            return notRunning.apply(this);
        }
    }

    /**
     * @param livenessIndicator increases whenever the engine made progress (e.g. unix seconds of its
     *                          last heartbeat); the core stamps liveness when it grows
     * @param readyToComplete   could cut over now
     * @param lastThrottled     when the engine last held back for the throttler, if ever
     */
    record Running(
            double progress,
            long rowsCopied,
            long tableRows,
            long etaSeconds,
            boolean readyToComplete,
            long livenessIndicator,
            Optional<Instant> lastThrottled,
            String componentThrottled) implements Probe {
        @Override
        public <R> R match(Function<NotRunning, R> notRunning, Function<Running, R> running,
                Function<Failing, R> failing) {
            return running.apply(this);
        }
    }

    /**
     * The engine saw an error. A terminal one fails the migration at once; a transient one only
     * after it persisted for the stale threshold.
     */
    record Failing(String message, boolean terminal) implements Probe {
        @Override
        public <R> R match(Function<NotRunning, R> notRunning, Function<Running, R> running,
                Function<Failing, R> failing) {
            return failing.apply(this);
        }
    }
}
