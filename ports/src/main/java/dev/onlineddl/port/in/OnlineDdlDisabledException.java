package dev.onlineddl.port.in;

/**
 * The executor was closed: it takes no submission and no command any more, and changed nothing
 * (Vitess answers {@code online ddl is disabled} once its executor is closed). Not the caller's
 * input at fault, so not an {@link dev.onlineddl.domain.InvalidInputException}.
 */
public class OnlineDdlDisabledException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Vitess's message, which every refusal starts with. */
    public static final String MESSAGE = "online ddl is disabled";

    /**
     * @param what   what was refused, e.g. "submit" or "cancel of migration X"
     * @param target the executor and target, for the message
     */
    public OnlineDdlDisabledException(String what, String target) {
        super(MESSAGE + ": " + what + " refused, the executor for " + target
                + " was closed. Send it to a running executor (daemon) for this target");
    }
}
