package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parameter injection everywhere JUnit allows it, and what the injected objects offer. One
 * instance per class here, because then JUnit builds the instance before any BeforeAll callback
 * has run: the extension must create the database on demand.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestDatabaseExtensionTest {

    private final TestDatabase fromConstructor;
    private TestDatabase fromBeforeAll;

    TestDatabaseExtensionTest(TestDatabase db) {
        this.fromConstructor = db;
    }

    @BeforeAll
    void rememberTheDatabase(TestDatabase db) {
        fromBeforeAll = db;
    }

    @Test
    void injectsTheSameDatabaseEverywhereInTheClass(TestDatabase db, TestServer server) {
        assertThat(db.name()).isEqualTo(fromConstructor.name()).isEqualTo(fromBeforeAll.name());
        assertThat(db.name()).matches("t_testdatabaseextensiontest_\\d+");
        assertThat(db.server()).isSameAs(server).isSameAs(TestServer.shared());
    }

    @Test
    void connectsWithTheDatabaseAsDefaultSchema(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT DATABASE(), SUBSTRING_INDEX(CURRENT_USER(), '@', 1)")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(db.name());
            assertThat(result.getString(2)).isEqualTo(db.user());
        }
    }

    @Test
    void offersAnUnpooledDataSource(TestDatabase db) throws SQLException {
        DataSource dataSource = db.dataSource();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            assertThat(first).isNotSameAs(second);
            assertThat(first.getCatalog()).isEqualTo(db.name());
            assertThat(connectionId(first)).isNotEqualTo(connectionId(second));
        }
    }

    @Test
    void keepsCredentialsOutOfUrlsAndDescriptions(TestDatabase db, TestServer server) {
        assertThat(db.password()).isNotEmpty();
        assertThat(db.jdbcUrl())
                .startsWith("jdbc:mysql://" + bracketed(server.host()) + ":" + server.port() + "/" + db.name() + "?")
                .contains("sslMode=DISABLED", "allowPublicKeyRetrieval=true")
                .doesNotContain(db.password());
        assertThat(server.serverJdbcUrl()).contains(":" + server.port() + "/?").doesNotContain(db.password());
        assertThat(db.toString()).contains(db.name()).doesNotContain(db.password());
        assertThat(server.toString()).doesNotContain(db.password());
        assertThat(db.dataSource().toString()).doesNotContain(db.password());
    }

    @Test
    void createsSiblingsOnTheSameServer(TestDatabase db) throws SQLException {
        TestDatabase sibling = db.createSiblingDatabase("copy");
        TestDatabase another = db.createSiblingDatabase("copy");

        assertThat(sibling.name()).isEqualTo(db.name() + "_copy");
        assertThat(another.name()).isEqualTo(db.name() + "_copy_2");
        assertThat(sibling.server()).isSameAs(db.server());
        try (Connection connection = sibling.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE only_in_sibling (id INT PRIMARY KEY)");
        }
        assertThat(tableExists(db, sibling.name(), "only_in_sibling")).isTrue();
        assertThat(tableExists(db, db.name(), "only_in_sibling")).isFalse();
    }

    @Test
    void theServerReportsItsVersion(TestServer server) throws SQLException {
        try (Connection connection = server.openConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT VERSION()")) {
            assertThat(result.next()).isTrue();
            assertThat(server.version()).isEqualTo(result.getString(1));
            assertThat(server.isMariaDb()).isEqualTo(result.getString(1).contains("MariaDB"));
        }
    }

    /** The usual lifecycle: a new instance per test, built after the class's BeforeAll callbacks. */
    @Nested
    class NestedWithInstancePerTest {

        private final TestDatabase injected;

        NestedWithInstancePerTest(TestDatabase db) {
            this.injected = db;
        }

        @BeforeEach
        void createTable(TestDatabase db) throws SQLException {
            try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS nested_table (id INT PRIMARY KEY)");
            }
        }

        @Test
        void sharesTheDatabaseOfTheEnclosingClass(TestDatabase db) throws SQLException {
            assertThat(injected.name()).isEqualTo(db.name()).isEqualTo(fromConstructor.name());
            assertThat(tableExists(db, db.name(), "nested_table")).isTrue();
        }
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT CONNECTION_ID()")) {
            result.next();
            return result.getLong(1);
        }
    }

    static boolean tableExists(TestDatabase db, String schema, String table) throws SQLException {
        try (Connection connection = db.server().openAdminConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        }
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
