package dev.onlineddl.adapter.vreplication;

/** The migration cannot run on this engine, found before anything was created. */
final class RefusalException extends RuntimeException {
    RefusalException(String message) {
        super(message);
    }
}
