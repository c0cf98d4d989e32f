package dev.onlineddl.archfixture.violating.serviceinjectedwithjavaxinject.service;

import javax.inject.Inject;

/** Violating fixture: a service with a javax.inject constructor; Dagger provides it from the configuration. */
public final class Executor {
    private final String schema;

    @Inject
    public Executor(String schema) {
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }
}
