package dev.onlineddl.adapter.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- create things; not yet
                CREATE TABLE a (s varchar(5) DEFAULT ';');
                /* a; b */ ALTER TABLE `we;ird` ADD COLUMN c int COMMENT "x;y" ; ;
                DROP TABLE a # trailing; comment
                """;

        assertThat(SqlScript.statements(script)).containsExactly(
                "CREATE TABLE a (s varchar(5) DEFAULT ';')",
                "ALTER TABLE `we;ird` ADD COLUMN c int COMMENT \"x;y\"",
                "DROP TABLE a");
    }

    @Test
    void onlyCommentsAndSemicolonsAreNoStatements() {
        assertThat(SqlScript.statements("  ; -- nothing\n/* here */ ;")).isEmpty();
    }
}
