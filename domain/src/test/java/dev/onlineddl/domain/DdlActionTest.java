package dev.onlineddl.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DdlActionTest {

    @ParameterizedTest
    @CsvSource({"CREATE, create", "ALTER, alter", "DROP, drop", "REVERT, revert"})
    void wireNamesParseBackInAnyCase(DdlAction action, String wireName) {
        assertThat(action.wireName()).isEqualTo(wireName);
        assertThat(DdlAction.fromWireName(wireName)).isSameAs(action);
        assertThat(DdlAction.fromWireName(wireName.toUpperCase())).isSameAs(action);
        assertThat(DdlAction.fromWireName("  " + wireName + " ")).isSameAs(action);
    }

    @ParameterizedTest
    @CsvSource({"CREATE, DROP", "DROP, CREATE", "ALTER, ALTER"})
    void aRevertDoesTheOpposite(DdlAction action, DdlAction reverted) {
        assertThat(action.revertedAction()).isSameAs(reverted);
        assertThat(action.revertedAction().revertedAction()).isSameAs(action);
    }

    @Test
    void aRevertIsRewrittenBeforeItCanBeReverted() {
        assertThatThrownBy(DdlAction.REVERT::revertedAction)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("unexpected action revert: a reverted migration is rewritten to the action it mimics at review");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "rename", "truncate", "create table", "alterr"})
    void otherActionsAreRejected(String name) {
        assertThatThrownBy(() -> DdlAction.fromWireName(name))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unsupported online DDL action '" + name + "': expected one of create, alter, drop, revert");
    }
}
