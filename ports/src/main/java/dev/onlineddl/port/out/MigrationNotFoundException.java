package dev.onlineddl.port.out;

import dev.onlineddl.domain.MigrationUuid;

/**
 * The migration does not exist for this target (Vitess: "migration not found"). Either no such UUID
 * was ever submitted, or it belongs to another target database sharing the control schema.
 */
public class MigrationNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient MigrationUuid uuid;

    public MigrationNotFoundException(MigrationUuid uuid, MigrationTarget target) {
        super("migration not found: " + uuid + " (target database " + target.mysqlSchema()
                + "): check the UUID with SHOW / list, or whether it was submitted to another database");
        this.uuid = uuid;
    }

    public MigrationUuid uuid() {
        return uuid;
    }
}
