package dev.onlineddl.port.out;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;

/**
 * The migration does not exist for this target (Vitess: "migration not found"). Either no such UUID
 * was ever submitted, or it belongs to another target database sharing the control schema. It is
 * the caller's bad input, so it is an {@link InvalidInputException}; an API answers it with 404
 * rather than 400 because it is the one that names a resource. Every layer throws this one class,
 * so the message reads the same wherever it surfaces: {@code migration not found: <uuid> ...}.
 */
public class MigrationNotFoundException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final transient MigrationUuid uuid;

    public MigrationNotFoundException(MigrationUuid uuid, MigrationTarget target) {
        super("migration not found: " + uuid + " (target database " + target.mysqlSchema()
                + "): check the UUID with 'onlineddl show all', or whether it was submitted to another database");
        this.uuid = uuid;
    }

    public MigrationUuid uuid() {
        return uuid;
    }
}
