package dev.onlineddl.archfixture.compliant.adapter.vreplication;

import dev.onlineddl.archfixture.compliant.domain.Table;
import dev.onlineddl.archfixture.compliant.port.out.TableInspector;
import dev.onlineddl.archfixture.compliant.spi.StrategyPlugin;

/** Compliant fixture: a plugin adapter implements the SPI and uses outgoing ports only. */
public final class VReplicationPlugin implements StrategyPlugin {
    @Override
    public String strategyName() {
        return "vitess";
    }

    @Override
    public void start(Table table, TableInspector inspector) {
        inspector.showCreateTable(table).orElseThrow(() -> new IllegalStateException("no table " + table));
    }
}
