package dev.onlineddl.archfixture.violating.domainusesjavax.domain;

import javax.sql.DataSource;

/** Violating fixture: a domain value holding a javax type (javax.. is not java..). */
public record ConnectionSettings(DataSource dataSource) {
}
