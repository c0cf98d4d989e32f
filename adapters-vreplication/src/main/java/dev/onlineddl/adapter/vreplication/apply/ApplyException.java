package dev.onlineddl.adapter.vreplication.apply;

/** The applier cannot go on: the migration must fail with this message. */
public final class ApplyException extends RuntimeException {
    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
