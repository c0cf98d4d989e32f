package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.MigrationProgress;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.port.out.DdlExecutionException;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyEngine;

import java.util.Objects;

/**
 * The {@code direct} strategy: the statement runs at once, while the core waits, through the
 * core's DDL executor (Vitess's {@code executeDirectly}), with {@code --allow-zero-in-date}
 * honoured. It is never queued, so by the time {@link #start} returns it has reported its outcome
 * and nothing of it runs any more: probes find nothing, terminate has nothing to stop.
 */
public final class DirectStrategyEngine implements StrategyEngine {

    private final StrategyContext context;

    public DirectStrategyEngine(StrategyContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Runs the statement before returning and reports running, then complete or failed. */
    @Override
    public void start(MigrationRun run) {
        Objects.requireNonNull(run, "run");
        DdlExecution statement = StrategyRuns.ddlExecution(run, context.connections().schema());
        MigrationUuid uuid = run.migration().uuid();
        context.reporter().report(uuid, StatusReport.running(MigrationProgress.PROGRESS_STARTED, StatusReport.ETA_UNKNOWN,
                MigrationProgress.ROWS_COPIED_UNKNOWN));
        try {
            context.ddlExecutor().execute(statement);
        } catch (DdlExecutionException e) {
            context.reporter().report(uuid, StatusReport.failed(StrategyRuns.failureOf(run, e.getMessage())));
            return;
        }
        context.reporter().report(uuid, StatusReport.complete(MigrationProgress.ROWS_COPIED_UNKNOWN));
    }

    @Override
    public Probe probe(MigrationRun run) {
        return new Probe.NotRunning();
    }

    /** Nothing to release: the statement has completed by the time start returned. */
    @Override
    public void complete(MigrationRun run) {
        // Intentionally empty: direct never waits for a cut-over.
    }

    @Override
    public boolean terminate(MigrationRun run) {
        return false;
    }
}
