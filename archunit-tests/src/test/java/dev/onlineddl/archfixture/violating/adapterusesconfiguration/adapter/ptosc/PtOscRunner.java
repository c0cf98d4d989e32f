package dev.onlineddl.archfixture.violating.adapterusesconfiguration.adapter.ptosc;

import dev.onlineddl.archfixture.violating.adapterusesconfiguration.app.DaemonSettings;

/** Violating fixture: an adapter reaching back into the configuration that wires it. */
public final class PtOscRunner {
    public String workDirectory(DaemonSettings settings) {
        return settings.workDirectory();
    }
}
