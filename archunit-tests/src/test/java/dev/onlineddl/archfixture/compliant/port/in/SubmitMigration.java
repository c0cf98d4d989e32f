package dev.onlineddl.archfixture.compliant.port.in;

import dev.onlineddl.archfixture.compliant.domain.Table;

/** Compliant fixture: an incoming port speaks domain values. */
public interface SubmitMigration {
    String submit(Table table, String ddl);
}
