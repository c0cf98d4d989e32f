package dev.onlineddl.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.port.out.MigrationTarget;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExecutorConfigTest {

    private static final ExecutorConfig DEFAULTS = ExecutorConfig.defaults("host-a:shop", "shop");

    @Test
    void defaultsAreVitessDefaults() {
        assertThat(DEFAULTS.executorId()).isEqualTo("host-a:shop");
        assertThat(DEFAULTS.target()).isEqualTo(new MigrationTarget("shop", "0", "shop"));
        assertThat(DEFAULTS.checkInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(DEFAULTS.nextCheckIntervals()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(DEFAULTS.artifactRetention()).isEqualTo(Duration.ofHours(24));
        assertThat(DEFAULTS.retainArtifactsSeconds()).isEqualTo(86400);
        assertThat(DEFAULTS.maxConcurrent().value()).isEqualTo(256);
        assertThat(DEFAULTS.staleThreshold()).isEqualTo(Duration.ofMinutes(180));
        assertThat(DEFAULTS.stalenessPolicy().thresholdMinutes()).isEqualTo(180);
    }

    @Test
    void maxConcurrentBelowOneIsSanitizedToOneAsInVitess() {
        assertThat(DEFAULTS.withMaxConcurrent(0).maxConcurrent().value()).isEqualTo(1);
        assertThat(DEFAULTS.withMaxConcurrent(3).maxConcurrent().value()).isEqualTo(3);
    }

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of("blank executor id", (UnaryOperator<ExecutorConfig>) c -> new ExecutorConfig(" ", c.target(),
                        c.checkInterval(), c.nextCheckIntervals(), c.artifactRetention(), c.maxConcurrent(),
                        c.staleThreshold(), c.directTimeout(), c.workDirectory()), "executor id"),
                Arguments.of("executor id longer than the tablet column", (UnaryOperator<ExecutorConfig>) c ->
                        new ExecutorConfig("x".repeat(129), c.target(), c.checkInterval(), c.nextCheckIntervals(),
                                c.artifactRetention(), c.maxConcurrent(), c.staleThreshold(), c.directTimeout(),
                                c.workDirectory()), "executor id"),
                Arguments.of("zero check interval", (UnaryOperator<ExecutorConfig>) c -> c.withCheckInterval(Duration.ZERO),
                        "check interval"),
                Arguments.of("negative re-check", (UnaryOperator<ExecutorConfig>) c ->
                        c.withNextCheckIntervals(List.of(Duration.ofSeconds(-1))), "next check interval"),
                Arguments.of("sub-second retention", (UnaryOperator<ExecutorConfig>) c ->
                        c.withArtifactRetention(Duration.ofMillis(10)), "artifact retention"),
                Arguments.of("sub-minute stale threshold", (UnaryOperator<ExecutorConfig>) c ->
                        c.withStaleThreshold(Duration.ofSeconds(59)), "stale threshold"),
                Arguments.of("zero direct timeout", (UnaryOperator<ExecutorConfig>) c ->
                        c.withDirectTimeout(Duration.ZERO), "direct timeout"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidChanges")
    void invalidSettingsAreRejectedNamingTheSetting(String description, UnaryOperator<ExecutorConfig> change, String named) {
        assertThatThrownBy(() -> change.apply(DEFAULTS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(named);
    }
}
