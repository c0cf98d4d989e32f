package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.MigrationUuid;
import java.util.Objects;

/**
 * A running migration at review time, asking whether to cut over now.
 *
 * @param uuid the running migration
 * @param readyToComplete its engine says it could cut over now (after {@link CompletionRules#readinessToReport})
 * @param postponeCompletion {@code postpone_completion}: the user has not said COMPLETE yet
 * @param inOrderCompletion its strategy carries {@code --in-order-completion}
 */
public record CutOverCandidate(MigrationUuid uuid, boolean readyToComplete, boolean postponeCompletion, boolean inOrderCompletion) {

    public CutOverCandidate {
        Objects.requireNonNull(uuid, "uuid");
    }
}
