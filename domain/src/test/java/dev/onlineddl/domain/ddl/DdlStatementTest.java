package dev.onlineddl.domain.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.MigrationUuid;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DdlStatementTest {

    private static final MigrationUuid UUID = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");

    @ParameterizedTest
    @CsvSource({
            "CREATE_TABLE, CREATE, false",
            "ALTER_TABLE, ALTER, false",
            "DROP_TABLE, DROP, false",
            "CREATE_VIEW, CREATE, true",
            "ALTER_VIEW, ALTER, true",
            "DROP_VIEW, DROP, true",
    })
    void tableAndViewStatementsMapToTheirAction(DdlStatementKind kind, DdlAction action, boolean view) {
        DdlStatement statement = DdlStatement.of(kind, "t", false, false, false, "SQL");

        assertThat(statement.action()).isEqualTo(action);
        assertThat(statement.isView()).isEqualTo(view);
        assertThat(statement.isRevert()).isFalse();
        assertThat(statement.revertOf()).isEmpty();
    }

    @Test
    void revertNamesTheRevertedMigrationAndNoTable() {
        DdlStatement revert = DdlStatement.revert(UUID);

        assertThat(revert.kind()).isEqualTo(DdlStatementKind.REVERT);
        assertThat(revert.action()).isEqualTo(DdlAction.REVERT);
        assertThat(revert.isRevert()).isTrue();
        assertThat(revert.isView()).isFalse();
        assertThat(revert.table()).isEmpty();
        assertThat(revert.revertOf()).contains(UUID);
        assertThat(revert.sql()).isEqualTo("REVERT VITESS_MIGRATION 'a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a'");
    }

    @Test
    void revertEscapesABackslashVitessUuidQuirkAdmits() {
        // [0-f] is an ASCII range that contains '\'; unescaped it would swallow the closing quote
        MigrationUuid odd = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9\\");

        assertThat(DdlStatement.revert(odd).sql()).endsWith("9\\\\'");
    }

    @Test
    void rejectsInconsistentDescriptions() {
        assertThatThrownBy(() -> new DdlStatement(DdlStatementKind.REVERT, "t", false, false, false, Optional.of(UUID), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no table");
        assertThatThrownBy(() -> new DdlStatement(DdlStatementKind.REVERT, "", false, false, false, Optional.empty(), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names the migration");
        assertThatThrownBy(() -> new DdlStatement(DdlStatementKind.ALTER_TABLE, "t", false, false, false, Optional.of(UUID), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reverts nothing");
        assertThatThrownBy(() -> DdlStatement.of(DdlStatementKind.ALTER_TABLE, "", false, false, false, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names a table");
        assertThatThrownBy(() -> DdlStatement.of(DdlStatementKind.ALTER_TABLE, "t", false, false, false, "  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQL text");
        assertThatThrownBy(() -> DdlStatement.revert(null)).isInstanceOf(NullPointerException.class);
    }
}
