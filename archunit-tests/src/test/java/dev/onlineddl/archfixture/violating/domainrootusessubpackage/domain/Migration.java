package dev.onlineddl.archfixture.violating.domainrootusessubpackage.domain;

import dev.onlineddl.archfixture.violating.domainrootusessubpackage.domain.naming.ArtifactName;

/** Violating fixture: the domain kernel (root package) using one of its subpackages. */
public record Migration(String uuid, String table) {
    public String artifactTable() {
        return ArtifactName.of(uuid, table);
    }
}
