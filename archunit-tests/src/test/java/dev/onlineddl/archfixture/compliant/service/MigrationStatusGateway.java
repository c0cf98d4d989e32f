package dev.onlineddl.archfixture.compliant.service;

import dev.onlineddl.archfixture.compliant.port.out.MigrationStore;

/** Compliant fixture: the one class that changes a migration's status. */
final class MigrationStatusGateway {
    private final MigrationStore store;

    MigrationStatusGateway(MigrationStore store) {
        this.store = store;
    }

    void markReady(String uuid) {
        store.updateStatus(uuid, "ready");
    }

    /** Reading a status is no change: anyone may. */
    static String statusOf(MigrationStore store, String uuid) {
        return store.statusOf(uuid);
    }
}
