package dev.onlineddl.archfixture.violating.adaptersubpackagecycle.adapter.vreplication.copy;

import dev.onlineddl.archfixture.violating.adaptersubpackagecycle.adapter.vreplication.Streamer;

/** Violating fixture: the other half of the cycle inside one adapter. */
public final class Copier {
    public long copy(Streamer streamer) {
        return streamer.position();
    }
}
