package dev.onlineddl.testkit;

/** A server ready for tests, and what is worth telling about how it got ready (empty if nothing). */
record StartedServer(ProvisionedServer server, String details) {
}
