package dev.onlineddl.archfixture.violating.domainsubpackagecycle.domain.naming;

import dev.onlineddl.archfixture.violating.domainsubpackagecycle.domain.schedule.Scheduler;

/** Violating fixture: one half of a cycle between two sibling domain subpackages. */
public final class ArtifactName {
    private ArtifactName() {
    }

    public static String forNextRun() {
        return "_" + Scheduler.nextUuid() + "_vrepl";
    }
}
