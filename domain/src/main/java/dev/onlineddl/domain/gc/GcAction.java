package dev.onlineddl.domain.gc;

import dev.onlineddl.domain.naming.GcTableName;

import java.time.Instant;
import java.util.Objects;

/** What table garbage collection does with one GC table in one pass; see {@link TableGcPolicy#decide}. */
public sealed interface GcAction {

    /** Leave the table alone: its state's time has not come. */
    record Wait(Instant until) implements GcAction {
        public Wait {
            Objects.requireNonNull(until, "until");
        }
    }

    /** {@code RENAME TABLE} the table to {@code to}: it moves to the next state of the lifecycle. */
    record Rename(GcTableName to) implements GcAction {
        public Rename {
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * Delete the table's rows in small batches; once a batch finds none left, rename it as
     * {@link TableGcPolicy#nameAfter} says.
     */
    record PurgeRows() implements GcAction {
    }

    /** Drop the table (or view): the end of its lifecycle. */
    record Drop() implements GcAction {
    }
}
