package dev.onlineddl.port.out;

/**
 * Reading or writing the control schema failed: the server is unreachable or read-only, the
 * connection was lost, or the control schema is missing or of an unknown version. The message
 * says which operation failed, on which migration and control schema, and why. Nothing was
 * changed by the failed operation.
 */
public class MigrationStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public MigrationStoreException(String message) {
        super(message);
    }
}
