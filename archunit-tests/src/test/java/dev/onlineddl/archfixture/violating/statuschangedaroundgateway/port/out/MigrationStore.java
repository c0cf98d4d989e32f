package dev.onlineddl.archfixture.violating.statuschangedaroundgateway.port.out;

/** The store of the fixture, compliant in itself. */
public interface MigrationStore {
    void updateStatus(String uuid, String status);
}
