package dev.onlineddl.app.daemon;

import dev.onlineddl.app.http.ApiServices;
import dev.onlineddl.app.metrics.ExecutionCounts;

/**
 * The executor core as the daemon runs it: its use cases for the HTTP API, its counters for the
 * metrics, and its life cycle. {@link #start()} begins ticking; {@link #close()} stops ticking,
 * lets go of the target's lock and closes the database connections.
 */
public interface RunningCore extends AutoCloseable {

    ApiServices services();

    ExecutionCounts counts();

    void start();

    @Override
    void close();
}
