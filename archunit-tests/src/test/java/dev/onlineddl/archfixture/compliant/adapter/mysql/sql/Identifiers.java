package dev.onlineddl.archfixture.compliant.adapter.mysql.sql;

import dev.onlineddl.archfixture.compliant.domain.Table;

/** Compliant fixture: a subpackage of an adapter, used only by that adapter. */
public final class Identifiers {
    private Identifiers() {
    }

    public static String qualified(Table table) {
        return quote(table.schema()) + "." + quote(table.name());
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
