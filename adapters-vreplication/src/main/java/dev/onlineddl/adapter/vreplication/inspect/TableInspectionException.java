package dev.onlineddl.adapter.vreplication.inspect;

/** What the server reports about a table makes it unfit for a migration, e.g. it has no columns (it does not exist). */
public class TableInspectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TableInspectionException(String message) {
        super(message);
    }
}
