package dev.onlineddl.adapter.vreplication.cutover;

/**
 * A cut-over attempt failed and left the tables as they were.
 *
 * @see CutOver
 */
public final class CutOverException extends Exception {
    private final boolean streamStopped;

    public CutOverException(String message, boolean streamStopped, Throwable cause) {
        super(message, cause);
        this.streamStopped = streamStopped;
    }

    /** The stream was stopped before the failure: it must be restarted from the applied position. */
    public boolean streamStopped() {
        return streamStopped;
    }
}
