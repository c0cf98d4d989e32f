package dev.onlineddl.app.json;

/** JSON text that does not parse, or a value that is not of the expected shape. */
public class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
