package dev.onlineddl.archfixture.compliant.app;

import dev.onlineddl.archfixture.compliant.adapter.mysql.JdbcTableInspector;
import dev.onlineddl.archfixture.compliant.adapter.vreplication.VReplicationPlugin;
import dev.onlineddl.archfixture.compliant.port.in.SubmitMigration;
import dev.onlineddl.archfixture.compliant.service.Executor;
import dagger.Module;
import dagger.Provides;
import java.sql.Connection;
import java.util.List;
import javax.inject.Singleton;

/** Compliant fixture: the configuration wires adapters into the service, with dependency injection. */
@Module
public final class ExecutorModule {
    private final Connection connection;

    public ExecutorModule(Connection connection) {
        this.connection = connection;
    }

    @Provides
    @Singleton
    SubmitMigration submitMigration() {
        return new Executor(new JdbcTableInspector(connection), List.of(new VReplicationPlugin()));
    }
}
