package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The embedded server is configured as the online DDL engine needs it. */
@ExtendWith(TestDatabaseExtension.class)
class EmbeddedServerTest {

    @BeforeAll
    static void onlyForTheEmbeddedServer(TestServer server) {
        assumeTrue(server.kind() == TestServer.Kind.EMBEDDED, "checks the embedded server's configuration");
    }

    @Test
    void isTheMariaDbVersionOfTheBundledBinaries(TestServer server) {
        assertThat(server.isMariaDb()).isTrue();
        assertThat(server.version()).startsWith(EmbeddedServers.DISTRIBUTION.version() + "-MariaDB");
        assertThat(server.host()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "log_bin,                  1",
            "binlog_format,            ROW",
            "binlog_row_image,         FULL",
            "binlog_row_metadata,      FULL",
            "binlog_legacy_event_pos,  1",
            "server_id,                1",
            "have_ssl,                 DISABLED",
            "read_only,                0",
    })
    void hasTheServerSetting(String variable, String expected, TestServer server) throws SQLException {
        try (Connection connection = server.openAdminConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT @@GLOBAL." + variable)) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(expected);
        }
    }

    @Test
    void writesRowEventsToTheBinlog(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE binlogged (id INT PRIMARY KEY, name VARCHAR(20))");
            statement.execute("INSERT INTO binlogged VALUES (1, 'one')");
            String lastBinlog;
            try (ResultSet logs = statement.executeQuery("SHOW BINARY LOGS")) {
                lastBinlog = null;
                while (logs.next()) {
                    lastBinlog = logs.getString(1);
                }
            }
            assertThat(lastBinlog).startsWith("mariadb-bin.");
            boolean sawRowsEvent = false;
            try (ResultSet events = statement.executeQuery("SHOW BINLOG EVENTS IN '" + lastBinlog + "'")) {
                while (events.next()) {
                    sawRowsEvent |= events.getString("Event_type").startsWith("Write_rows");
                }
            }
            assertThat(sawRowsEvent).as("a Write_rows event for the INSERT").isTrue();
        }
    }

    @Test
    void refusesTheLockedRootAccount(TestServer server) {
        Properties root = new Properties();
        root.setProperty("user", "root");
        root.setProperty("password", "");
        assertThatThrownBy(() -> DriverManager.getConnection(server.serverJdbcUrl(), root).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("locked");
    }
}
