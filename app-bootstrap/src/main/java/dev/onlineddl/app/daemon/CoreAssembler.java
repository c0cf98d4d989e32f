package dev.onlineddl.app.daemon;

import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.metrics.DaemonMetrics;

/** Builds the executor core for the daemon's settings (connects, prepares the control schema, installs strategies). */
@FunctionalInterface
public interface CoreAssembler {

    /**
     * @param metrics   where tick outcomes and durations are recorded
     * @param callbacks what engines hand the external tools they launch (endpoints and per-migration tokens)
     * @throws RuntimeException saying what could not be set up (e.g. the database is unreachable)
     */
    RunningCore assemble(DaemonSettings settings, DaemonMetrics metrics, ToolCallbacks callbacks);
}
