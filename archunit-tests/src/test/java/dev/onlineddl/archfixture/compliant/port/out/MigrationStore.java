package dev.onlineddl.archfixture.compliant.port.out;

/** Compliant fixture: the store's status-changing method, called by the status gateway alone. */
public interface MigrationStore {
    void updateStatus(String uuid, String status);

    String statusOf(String uuid);
}
