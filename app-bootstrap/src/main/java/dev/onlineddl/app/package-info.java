/**
 * Dagger wiring, configuration, the daemon, the onlineddl CLI, the HTTP API and the embedded demo.
 */
package dev.onlineddl.app;
