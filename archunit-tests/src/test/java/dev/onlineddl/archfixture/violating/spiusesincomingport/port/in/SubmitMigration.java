package dev.onlineddl.archfixture.violating.spiusesincomingport.port.in;

/** Violating fixture's counterpart: an incoming port. */
public interface SubmitMigration {
    String submit(String ddl);
}
