package dev.onlineddl.archfixture.violating.portuseslogging.port.out;

import org.slf4j.Logger;

/** Violating fixture: an outgoing port handing its implementations a logging framework. */
public interface SchemaInspector {
    String showCreateTable(String table, Logger log);
}
