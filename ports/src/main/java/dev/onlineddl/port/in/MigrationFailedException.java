package dev.onlineddl.port.in;

import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Objects;

/**
 * A migration that runs while the caller waits (strategy {@code direct}) failed. Unlike an
 * {@link dev.onlineddl.domain.InvalidInputException}, the submission was accepted and recorded: the
 * failed migration is stored with its message for the audit trail, and so are the migrations of
 * the same submission that ran before it.
 */
public class MigrationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient MigrationUuid uuid;
    private final transient List<MigrationUuid> completedBefore;

    /**
     * @param uuid            the migration that failed
     * @param completedBefore migrations of the same submission that completed before it
     * @param message         what failed, on which table, and what to do
     */
    public MigrationFailedException(MigrationUuid uuid, List<MigrationUuid> completedBefore, String message) {
        super(message);
        this.uuid = Objects.requireNonNull(uuid, "uuid");
        this.completedBefore = List.copyOf(completedBefore);
    }

    public MigrationUuid uuid() {
        return uuid;
    }

    public List<MigrationUuid> completedBefore() {
        return completedBefore;
    }
}
