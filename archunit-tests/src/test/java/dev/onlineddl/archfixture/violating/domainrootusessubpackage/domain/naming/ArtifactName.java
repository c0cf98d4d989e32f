package dev.onlineddl.archfixture.violating.domainrootusessubpackage.domain.naming;

/** Violating fixture's counterpart: a domain subpackage that does not use the root (so there is no cycle). */
public final class ArtifactName {
    private ArtifactName() {
    }

    public static String of(String uuid, String table) {
        return "_" + uuid + "_" + table + "_vrepl";
    }
}
