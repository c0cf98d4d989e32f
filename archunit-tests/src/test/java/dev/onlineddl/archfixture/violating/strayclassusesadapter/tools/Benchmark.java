package dev.onlineddl.archfixture.violating.strayclassusesadapter.tools;

import dev.onlineddl.archfixture.violating.strayclassusesadapter.adapter.ghost.GhostRunner;

/** Violating fixture: a class outside the adapters and the configuration using an adapter. */
public final class Benchmark {
    public String run() {
        return new GhostRunner().command();
    }
}
