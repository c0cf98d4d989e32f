package dev.onlineddl.testkit;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/** {@code read_only} stops the test user as it stops an application, and the admin account can set it. */
@ExtendWith(TestDatabaseExtension.class)
@Isolated("read_only is global: under parallel execution no other test may write meanwhile")
class ReadOnlyTest {

    /** MySQL and MariaDB: "The server is running with the --read-only option so it cannot execute this statement". */

    @Test
    void writesOfTheTestUserFailWhileTheAdminSetsReadOnly(TestDatabase db) throws SQLException {
        // On an external server the admin is the test user, and may well hold the privilege that ignores read_only.
        assumeTrue(db.server().kind() != TestServer.Kind.EXTERNAL, "needs a test user distinct from the admin");
        try (Connection user = db.openConnection(); Statement userStatement = user.createStatement();
                Connection admin = db.server().openAdminConnection(); Statement adminStatement = admin.createStatement()) {
            userStatement.execute("CREATE TABLE guarded (id INT PRIMARY KEY)");
            userStatement.execute("INSERT INTO guarded VALUES (1)");

            adminStatement.execute("SET GLOBAL read_only = 1");
            try {
                assertThatThrownBy(() -> userStatement.execute("INSERT INTO guarded VALUES (2)"))
                        .isInstanceOfSatisfying(SQLException.class,
                                refused -> assertThat(refused.getErrorCode()).isEqualTo(MysqlErrorNumbers.ER_OPTION_PREVENTS_STATEMENT));
            } finally {
                adminStatement.execute("SET GLOBAL read_only = 0");
            }

            userStatement.execute("INSERT INTO guarded VALUES (3)");
            try (ResultSet rows = userStatement.executeQuery("SELECT id FROM guarded ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(3);
                assertThat(rows.next()).isFalse();
            }
        }
    }
}
