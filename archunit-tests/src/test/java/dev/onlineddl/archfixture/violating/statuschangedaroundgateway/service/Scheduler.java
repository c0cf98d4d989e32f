package dev.onlineddl.archfixture.violating.statuschangedaroundgateway.service;

import dev.onlineddl.archfixture.violating.statuschangedaroundgateway.port.out.MigrationStore;

/** Violating fixture: the scheduler writing a status itself, around the status gateway. */
final class Scheduler {
    private final MigrationStore store;

    Scheduler(MigrationStore store) {
        this.store = store;
    }

    void schedule(String uuid) {
        store.updateStatus(uuid, "ready");
    }
}
