package dev.onlineddl.adapter.mysql.store;

import dev.onlineddl.port.out.MigrationStoreException;

/** The control schema was upgraded by a newer onlineddl than this one: we refuse to use it. */
public class ControlSchemaVersionException extends MigrationStoreException {
    private static final long serialVersionUID = 1L;

    public ControlSchemaVersionException(String message) {
        super(message);
    }
}
