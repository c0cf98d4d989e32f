package dev.onlineddl.port.out;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DdlExecutionExceptionTest {

    @Test
    void messageNamesStatementTargetErrorAndAdvice() {
        DdlExecutionException failure = new DdlExecutionException(DdlExecutionException.Kind.REJECTED, "shop", "orders",
                "ALTER TABLE orders ADD COLUMN x INT", 1146, "42S02", "Table 'shop.orders' doesn't exist",
                "check the table name", null);

        assertThat(failure.getMessage()).isEqualTo("DDL on `shop`.`orders` failed: Table 'shop.orders' doesn't exist"
                + " [MySQL error 1146, SQLSTATE 42S02]. Statement: ALTER TABLE orders ADD COLUMN x INT."
                + " What to do: check the table name");
        assertThat(failure.kind()).isEqualTo(DdlExecutionException.Kind.REJECTED);
        assertThat(failure.schema()).isEqualTo("shop");
        assertThat(failure.table()).isEqualTo("orders");
        assertThat(failure.statement()).isEqualTo("ALTER TABLE orders ADD COLUMN x INT");
        assertThat(failure.errorCode()).isEqualTo(1146);
        assertThat(failure.sqlState()).isEqualTo("42S02");
        assertThat(failure.advice()).isEqualTo("check the table name");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            CANNOT_CONNECT  | shop | ''     | 0    | 08001 | could not connect to run DDL on `shop`: boom [SQLSTATE 08001].
            CONNECTION_LOST | shop | orders | 2013 | NULL  | the connection was lost while running DDL on `shop`.`orders` (the change may or may not have been applied): boom [MySQL error 2013].
            REJECTED        | shop | NULL   | 0    | NULL  | DDL on `shop` failed: boom.
            """)
    void messageFitsEachKind(DdlExecutionException.Kind kind, String schema, String table, int code, String sqlState, String expectedStart) {
        DdlExecutionException failure = new DdlExecutionException(kind, schema, table, "DROP TABLE t", code, sqlState, "boom",
                "retry", null);

        assertThat(failure.getMessage()).startsWith(expectedStart).endsWith("Statement: DROP TABLE t. What to do: retry");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE USER 'u'@'%' IDENTIFIED BY 's3cret'                           | CREATE USER 'u'@'%' IDENTIFIED BY '***'
            alter user u identified with mysql_native_password by "p'w"          | alter user u identified with mysql_native_password by '***'
            SET PASSWORD = 'x'; ALTER USER u IDENTIFIED BY 'it''s' , u2 IDENTIFIED BY 'b\\'c' | SET PASSWORD = 'x'; ALTER USER u IDENTIFIED BY '***' , u2 IDENTIFIED BY '***'
            ALTER TABLE t COMMENT 'identified by nobody'                          | ALTER TABLE t COMMENT 'identified by nobody'
            """)
    void printableStatementsHidePasswords(String statement, String expected) {
        assertThat(DdlExecutionException.printable(statement)).isEqualTo(expected);
    }

    @Test
    void printableStatementsAreShortened() {
        String statement = "CREATE TABLE t (" + "c INT, ".repeat(300) + "id INT)";

        String printable = DdlExecutionException.printable(statement);

        assertThat(printable).hasSize(DdlExecutionException.MAX_STATEMENT_IN_MESSAGE + (" (" + statement.length() + " characters)").length() + 3)
                .endsWith("... (" + statement.length() + " characters)");
        assertThat(DdlExecutionException.printable(null)).isEmpty();
    }
}
