package dev.onlineddl.archfixture.violating.domainsubpackagecycle.domain.schedule;

import dev.onlineddl.archfixture.violating.domainsubpackagecycle.domain.naming.ArtifactName;

/** Violating fixture: the other half of the cycle. */
public final class Scheduler {
    private Scheduler() {
    }

    public static String nextUuid() {
        return "0123456789abcdef";
    }

    public static String artifact() {
        return ArtifactName.forNextRun();
    }
}
