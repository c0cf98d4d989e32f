package dev.onlineddl.archfixture.violating.adapterusesservice.service;

/** The core of the fixture, compliant in itself. */
public final class Executor {
    public int tick() {
        return 0;
    }
}
