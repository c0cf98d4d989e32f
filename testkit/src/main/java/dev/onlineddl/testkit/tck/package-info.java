/**
 * The plugin compatibility kit: tests every strategy plugin must pass, against a real server.
 * Extend {@link dev.onlineddl.testkit.tck.PluginCompatibilityKit} with your plugin and a context
 * built on the test database; {@link dev.onlineddl.testkit.tck.RecordingStatusReporter} records
 * what an engine reports, for your own tests too.
 */
package dev.onlineddl.testkit.tck;
