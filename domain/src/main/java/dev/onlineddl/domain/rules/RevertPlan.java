package dev.onlineddl.domain.rules;

import java.util.Objects;
import java.util.function.Function;

/** How a validated REVERT runs, from the reverted migration's action and artifacts (Vitess {@code executeRevert}). */
public sealed interface RevertPlan {

    /**
     * The decision over the plan, one function per kind: a plan added later does not compile
     * until every caller says what to do with it (Java 17 has no switch over sealed types).
     */
    <R> R match(Function<CompleteAsNoop, R> completeAsNoop, Function<RenameTable, R> renameTable,
            Function<SwapViewWithArtifact, R> swapViewWithArtifact, Function<RevertAlterTable, R> revertAlterTable,
            Function<Fail, R> fail);

    /**
     * Nothing to undo: the reverted CREATE created nothing (IF NOT EXISTS on an existing table) or
     * the reverted DROP dropped nothing (IF EXISTS on a missing table). Complete at once.
     */
    record CompleteAsNoop() implements RevertPlan {
        @Override
        public <R> R match(Function<CompleteAsNoop, R> completeAsNoop, Function<RenameTable, R> renameTable,
                Function<SwapViewWithArtifact, R> swapViewWithArtifact, Function<RevertAlterTable, R> revertAlterTable,
                Function<Fail, R> fail) {
            return completeAsNoop.apply(this);
        }
    }

    /**
     * Rename {@code from} to {@code to}, after recording {@code artifact} as the REVERT's artifact.
     * Reverting a CREATE renames the table away to the name its sentry artifact reserved (the table
     * is "dropped" into the HOLD lifecycle); reverting a DROP renames the held table back.
     */
    record RenameTable(String artifact, String from, String to) implements RevertPlan {
        public RenameTable {
            Objects.requireNonNull(artifact, "artifact");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public <R> R match(Function<CompleteAsNoop, R> completeAsNoop, Function<RenameTable, R> renameTable,
                Function<SwapViewWithArtifact, R> swapViewWithArtifact, Function<RevertAlterTable, R> revertAlterTable,
                Function<Fail, R> fail) {
            return renameTable.apply(this);
        }
    }

    /** Reverting an ALTER VIEW: swap the view with the artifact that holds its previous definition. */
    record SwapViewWithArtifact(String view, String artifact) implements RevertPlan {
        public SwapViewWithArtifact {
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(artifact, "artifact");
        }

        @Override
        public <R> R match(Function<CompleteAsNoop, R> completeAsNoop, Function<RenameTable, R> renameTable,
                Function<SwapViewWithArtifact, R> swapViewWithArtifact, Function<RevertAlterTable, R> revertAlterTable,
                Function<Fail, R> fail) {
            return swapViewWithArtifact.apply(this);
        }
    }

    /** Reverting an ALTER TABLE: the strategy engine replays changes into the old table and cuts back. */
    record RevertAlterTable() implements RevertPlan {
        @Override
        public <R> R match(Function<CompleteAsNoop, R> completeAsNoop, Function<RenameTable, R> renameTable,
                Function<SwapViewWithArtifact, R> swapViewWithArtifact, Function<RevertAlterTable, R> revertAlterTable,
                Function<Fail, R> fail) {
            return revertAlterTable.apply(this);
        }
    }

    /** The REVERT cannot run: fail it with this message. */
    record Fail(String message) implements RevertPlan {
        public Fail {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public <R> R match(Function<CompleteAsNoop, R> completeAsNoop, Function<RenameTable, R> renameTable,
                Function<SwapViewWithArtifact, R> swapViewWithArtifact, Function<RevertAlterTable, R> revertAlterTable,
                Function<Fail, R> fail) {
            return fail.apply(this);
        }
    }
}
