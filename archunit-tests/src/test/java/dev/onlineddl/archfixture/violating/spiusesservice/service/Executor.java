package dev.onlineddl.archfixture.violating.spiusesservice.service;

/** Violating fixture's counterpart: the executor service. */
public final class Executor {
    public void tick() {
        // nothing to run: the fixture only needs the type
    }
}
