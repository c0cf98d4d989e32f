package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.DdlAction;
import java.util.Objects;
import java.util.function.Function;

/** What review writes into a freshly submitted REVERT, whose statement names only the UUID it reverts. */
public sealed interface RevertFillIn {

    /**
     * The decision over this fill-in, one function per kind: a kind added later does not compile
     * until every caller says what to do with it (Java 17 has no switch over sealed types).
     */
    <R> R match(Function<Filled, R> filled, Function<Failed, R> failed);

    /**
     * The REVERT mimics {@code action} on {@code table}: store them as its {@code ddl_action} and
     * {@code mysql_table}, and {@code view} as its {@code is_view}.
     */
    record Filled(DdlAction action, String table, boolean view) implements RevertFillIn {
        public Filled {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(table, "table");
        }

        @Override
        public <R> R match(Function<Filled, R> filled, Function<Failed, R> failed) {
            return filled.apply(this);
        }
    }

    /** The reverted migration's action cannot be reverted: fail the REVERT with this message. */
    record Failed(String message) implements RevertFillIn {
        public Failed {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public <R> R match(Function<Filled, R> filled, Function<Failed, R> failed) {
            return failed.apply(this);
        }
    }
}
