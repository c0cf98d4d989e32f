package dev.onlineddl.archfixture.violating.domainusesoutgoingport.domain;

import dev.onlineddl.archfixture.violating.domainusesoutgoingport.port.out.MigrationStore;

/** Violating fixture: the domain reaching out to a port, which points the dependency the wrong way. */
public record Migration(String uuid) {
    public void save(MigrationStore store) {
        store.save(uuid);
    }
}
