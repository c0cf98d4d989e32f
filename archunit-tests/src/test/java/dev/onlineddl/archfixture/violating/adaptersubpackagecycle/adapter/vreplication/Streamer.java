package dev.onlineddl.archfixture.violating.adaptersubpackagecycle.adapter.vreplication;

import dev.onlineddl.archfixture.violating.adaptersubpackagecycle.adapter.vreplication.copy.Copier;

/** Violating fixture: an adapter package and its own subpackage using each other. */
public final class Streamer {
    public long position() {
        return 4;
    }

    public long copied() {
        return new Copier().copy(this);
    }
}
