/**
 * Test support: a real MySQL or MariaDB server for every test class, and the plugin compatibility kit.
 */
package dev.onlineddl.testkit;
