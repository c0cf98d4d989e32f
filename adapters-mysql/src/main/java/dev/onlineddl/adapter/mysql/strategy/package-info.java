/**
 * The built-in {@code mysql} and {@code direct} strategies: a plugin of the strategy SPI,
 * registered through {@code META-INF/services} exactly as a third-party plugin is. {@code direct}
 * runs the statement while the core waits; {@code mysql} runs a plain ALTER on a session of its
 * own, reads its progress from the server and can kill it.
 */
package dev.onlineddl.adapter.mysql.strategy;
