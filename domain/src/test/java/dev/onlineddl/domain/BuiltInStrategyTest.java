package dev.onlineddl.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuiltInStrategyTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            // enum,   name,    revertible, concurrent, postpone, adoptable, external, zero-in-date, queued, vreplication
            "VITESS,   vitess,  true,  true,  true,  true,  false, true,  true,  true",
            "ONLINE,   online,  true,  true,  true,  true,  false, true,  true,  true",
            "GH_OST,   gh-ost,  false, false, true,  false, true,  true,  true,  false",
            "PT_OSC,   pt-osc,  false, false, false, false, true,  true,  true,  false",
            "MYSQL,    mysql,   false, false, false, false, false, false, true,  false",
            "DIRECT,   direct,  false, false, false, false, false, true,  false, false"})
    void capabilitiesAreExactlyThoseOfVitess(BuiltInStrategy strategy, String name, boolean revertibleAlter,
                                        boolean concurrentAlter, boolean postponeCompletion,
                                        boolean adoptableAfterRestart, boolean runsExternalTool,
                                        boolean allowZeroInDate, boolean queued, boolean vreplication) {
        assertThat(strategy.strategyName()).isEqualTo(name);
        assertThat(BuiltInStrategy.byName(name)).contains(strategy);
        assertThat(strategy.capabilities()).isEqualTo(new StrategyCapabilities(revertibleAlter, concurrentAlter,
                postponeCompletion, adoptableAfterRestart, runsExternalTool, allowZeroInDate, queued));
        assertThat(strategy.isVreplication()).isEqualTo(vreplication);
    }

    @Test
    void thereAreSixAndVitessIsTheDefault() {
        assertThat(Arrays.stream(BuiltInStrategy.values()).map(BuiltInStrategy::strategyName))
                .containsExactly("vitess", "online", "gh-ost", "pt-osc", "mysql", "direct");
        assertThat(BuiltInStrategy.DEFAULT).isSameAs(BuiltInStrategy.VITESS);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Vitess", "ONLINE", "ghost", "gh_ost", "pt-osc ", " mysql", "spirit"})
    void namesMatchExactly(String name) {
        assertThat(BuiltInStrategy.byName(name)).isEmpty();
    }

    @Test
    void minimalCapabilitiesAreQueuedAndNothingElse() {
        assertThat(StrategyCapabilities.MINIMAL)
                .isEqualTo(new StrategyCapabilities(false, false, false, false, false, false, true));
    }

    @Test
    void badInputIsAnIllegalArgument() {
        assertThat(new InvalidInputException("x")).isInstanceOf(IllegalArgumentException.class).hasMessage("x");
    }
}
