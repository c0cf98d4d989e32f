package dev.onlineddl.archfixture.violating.spiusesincomingport.spi;

import dev.onlineddl.archfixture.violating.spiusesincomingport.port.in.SubmitMigration;

/** Violating fixture: the plugin SPI exposing an incoming port, which plugins must not drive. */
public interface StrategyPlugin {
    void start(SubmitMigration resubmit);
}
