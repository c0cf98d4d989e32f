package dev.onlineddl.domain.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DdlSubmissionRulesTest {

    private static final MigrationUuid UUID = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final DdlStatement DROP_A = DdlStatement.of(DdlStatementKind.DROP_TABLE, "a", false, false, false, "DROP TABLE `a`");
    private static final DdlStatement DROP_B = DdlStatement.of(DdlStatementKind.DROP_TABLE, "b", false, false, false, "DROP TABLE `b`");

    @Test
    void aProvidedUuidNamesExactlyOneMigration() {
        assertThatThrownBy(() -> DdlSubmissionRules.requireSingleMigrationForProvidedUuid(Optional.of(UUID), List.of(DROP_A, DROP_B)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("UUID a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a provided but multiple DDLs generated")
                .hasMessageContaining("2 migrations");
    }

    @Test
    void oneMigrationOrNoProvidedUuidIsFine() {
        assertThatCode(() -> DdlSubmissionRules.requireSingleMigrationForProvidedUuid(Optional.of(UUID), List.of(DROP_A)))
                .doesNotThrowAnyException();
        assertThatCode(() -> DdlSubmissionRules.requireSingleMigrationForProvidedUuid(Optional.empty(), List.of(DROP_A, DROP_B)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectionsStartWithVitessMessageAndSayWhatToDo() {
        assertThat(DdlSubmissionRules.foreignKeyNotAllowed("t", "ALTER TABLE t ADD FOREIGN KEY ..."))
                .hasMessageStartingWith("foreign key constraints are not supported in online DDL, see https://vitess.io/blog/2021-06-15-online-ddl-why-no-fk/")
                .hasMessageContaining("table t")
                .hasMessageContaining("--unsafe-allow-foreign-keys");
        assertThat(DdlSubmissionRules.alterRenameNotAllowed("t", "ALTER TABLE t RENAME TO u"))
                .hasMessageStartingWith("ALTER TABLE ... RENAME is not supported in online DDL")
                .hasMessageContaining("RENAME TABLE");
        assertThat(DdlSubmissionRules.unsupportedStatement("TRUNCATE TABLE t", ""))
                .hasMessage("unsupported statement for Online DDL: TRUNCATE TABLE t");
        assertThat(DdlSubmissionRules.unsupportedStatement("CREATE TEMPORARY TABLE t (a int)", "temporary tables are per session"))
                .hasMessage("unsupported statement for Online DDL: CREATE TEMPORARY TABLE t (a int) (temporary tables are per session)");
    }
}
