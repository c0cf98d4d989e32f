package dev.onlineddl.domain;

/**
 * Bad input from a user or a caller: a malformed UUID, an unknown strategy flag, an out-of-range
 * throttle ratio. Thrown before anything is changed, so the caller can report it as a rejection
 * (not a failure) and retry with corrected input.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
