package dev.onlineddl.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.DdlAction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewRulesTest {

    @ParameterizedTest(name = "[{index}] {0} revert={1} view={2} => {3}")
    @CsvSource({
            "CREATE, false, false, IMMEDIATE",
            "CREATE, true,  true,  IMMEDIATE",
            "DROP,   false, false, IMMEDIATE",
            "DROP,   true,  false, IMMEDIATE",
            "ALTER,  false, true,  IMMEDIATE",
            "ALTER,  true,  true,  IMMEDIATE",
            "ALTER,  true,  false, NOT_IMMEDIATE",
            "ALTER,  false, false, IMMEDIATE_IF_SPECIAL_PLAN",
            // a REVERT whose fill-in did not happen keeps 'revert' and is not immediate
            "REVERT, true,  false, NOT_IMMEDIATE",
            ",       false, false, NOT_IMMEDIATE",
    })
    void immediacyAtReview(DdlAction storedAction, boolean revert, boolean view, Immediacy expected) {
        assertThat(ReviewRules.immediacyAtReview(storedAction, revert, view)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with special plan found={1} => immediate {2}")
    @CsvSource({
            "IMMEDIATE, false, true", "IMMEDIATE, true, true",
            "NOT_IMMEDIATE, false, false", "NOT_IMMEDIATE, true, false",
            "IMMEDIATE_IF_SPECIAL_PLAN, false, false", "IMMEDIATE_IF_SPECIAL_PLAN, true, true",
    })
    void immediacyResolvesWithTheSpecialPlanAnalysis(Immediacy immediacy, boolean specialPlanFound, boolean expected) {
        assertThat(immediacy.isImmediate(specialPlanFound)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} --postpone-completion={1} --allow-zero-in-date={2} immediate={3}")
    @CsvSource(delimiter = '|', value = {
            "MYSQL  | true  | false | false | --postpone-completion not supported in 'mysql' strategy",
            "MYSQL  | false | true  | false | --allow-zero-in-date not supported in 'mysql' strategy",
            "MYSQL  | true  | true  | false | --postpone-completion not supported in 'mysql' strategy;--allow-zero-in-date not supported in 'mysql' strategy",
            "MYSQL  | false | false | false | ",
            // Vitess refuses it under mysql for a CREATE, DROP or view as well
            "MYSQL  | true  | false | true  | --postpone-completion not supported in 'mysql' strategy",
            "VITESS | true  | true  | false | ",
            "ONLINE | true  | true  | false | ",
            "GH_OST | true  | true  | false | ",
            "PT_OSC | false | true  | false | ",
            // pt-osc cannot postpone its cut-over: an ALTER it runs is refused rather than silently completed
            "PT_OSC | true  | false | false | --postpone-completion not supported in 'pt-osc' strategy",
            // a CREATE, DROP or view is held by the scheduler until COMPLETE, whatever the strategy
            "PT_OSC | true  | false | true  | ",
            "PT_OSC | true  | true  | true  | ",
    })
    void strategyIncompatibilities(BuiltInStrategy strategy, boolean postpone, boolean zeroInDate, boolean immediate,
            String expected) {
        List<String> messages = ReviewRules.strategyIncompatibilities(strategy.strategyName(), strategy.capabilities(),
                postpone, zeroInDate, immediate).stream().map(RuleViolation::message).toList();

        assertThat(messages).isEqualTo(expected == null ? List.of() : List.of(expected.split(";")));
    }

    @ParameterizedTest(name = "SQLState {0}, error {1} => transient {2}")
    @CsvSource(delimiter = '|', value = {
            "08S01 | 0    | true",  // Connector/J's CommunicationsException
            "08004 | 1040 | true",
            "08001 | 0    | true",
            "HY000 | 2006 | true",
            "HY000 | 2013 | true",
            "40001 | 1213 | true",
            "HY000 | 1205 | true",
            "HY000 | 1290 | true",
            "25006 | 1836 | true",
            "      | 1205 | true",
            "42S02 | 1146 | false", // no such table: it will not appear by waiting
            "42000 | 1064 | false",
            "HY000 | 1105 | false",
            "      | 0    | false",
    })
    void transientReviewErrors(String sqlState, int errorCode, boolean expected) {
        assertThat(ReviewRules.isTransientReviewError(sqlState, errorCode)).isEqualTo(expected);
    }

    @Test
    void ruleViolationPrintsItsMessage() {
        assertThat(new RuleViolation("no")).hasToString("no");
    }
}
