package dev.onlineddl.app.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.onlineddl.adapter.mysql.jdbc.HikariTargetConnections;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.daemon.ToolCallbacks;
import dev.onlineddl.port.out.Throttler;
import dev.onlineddl.service.OnlineDdl;
import jakarta.inject.Singleton;

/** One executor core per daemon: everything in it lives as long as the daemon. */
@Singleton
@Component(modules = CoreModule.class)
interface CoreComponent {

    OnlineDdl onlineDdl();

    /** Closed last, after the core has stopped using it. */
    HikariTargetConnections targetConnectionPool();

    /** The throttler the HTTP API's throttler check asks. */
    Throttler throttler();

    @Component.Factory
    interface Factory {
        CoreComponent create(@BindsInstance DaemonSettings settings, @BindsInstance OnlineDdl.TickListener tickListener,
                             @BindsInstance ToolCallbacks callbacks);
    }
}
