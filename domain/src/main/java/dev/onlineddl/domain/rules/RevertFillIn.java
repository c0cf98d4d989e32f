package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.DdlAction;
import java.util.Objects;

/** What review writes into a freshly submitted REVERT, whose statement names only the UUID it reverts. */
public sealed interface RevertFillIn {

    /**
     * The REVERT mimics {@code action} on {@code table}: store them as its {@code ddl_action} and
     * {@code mysql_table}, and {@code view} as its {@code is_view}.
     */
    record Filled(DdlAction action, String table, boolean view) implements RevertFillIn {
        public Filled {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(table, "table");
        }
    }

    /** The reverted migration's action cannot be reverted: fail the REVERT with this message. */
    record Failed(String message) implements RevertFillIn {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }
}
