package dev.onlineddl.archfixture.compliant.service;

import dev.onlineddl.archfixture.compliant.domain.Table;
import dev.onlineddl.archfixture.compliant.domain.naming.ShadowTableName;
import dev.onlineddl.archfixture.compliant.port.in.SubmitMigration;
import dev.onlineddl.archfixture.compliant.port.out.TableInspector;
import dev.onlineddl.archfixture.compliant.spi.StrategyPlugin;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Compliant fixture: the service implements incoming ports with outgoing ports, plugins and slf4j. */
public final class Executor implements SubmitMigration {
    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final TableInspector inspector;
    private final List<StrategyPlugin> plugins;

    public Executor(TableInspector inspector, List<StrategyPlugin> plugins) {
        this.inspector = inspector;
        this.plugins = List.copyOf(plugins);
    }

    @Override
    public String submit(Table table, String ddl) {
        String uuid = UUID.randomUUID().toString();
        LOG.info("submitting {} as {}", ShadowTableName.of(table, uuid), uuid);
        plugins.forEach(plugin -> plugin.start(table, inspector));
        return uuid;
    }
}
