package dev.onlineddl.archfixture.violating.domainusesoutgoingport.port.out;

/** Violating fixture's compliant counterpart: an outgoing port. */
public interface MigrationStore {
    void save(String uuid);
}
