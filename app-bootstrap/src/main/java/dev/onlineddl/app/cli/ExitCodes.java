package dev.onlineddl.app.cli;

/** The CLI's exit codes: scripts tell a rejected request (fix the input) from a failure (retry, call someone). */
public final class ExitCodes {

    public static final int SUCCESS = 0;
    /** The request was refused: bad input, no or wrong token, unknown migration, wrong setting. */
    public static final int REJECTED = 1;
    /** Something failed: no daemon answers, the daemon failed, the database is unreachable. */
    public static final int FAILURE = 2;

    private ExitCodes() {
    }
}
