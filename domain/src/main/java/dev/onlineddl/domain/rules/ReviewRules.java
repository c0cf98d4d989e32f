package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.StrategyCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What review decides about a queued migration before the scheduler may see it (Vitess {@code reviewQueuedMigrations}). */
public final class ReviewRules {

    private ReviewRules() {
    }

    /**
     * Review's immediate-operation test, once a REVERT has been filled in: CREATE and DROP are
     * immediate, so is any ALTER of a view; a REVERT of an ALTER TABLE is not (it replays through
     * the engine); a plain ALTER TABLE is immediate only with a special plan.
     *
     * @param storedAction the {@code ddl_action} after review's fill-in; null if unknown
     * @param revert the migration is a REVERT
     * @param view {@code is_view}
     */
    public static Immediacy immediacyAtReview(DdlAction storedAction, boolean revert, boolean view) {
        if (storedAction == null) {
            return Immediacy.NOT_IMMEDIATE;
        }
        return switch (storedAction) {
            case CREATE, DROP -> Immediacy.IMMEDIATE;
            case ALTER -> view ? Immediacy.IMMEDIATE
                    : revert ? Immediacy.NOT_IMMEDIATE
                    : Immediacy.IMMEDIATE_IF_SPECIAL_PLAN;
            case REVERT -> Immediacy.NOT_IMMEDIATE;
        };
    }

    /**
     * Strategy flags the migration's strategy cannot honour, as failure messages in Vitess's
     * order. Review fails the migration with each in turn, so the stored message ends as the last.
     *
     * <p>{@code --postpone-completion}: an immediate operation (CREATE, DROP, a view, a special
     * plan) is held by the scheduler until COMPLETE whatever the strategy, as in Vitess, so only
     * a statement the strategy's engine runs (an ALTER TABLE, or its REVERT) needs the strategy
     * to postpone its cut-over. {@code mysql} is the exception: Vitess refuses the flag under
     * {@code mysql} for every statement, and so does this rule.
     * {@code --allow-zero-in-date}: the capabilities decide (Vitess hard-codes it for {@code mysql});
     * the messages name the strategy.
     *
     * @param strategyName the migration's strategy name, as printed
     * @param postponeCompletionRequested the options carry {@code --postpone-completion}
     * @param allowZeroInDateRequested the options carry {@code --allow-zero-in-date}
     * @param immediateOperation review found the migration to be an immediate operation
     */
    public static List<RuleViolation> strategyIncompatibilities(
            String strategyName,
            StrategyCapabilities capabilities,
            boolean postponeCompletionRequested,
            boolean allowZeroInDateRequested,
            boolean immediateOperation) {
        Objects.requireNonNull(strategyName, "strategyName");
        Objects.requireNonNull(capabilities, "capabilities");
        List<RuleViolation> violations = new ArrayList<>();
        boolean heldByTheScheduler = immediateOperation && !BuiltInStrategy.MYSQL.strategyName().equals(strategyName);
        if (postponeCompletionRequested && !capabilities.postponeCompletion() && !heldByTheScheduler) {
            violations.add(new RuleViolation("--postpone-completion not supported in '" + strategyName + "' strategy"));
        }
        if (allowZeroInDateRequested && !capabilities.allowZeroInDate()) {
            violations.add(new RuleViolation("--allow-zero-in-date not supported in '" + strategyName + "' strategy"));
        }
        return List.copyOf(violations);
    }
}
