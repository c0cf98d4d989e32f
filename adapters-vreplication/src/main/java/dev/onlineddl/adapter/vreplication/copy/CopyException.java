package dev.onlineddl.adapter.vreplication.copy;

/** A chunk cannot be copied faithfully: the migration must fail with this message. */
public final class CopyException extends RuntimeException {
    public CopyException(String message, Throwable cause) {
        super(message, cause);
    }
}
