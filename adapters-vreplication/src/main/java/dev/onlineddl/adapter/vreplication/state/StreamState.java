package dev.onlineddl.adapter.vreplication.state;

/** Vitess's vreplication states, as stored in {@code vreplication_stream.state}. */
public enum StreamState {
    INIT("Init"),
    COPYING("Copying"),
    RUNNING("Running"),
    STOPPED("Stopped"),
    ERROR("Error");

    private final String stored;

    StreamState(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }
}
