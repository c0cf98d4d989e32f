package dev.onlineddl.archfixture.violating.adapterusesotheradapter.adapter.vreplication;

/** Violating fixture's counterpart: a class of another adapter. */
public final class RowCopier {
    public long copiedRows() {
        return 0;
    }
}
