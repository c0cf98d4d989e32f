package dev.onlineddl.port.out;

/**
 * Reading the target server's schema or state failed: the server is unreachable, the connection
 * was lost, the account lacks a privilege, or the server answered something unexpected. The
 * message names what was being read, on which table, and what to do. Nothing was changed.
 */
public class SchemaInspectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaInspectionException(String message, Throwable cause) {
        super(message, cause);
    }

    public SchemaInspectionException(String message) {
        super(message);
    }
}
