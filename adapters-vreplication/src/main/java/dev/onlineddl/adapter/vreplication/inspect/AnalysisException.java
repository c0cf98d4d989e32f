package dev.onlineddl.adapter.vreplication.inspect;

/**
 * The ALTER cannot be run by copying rows from the original table into the altered one: no unique
 * key both tables share, a rename of the table, a character set the copy cannot convert. The
 * message is Vitess's where Vitess has one, so that users and tests find the text they know.
 */
public class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }
}
