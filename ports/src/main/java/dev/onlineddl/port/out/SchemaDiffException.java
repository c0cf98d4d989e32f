package dev.onlineddl.port.out;

import dev.onlineddl.domain.InvalidInputException;

/**
 * {@link SchemaDiffer} cannot turn the live table or view into the desired one with a statement
 * it can vouch for: the texts are not what it expects, or the change is one it does not support.
 * The message names the table or view, the difference and what to do instead (typically: run
 * that part as an explicit ALTER). Nothing was changed.
 */
public class SchemaDiffException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public SchemaDiffException(String message) {
        super(message);
    }
}
