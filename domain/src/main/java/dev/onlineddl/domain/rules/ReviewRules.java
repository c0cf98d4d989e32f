package dev.onlineddl.domain.rules;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.StrategyCapabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What review decides about a queued migration before the scheduler may see it (Vitess {@code reviewQueuedMigrations}). */
public final class ReviewRules {

    /** A transient error that comes back on this many consecutive reviews fails the migration. */
    public static final int TRANSIENT_REVIEW_ATTEMPTS = 10;

    private static final Set<Integer> TRANSIENT_ERROR_CODES = Set.of(
            2006, // CR_SERVER_GONE_ERROR
            2013, // CR_SERVER_LOST
            1205, // ER_LOCK_WAIT_TIMEOUT
            1213, // ER_LOCK_DEADLOCK
            1040, // ER_CON_COUNT_ERROR
            1290, // ER_OPTION_PREVENTS_STATEMENT (--read-only)
            1836); // ER_READ_ONLY_MODE

    private ReviewRules() {
    }

    /**
     * Whether a server error met while reviewing a queued migration may go away by itself (the
     * connection, a lock, the connection limit, a read-only server during a failover), so that the
     * migration stays queued for the next review instead of failing: SQLState class {@code 08}
     * (connection exceptions, such as Connector/J's {@code CommunicationsException}), and the
     * error numbers 2006, 2013, 1205, 1213, 1040, 1290 and 1836.
     *
     * @param sqlState the SQLState; null if the driver gave none
     * @param errorCode the server's (or client library's) error number
     */
    public static boolean isTransientReviewError(String sqlState, int errorCode) {
        return (sqlState != null && sqlState.startsWith("08")) || TRANSIENT_ERROR_CODES.contains(errorCode);
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
