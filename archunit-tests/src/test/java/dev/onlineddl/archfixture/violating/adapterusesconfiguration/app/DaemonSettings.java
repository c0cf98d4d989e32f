package dev.onlineddl.archfixture.violating.adapterusesconfiguration.app;

/** Violating fixture's counterpart: a configuration class. */
public record DaemonSettings(String workDirectory) {
}
