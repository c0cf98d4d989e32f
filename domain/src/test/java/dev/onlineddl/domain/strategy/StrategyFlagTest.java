package dev.onlineddl.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrategyFlagTest {

    @Test
    void theThirteenFlagsOfV16WithTheirExactSpelling() {
        assertThat(Arrays.stream(StrategyFlag.values()).map(StrategyFlag::flagName)).containsExactly(
                "declarative", "skip-topo", "singleton", "singleton-context", "allow-zero-in-date",
                "postpone-launch", "postpone-completion", "in-order-completion", "allow-concurrent",
                "prefer-instant-ddl", "fast-range-rotation", "vreplication-test-suite", "unsafe-allow-foreign-keys");
    }

    @ParameterizedTest
    @EnumSource(StrategyFlag.class)
    void singleAndDoubleDashSpellTheFlag(StrategyFlag flag) {
        assertThat(flag.matches("-" + flag.flagName())).isTrue();
        assertThat(flag.matches("--" + flag.flagName())).isTrue();
        assertThat(StrategyFlag.fromToken("-" + flag.flagName())).contains(flag);
        assertThat(StrategyFlag.fromToken("--" + flag.flagName())).contains(flag);
        assertThat(flag.commandLineForm()).isEqualTo("--" + flag.flagName());
        assertThat(flag).hasToString("--" + flag.flagName());
    }

    @ParameterizedTest
    @EnumSource(StrategyFlag.class)
    void nearMissesAreNotTheFlag(StrategyFlag flag) {
        String name = flag.flagName();
        assertThat(flag.matches(name)).isFalse();
        assertThat(flag.matches("---" + name)).isFalse();
        assertThat(flag.matches("--" + name + "=true")).isFalse();
        assertThat(flag.matches("--" + name.toUpperCase())).isFalse();
        assertThat(flag.matches(" --" + name)).isFalse();
        assertThat(flag.matches("--" + name + "x")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "--", "--max-load=Threads_running=1", "--singleton=1", "singleton",
            "--postpone-complete", "--allow_concurrent", "+singleton"})
    void tokensThatAreNoFlagAreRuntimeOptions(String token) {
        assertThat(StrategyFlag.fromToken(token)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "--singleton, SINGLETON",
            "-singleton-context, SINGLETON_CONTEXT",
            "--skip-topo, SKIP_TOPO",
            "-unsafe-allow-foreign-keys, UNSAFE_ALLOW_FOREIGN_KEYS"})
    void similarNamesAreToldApart(String token, StrategyFlag expected) {
        assertThat(StrategyFlag.fromToken(token)).contains(expected);
    }
}
