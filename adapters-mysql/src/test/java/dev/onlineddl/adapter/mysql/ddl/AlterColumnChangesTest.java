package dev.onlineddl.adapter.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.ddl.AlterColumnChanges;
import dev.onlineddl.domain.ddl.DdlStatement;
import dev.onlineddl.domain.ddl.DdlStatementKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The column changes of an ALTER TABLE, as Vitess v16's vrepl analysis reads them. */
class AlterColumnChangesTest {

    private final JsqlDdlAnalyzer analyzer = new JsqlDdlAnalyzer();

    private AlterColumnChanges changes(String alter) {
        return analyzer.alterColumnChanges(alter);
    }

    @Test
    void dropColumnWithAndWithoutTheColumnKeyword() {
        assertThat(changes("ALTER TABLE t DROP COLUMN c1").droppedColumns()).containsExactly("c1");
        assertThat(changes("ALTER TABLE t DROP c2").droppedColumns()).containsExactly("c2");
        assertThat(changes("ALTER TABLE t DROP COLUMN IF EXISTS c3").droppedColumns()).containsExactly("c3");
    }

    @Test
    void droppingAnIndexOrKeyDropsNoColumn() {
        AlterColumnChanges changes = changes(
                "ALTER TABLE t DROP INDEX i, DROP KEY k, DROP PRIMARY KEY, DROP CONSTRAINT chk, DROP FOREIGN KEY fk");

        assertThat(changes.droppedColumns()).isEmpty();
        assertThat(changes.renamedColumns()).isEmpty();
    }

    @Test
    void changeColumnIsARenameEvenWhenTheNameStays() {
        assertThat(changes("ALTER TABLE t CHANGE COLUMN a b int NOT NULL").renamedColumns()).containsExactly(
                entry("a", "b"));
        assertThat(changes("ALTER TABLE t CHANGE c c bigint").renamedColumns()).containsExactly(
                entry("c", "c"));
    }

    @Test
    void renameColumn() {
        assertThat(changes("ALTER TABLE t RENAME COLUMN old_name TO new_name").renamedColumns())
                .containsExactly(entry("old_name", "new_name"));
    }

    @Test
    void modifyAndAddChangeNoName() {
        AlterColumnChanges changes = changes("ALTER TABLE t MODIFY a bigint, ADD COLUMN z int, ADD UNIQUE KEY uk (z)");

        assertThat(changes).isEqualTo(AlterColumnChanges.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TABLE t RENAME TO u", "ALTER TABLE t RENAME AS u", "ALTER TABLE t RENAME u",
            "ALTER TABLE t ADD COLUMN x int, RENAME TO `u`"})
    void renamingTheTable(String alter) {
        assertThat(changes(alter).renamesTable()).isTrue();
    }

    @Test
    void renamingAnIndexIsNotRenamingTheTableOrAColumn() {
        AlterColumnChanges changes = changes("ALTER TABLE t RENAME INDEX a TO b, RENAME KEY c TO d");

        assertThat(changes).isEqualTo(AlterColumnChanges.NONE);
    }

    @Test
    void autoIncrementTableOption() {
        assertThat(changes("ALTER TABLE t AUTO_INCREMENT=100").setsAutoIncrement()).isTrue();
        assertThat(changes("ALTER TABLE t ENGINE=InnoDB, AUTO_INCREMENT 7").setsAutoIncrement()).isTrue();
        assertThat(changes("ALTER TABLE t ENGINE=InnoDB").setsAutoIncrement()).isFalse();
        // a column's AUTO_INCREMENT attribute is not the table option
        assertThat(changes("ALTER TABLE t MODIFY id bigint NOT NULL AUTO_INCREMENT").setsAutoIncrement()).isFalse();
    }

    @Test
    void severalClausesInOrder() {
        AlterColumnChanges changes = changes("ALTER TABLE t DROP COLUMN b, ADD COLUMN x int, CHANGE a a2 int,"
                + " DROP `c`, RENAME COLUMN d TO d2, AUTO_INCREMENT = 5");

        assertThat(changes.droppedColumns()).containsExactly("b", "c");
        assertThat(changes.renamedColumns()).containsExactly(entry("a", "a2"),
                entry("d", "d2"));
        assertThat(changes.renamesTable()).isFalse();
        assertThat(changes.setsAutoIncrement()).isTrue();
    }

    @Test
    void backtickedNamesAreUnquotedAndKeepTheirCase() {
        AlterColumnChanges changes = changes(
                "ALTER TABLE `t` DROP COLUMN `Odd``Name`, CHANGE `Old Col` `New Col` int, RENAME COLUMN `A` TO `b`");

        assertThat(changes.droppedColumns()).containsExactly("Odd`Name");
        assertThat(changes.renamedColumns()).containsExactly(entry("Old Col", "New Col"),
                entry("A", "b"));
    }

    @Test
    void theResultIsImmutable() {
        AlterColumnChanges changes = changes("ALTER TABLE t DROP COLUMN a, CHANGE b c int");

        assertThatThrownBy(() -> changes.droppedColumns().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> changes.renamedColumns().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    static Stream<DdlCorpus.Case> supportedCases() {
        return DdlCorpus.supportedCases();
    }

    /** Every ALTER TABLE online DDL accepts (as stored) can be analysed, whatever its clauses. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedCases")
    void everySupportedAlterOfTheCorpusHasColumnChanges(DdlCorpus.Case corpusCase) {
        List<DdlStatement> alters = analyzer.analyzeSubmission(corpusCase.statement(), corpusCase.allowForeignKeys(),
                Optional.empty()).stream().filter(statement -> statement.kind() == DdlStatementKind.ALTER_TABLE).toList();

        for (DdlStatement alter : alters) {
            assertThat(changes(alter.sql()).renamesTable()).isFalse();
        }
    }

    @Test
    void invalidTextNamesTheStatement() {
        assertThatThrownBy(() -> changes("ALTER TABLE t FROBNICATE c"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ALTER TABLE t FROBNICATE c");
        assertThatThrownBy(() -> changes("CREATE TABLE t (id int)"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CREATE TABLE t (id int)");
        assertThatThrownBy(() -> changes("ALTER TABLE t DROP a; ALTER TABLE t DROP b"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ALTER TABLE t DROP a");
    }
}
