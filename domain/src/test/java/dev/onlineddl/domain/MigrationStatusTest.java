package dev.onlineddl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationStatusTest {

    /** The legal moves, written out independently of the enum (besides staying put). */
    private static final Map<MigrationStatus, Set<MigrationStatus>> LEGAL = Map.of(
            MigrationStatus.QUEUED, EnumSet.of(MigrationStatus.READY, MigrationStatus.FAILED, MigrationStatus.CANCELLED),
            MigrationStatus.READY, EnumSet.of(MigrationStatus.RUNNING, MigrationStatus.COMPLETE,
                    MigrationStatus.FAILED, MigrationStatus.CANCELLED),
            MigrationStatus.RUNNING, EnumSet.of(MigrationStatus.COMPLETE, MigrationStatus.FAILED, MigrationStatus.CANCELLED),
            MigrationStatus.COMPLETE, EnumSet.noneOf(MigrationStatus.class),
            MigrationStatus.FAILED, EnumSet.of(MigrationStatus.QUEUED),
            MigrationStatus.CANCELLED, EnumSet.of(MigrationStatus.QUEUED));

    private static final Map<MigrationStatus, String> ALLOWED_TEXT = Map.of(
            MigrationStatus.QUEUED, "ready, failed, cancelled",
            MigrationStatus.READY, "running, complete, failed, cancelled",
            MigrationStatus.RUNNING, "complete, failed, cancelled",
            MigrationStatus.COMPLETE, "none, it is final",
            MigrationStatus.FAILED, "queued",
            MigrationStatus.CANCELLED, "queued");

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (MigrationStatus from : MigrationStatus.values()) {
            for (MigrationStatus to : MigrationStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyVitessMovesAreLegal(MigrationStatus from, MigrationStatus to) {
        boolean legal = from == to || LEGAL.get(from).contains(to);

        assertThat(from.canTransitionTo(to)).isEqualTo(legal);
        if (legal) {
            assertThat(from.transitionTo(to)).isSameAs(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("illegal migration status transition: " + from.wireName() + " -> " + to.wireName()
                            + " (allowed from " + from.wireName() + ": " + ALLOWED_TEXT.get(from) + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(MigrationStatus.class)
    void successorsAreTheLegalMovesElsewhere(MigrationStatus status) {
        assertThat(status.successors()).isEqualTo(LEGAL.get(status));
    }

    @ParameterizedTest
    @CsvSource({
            "QUEUED, queued, false, true, false",
            "READY, ready, false, true, false",
            "RUNNING, running, false, true, false",
            "COMPLETE, complete, true, false, false",
            "FAILED, failed, true, false, true",
            "CANCELLED, cancelled, true, false, true"})
    void wireNameAndClassification(MigrationStatus status, String wireName, boolean terminal, boolean pending,
                                   boolean retryable) {
        assertThat(status.wireName()).isEqualTo(wireName);
        assertThat(status.isTerminal()).isEqualTo(terminal);
        assertThat(status.isPending()).isEqualTo(pending);
        assertThat(status.isRetryable()).isEqualTo(retryable);
        assertThat(MigrationStatus.fromWireName(wireName)).isSameAs(status);
        assertThat(MigrationStatus.fromWireName(wireName.toUpperCase())).isSameAs(status);
        assertThat(MigrationStatus.fromWireName(" " + wireName + "\t")).isSameAs(status);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "requested", "retry", "complete!", "cancel", "queue d"})
    void unknownStatusesAreRejected(String name) {
        assertThatThrownBy(() -> MigrationStatus.fromWireName(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown migration status '" + name
                        + "': expected one of queued, ready, running, complete, failed, cancelled");
    }
}
