package dev.onlineddl.adapter.mysql.inspect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

import static org.assertj.core.api.Assertions.assertThat;

class ServerErrorsTest {

    @ParameterizedTest(name = "{0}/{1}: connection failure={2}, advice mentions ''{3}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            1064 | 42000 | false | syntax
            1146 | 42S02 | false | table name
            1051 | 42S02 | false | table name
            1049 | 42000 | false | schema name
            1050 | 42S01 | false | already exists
            1060 | 42S21 | false | SHOW CREATE TABLE
            1091 | 42000 | false | SHOW CREATE TABLE
            1062 | 23000 | false | duplicates
            1292 | 22007 | false | --allow-zero-in-date
            1205 | HY000 | false | lock_wait_timeout
            1142 | 42000 | false | privilege
            1290 | HY000 | false | read_only
            1846 | 0A000 | false | ALGORITHM
            1845 | 0A000 | false | ALGORITHM
            1452 | 23000 | false | foreign key
            1118 | 42000 | false | server limit
            1317 | 70100 | false | interrupted
            1927 | 70100 | true  | SHOW CREATE TABLE whether the change was applied
            1053 | 08S01 | true  | whether the change was applied
            2013 | HY000 | true  | whether the change was applied
            0    | 08S01 | true  | whether the change was applied
            0    | 08001 | true  | whether the change was applied
            9999 | HY000 | false | read the server's message
            0    | NULL  | false | read the server's message
            """)
    void classifiesByErrorNumberAndState(int code, String sqlState, boolean connectionFailure, String adviceMentions) {
        SQLException e = new SQLException("boom", sqlState, code);

        assertThat(ServerErrors.isConnectionFailure(e)).isEqualTo(connectionFailure);
        assertThat(ServerErrors.advice(e)).contains(adviceMentions);
    }

    @Test
    void driverConnectionExceptionsAreConnectionFailuresWhateverTheirState() {
        assertThat(ServerErrors.isConnectionFailure(new SQLRecoverableException("gone", "HY000", 0))).isTrue();
        assertThat(ServerErrors.isConnectionFailure(new SQLNonTransientConnectionException("gone", null, 0))).isTrue();
    }

    @ParameterizedTest(name = "cannot connect with {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            1045 | user name and password
            1044 | privilege
            1049 | schema name
            0    | reachable
            """)
    void adviceWhenNoConnectionCanBeOpened(int code, String adviceMentions) {
        assertThat(ServerErrors.cannotConnectAdvice(new SQLException("no", "08001", code))).contains(adviceMentions);
    }

    @Test
    void shortMessagesKeepTheFirstLine() {
        assertThat(ServerErrors.shortMessage(new SQLException("Communications link failure\n\nThe last packet ...", "08S01")))
                .isEqualTo("Communications link failure");
        assertThat(ServerErrors.shortMessage(new SQLException("Unknown table 'gone'"))).isEqualTo("Unknown table 'gone'");
        assertThat(ServerErrors.shortMessage(new SQLRecoverableException())).isEqualTo("SQLRecoverableException");
    }

    @ParameterizedTest(name = "{0}/{1} -> ''{2}''")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            1146 | 42S02 | ' [MySQL error 1146, SQLSTATE 42S02]'
            0    | 08S01 | ' [SQLSTATE 08S01]'
            1146 | NULL  | ' [MySQL error 1146]'
            0    | NULL  | ''
            """)
    void errorTags(int code, String sqlState, String expected) {
        assertThat(ServerErrors.errorTag(new SQLException("x", sqlState, code))).isEqualTo(expected);
    }
}
