package dev.onlineddl.app.wiring;

import dev.onlineddl.adapter.mysql.jdbc.HikariTargetConnections;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.daemon.CoreAssembler;
import dev.onlineddl.app.daemon.RunningCore;
import dev.onlineddl.app.daemon.ToolCallbacks;
import dev.onlineddl.app.http.ApiServices;
import dev.onlineddl.app.metrics.DaemonMetrics;
import dev.onlineddl.app.metrics.ExecutionCounts;
import dev.onlineddl.port.out.Throttler;
import dev.onlineddl.service.ExecutorCounters;
import dev.onlineddl.service.OnlineDdl;

/** Assembles the real core with Dagger (see {@link CoreModule}). */
public final class DaggerCoreAssembler implements CoreAssembler {

    @Override
    public RunningCore assemble(DaemonSettings settings, DaemonMetrics metrics, ToolCallbacks callbacks) {
        CoreComponent component = DaggerCoreComponent.factory().create(settings, metrics::recordTick, callbacks);
        HikariTargetConnections pool = component.targetConnectionPool();
        try {
            return new AssembledCore(component.onlineDdl(), component.throttler(), pool);
        } catch (RuntimeException failed) {
            pool.close();
            throw failed;
        }
    }

    private record AssembledCore(OnlineDdl core, Throttler throttler, HikariTargetConnections pool) implements RunningCore {

        @Override
        public ApiServices services() {
            return new ApiServices(core.submitMigration(), core.controlMigration(), core.throttleMigrations(),
                    core.queryMigrations(), core.statusReports(), throttler::shouldThrottle);
        }

        @Override
        public ExecutionCounts counts() {
            ExecutorCounters counters = core.counters();
            return new ExecutionCounts(counters.started(), counters.successful(), counters.failed());
        }

        @Override
        public void start() {
            core.start();
        }

        /** Stops ticking and lets go of the target's lock before the connections go. */
        @Override
        public void close() {
            try {
                core.close();
            } finally {
                pool.close();
            }
        }
    }
}
