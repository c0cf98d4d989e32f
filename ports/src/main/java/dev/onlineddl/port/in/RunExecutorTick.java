package dev.onlineddl.port.in;

/**
 * One pass of the executor's lifecycle, in Vitess's order: retry tablet-failure migrations,
 * review queued, schedule next, run next, review running (cancelling what must be cancelled),
 * review stale, collect artifacts. Non-reentrant: a tick requested while one runs is skipped.
 */
public interface RunExecutorTick {

    TickOutcome tick();

    /** Why a tick did or did not act. */
    enum TickOutcome {
        RAN,
        /** another tick was running */
        SKIPPED_BUSY,
        /** the server is read-only */
        SKIPPED_NOT_WRITABLE,
        /** another executor holds the target's lock: this one is a standby */
        SKIPPED_STANDBY
    }
}
