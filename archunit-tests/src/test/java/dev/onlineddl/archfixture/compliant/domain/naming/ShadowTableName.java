package dev.onlineddl.archfixture.compliant.domain.naming;

import dev.onlineddl.archfixture.compliant.domain.Table;
import java.util.Locale;

/** Compliant fixture: a domain subpackage may use the domain root. */
public final class ShadowTableName {
    private ShadowTableName() {
    }

    public static String of(Table table, String uuid) {
        return ("_" + uuid + "_" + table.name() + "_shadow").toLowerCase(Locale.ROOT);
    }
}
