package dev.onlineddl.testkit;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.naming.Identifiers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Privileges are enforced: the server does not run with {@code --skip-grant-tables}. */
@ExtendWith(TestDatabaseExtension.class)
class GrantsTest {

    private static final String PASSWORD = "grants-test-pw";

    private final TestDatabase db;
    private final String user;

    GrantsTest(TestDatabase db) {
        this.db = db;
        this.user = "tk_" + Integer.toHexString(db.name().hashCode());
    }

    @BeforeEach
    void createTable() throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS guarded (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void dropUser() throws SQLException {
        db.server().dropUser(user);
    }

    @Test
    void deniesAUserWithoutPrivileges() throws SQLException {
        db.server().createUser(user, PASSWORD);

        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), credentials()).close())
                .isInstanceOfSatisfying(SQLException.class,
                        denied -> assertThat(denied.getErrorCode()).isEqualTo(MysqlErrorNumbers.ER_DBACCESS_DENIED_ERROR));
        try (Connection connection = DriverManager.getConnection(db.server().serverJdbcUrl(), credentials());
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM " + Identifiers.quoteQualified(db.name(), "guarded")))
                    .isInstanceOfSatisfying(SQLException.class,
                            denied -> assertThat(denied.getErrorCode()).isEqualTo(MysqlErrorNumbers.ER_TABLEACCESS_DENIED_ERROR));
        }
    }

    @Test
    void allowsExactlyWhatWasGranted() throws SQLException {
        db.server().createUser(user, PASSWORD, "SELECT ON " + Identifiers.quote(db.name()) + ".*");

        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), credentials());
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM guarded")) {
                assertThat(rows.next()).isTrue();
            }
            assertThatThrownBy(() -> statement.execute("INSERT INTO guarded VALUES (1)"))
                    .isInstanceOfSatisfying(SQLException.class,
                            denied -> assertThat(denied.getErrorCode()).isEqualTo(MysqlErrorNumbers.ER_TABLEACCESS_DENIED_ERROR));
        }
    }

    @Test
    void rejectsAWrongPassword() throws SQLException {
        db.server().createUser(user, PASSWORD);
        Properties wrong = credentials();
        wrong.setProperty("password", PASSWORD + "-wrong");

        assertThatThrownBy(() -> DriverManager.getConnection(db.server().serverJdbcUrl(), wrong).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", PASSWORD);
        return properties;
    }
}
