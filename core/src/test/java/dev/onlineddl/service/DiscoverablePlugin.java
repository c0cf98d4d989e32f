package dev.onlineddl.service;

/** Listed in this module's test {@code META-INF/services}: proves ServiceLoader discovery. */
public final class DiscoverablePlugin extends RecordingPlugin {

    public DiscoverablePlugin() {
        super("discoverable-test");
    }
}
