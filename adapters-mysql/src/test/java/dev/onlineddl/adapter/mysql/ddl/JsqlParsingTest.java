package dev.onlineddl.adapter.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import java.util.Optional;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import org.junit.jupiter.api.Test;

/** The guard that keeps JSQLParser from silently changing a statement. */
class JsqlParsingTest {

    @Test
    void spacingKeywordCaseAndCommentsMayDiffer() {
        assertThatCode(() -> JsqlParsing.requireSameTokens("add  index i(a) /* c */ comment 'X  y'",
                "ADD INDEX i (a) COMMENT 'X  y'", "s")).doesNotThrowAnyException();
    }

    @Test
    void anyOtherDifferenceIsRefused() {
        assertThatThrownBy(() -> JsqlParsing.requireSameTokens("a int unsigned NOT NULL", "a int NOT NULL", "the statement"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cannot handle DDL statement safely: the statement")
                .hasMessageContaining("would print NOT where the statement has UNSIGNED (token 3)");
        // identifier and literal case is meaning, not spelling
        assertThatThrownBy(() -> JsqlParsing.requireSameTokens("DEFAULT 'a'", "DEFAULT 'A'", "s"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> JsqlParsing.requireSameTokens("KEY `A` (a)", "KEY `a` (a)", "s"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> JsqlParsing.requireSameTokens("a, b", "a", "s"))
                .hasMessageContaining("would print (end) where the statement has ,");
    }

    @Test
    void aRealMisprintOfJsqlParser54IsCaught() {
        // JSQLParser 5.4 prints the index option KEY_BLOCK_SIZE 8 as KEY_BLOCK_SIZE8
        assertThatThrownBy(() -> new JsqlDdlAnalyzer().analyzeSubmission("ALTER TABLE t ADD INDEX i (a) KEY_BLOCK_SIZE 8",
                false, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("would print KEY_BLOCK_SIZE8 where the statement has KEY_BLOCK_SIZE");
    }

    @Test
    void parseErrorsNameTheStatementAndThePart() {
        assertThatThrownBy(() -> JsqlParsing.parse("CREATE TABLE (", CreateTable.class, "CREATE TABLE x (", "CREATE TABLE x ("))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cannot parse DDL statement: CREATE TABLE x (: ")
                .hasMessageNotContaining("line 1");
        assertThatThrownBy(() -> JsqlParsing.parse("SELECT 1", CreateTable.class, "ALTER TABLE x FOO", "FOO"))
                .hasMessageStartingWith("cannot parse DDL statement: ALTER TABLE x FOO (at \"FOO\"): not understood as CREATE TABLE");
    }
}
