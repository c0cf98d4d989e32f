package dev.onlineddl.archfixture.compliant.spi;

import dev.onlineddl.archfixture.compliant.domain.Table;
import dev.onlineddl.archfixture.compliant.port.out.TableInspector;

/** Compliant fixture: the plugin SPI may use domain values and outgoing ports. */
public interface StrategyPlugin {
    String strategyName();

    void start(Table table, TableInspector inspector);
}
