package dev.onlineddl.archfixture.compliant.domain;

/** Compliant fixture: a domain value built from JDK types only. */
public record Table(String schema, String name) {
}
