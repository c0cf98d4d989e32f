package dev.onlineddl.archfixture.violating.spiusesservice.spi;

import dev.onlineddl.archfixture.violating.spiusesservice.service.Executor;

/** Violating fixture: the plugin SPI handing plugins the executor itself. */
public interface StrategyContext {
    Executor executor();
}
