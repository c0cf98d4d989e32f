package dev.onlineddl.adapter.mysql.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.adapter.mysql.sql.SqlToken.Type;
import dev.onlineddl.domain.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlLexerTest {

    private static List<String> texts(String sql) {
        return SqlLexer.significantTokens(sql).stream().map(SqlToken::text).toList();
    }

    @Test
    void quotesKeepTheirContentsWhole() {
        assertThat(texts("a 'it''s; -- no' \"x\\\"y\" `we``ird;` b"))
                .containsExactly("a", "'it''s; -- no'", "\"x\\\"y\"", "`we``ird;`", "b");
        assertThat(SqlLexer.significantTokens("`we``ird`").get(0).identifierValue()).isEqualTo("we`ird");
        assertThat(SqlLexer.significantTokens("plain").get(0).identifierValue()).isEqualTo("plain");
    }

    @Test
    void commentsAreTokensOfTheirOwn() {
        List<SqlToken> tokens = SqlLexer.tokenize("a -- line\n# hash\n/* block */b--c");

        assertThat(tokens.stream().filter(token -> token.type() == Type.COMMENT).map(SqlToken::text))
                .containsExactly("-- line", "# hash", "/* block */");
        // "--" followed by a non-space is two minus signs, as in MySQL
        assertThat(texts("a -- line\n# hash\n/* block */b--c")).containsExactly("a", "b", "-", "-", "c");
    }

    @Test
    void executableCommentContentIsCode() {
        assertThat(texts("CREATE TABLE t (a int) /*!50100 PARTITION BY HASH (a) */ /*M!100301 COMMENT 'x' */"))
                .containsExactly("CREATE", "TABLE", "t", "(", "a", "int", ")", "PARTITION", "BY", "HASH", "(", "a", ")",
                        "COMMENT", "'x'");
    }

    @Test
    void serverTextKeepsEachExecutableCommentWholeAndDropsPlainOnes() {
        String showCreate = "CREATE TABLE `t` (\n  `a` int /* plain */\n) ENGINE=InnoDB /*M!100301 COMPRESSED=1 */"
                + " /*!50100 PARTITION BY HASH (`a`) */";

        List<SqlToken> tokens = SqlLexer.serverTokens(showCreate);

        assertThat(tokens).extracting(SqlToken::text).containsExactly("CREATE", "TABLE", "`t`", "(", "`a`", "int", ")",
                "ENGINE", "=", "InnoDB", "/*M!100301 COMPRESSED=1 */", "/*!50100 PARTITION BY HASH (`a`) */");
        SqlToken partitioning = tokens.get(tokens.size() - 1);
        assertThat(partitioning.type()).isEqualTo(Type.EXECUTABLE_COMMENT);
        assertThat(showCreate.substring(partitioning.start(), partitioning.end())).isEqualTo(partitioning.text());
        assertThatThrownBy(() -> SqlLexer.serverTokens("ENGINE=InnoDB /*!50100 PARTITION BY HASH (a)"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unterminated executable comment");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a->>'$.x'|a ->> '$.x'",
            "x<=>y|x <=> y",
            "1.5e3|1.5e3",
            "1abc|1abc",
            "@@session.sql_mode|@@session.sql_mode",
            "'u'@'h'|'u' @'h'",
            "a!=b|a != b",
    })
    void operatorsNumbersAndVariablesAreSingleTokens(String sql, String spaced) {
        assertThat(String.join(" ", texts(sql))).isEqualTo(spaced);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT 'open|string literal",
            "SELECT `open|quoted identifier",
            "SELECT /* open|comment",
            "SELECT /*!50100 open|executable comment",
    })
    void unterminatedTextIsAClearError(String sql, String what) {
        assertThatThrownBy(() -> SqlLexer.tokenize(sql))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unterminated " + what)
                .hasMessageContaining(sql);
    }

    @Test
    void singleSpacingLeavesLiteralsAlone() {
        assertThat(SqlLexer.singleSpaced("  ADD  INDEX /* c */ i (a)   COMMENT 'two  spaces' "))
                .isEqualTo("ADD INDEX i (a) COMMENT 'two  spaces'");
    }
}
