package dev.onlineddl.archfixture.violating.adapterusesotheradapter.adapter.mysql;

import dev.onlineddl.archfixture.violating.adapterusesotheradapter.adapter.vreplication.RowCopier;

/** Violating fixture: adapter.mysql using adapter.vreplication directly. */
public final class MysqlStrategy {
    private final RowCopier copier = new RowCopier();

    public long copy() {
        return copier.copiedRows();
    }
}
