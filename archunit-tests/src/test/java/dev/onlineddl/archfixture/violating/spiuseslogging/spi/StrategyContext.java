package dev.onlineddl.archfixture.violating.spiuseslogging.spi;

import org.slf4j.Logger;

/** Violating fixture: slf4j is allowed in ports, but not in the plugin SPI third parties compile against. */
public interface StrategyContext {
    Logger logger();
}
