/**
 * The strategy plugin SPI: third-party strategies implement these small interfaces and register with ServiceLoader.
 */
package dev.onlineddl.spi;
