package dev.onlineddl.archfixture.violating.portusesservice.service;

/** The core of the fixture, compliant in itself. */
public final class Executor {
    public String submit(String ddl) {
        return ddl;
    }
}
