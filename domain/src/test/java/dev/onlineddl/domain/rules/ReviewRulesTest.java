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

    @ParameterizedTest(name = "[{index}] {0} --postpone-completion={1} --allow-zero-in-date={2}")
    @CsvSource(delimiter = '|', value = {
            "MYSQL  | true  | false | --postpone-completion not supported in 'mysql' strategy",
            "MYSQL  | false | true  | --allow-zero-in-date not supported in 'mysql' strategy",
            "MYSQL  | true  | true  | --postpone-completion not supported in 'mysql' strategy;--allow-zero-in-date not supported in 'mysql' strategy",
            "MYSQL  | false | false | ",
            "VITESS | true  | true  | ",
            "ONLINE | true  | true  | ",
            "GH_OST | true  | true  | ",
            "PT_OSC | false | true  | ",
            // pt-osc cannot postpone its cut-over: refused rather than silently ignored
            "PT_OSC | true  | false | --postpone-completion not supported in 'pt-osc' strategy",
    })
    void strategyIncompatibilities(BuiltInStrategy strategy, boolean postpone, boolean zeroInDate, String expected) {
        List<String> messages = ReviewRules.strategyIncompatibilities(strategy.strategyName(), strategy.capabilities(),
                postpone, zeroInDate).stream().map(RuleViolation::message).toList();

        assertThat(messages).isEqualTo(expected == null ? List.of() : List.of(expected.split(";")));
    }

    @Test
    void ruleViolationPrintsItsMessage() {
        assertThat(new RuleViolation("no")).hasToString("no");
    }
}
