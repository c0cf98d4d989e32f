package dev.onlineddl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Extra embedded servers beside the shared one: real servers, replicating for real. */
@ExtendWith(TestDatabaseExtension.class)
class ExtraEmbeddedServersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ExtraEmbeddedServers extra;

    @BeforeAll
    static void onlyWhereTheEmbeddedServerRuns() {
        assumeTrue(ServerSelection.Platform.current().runsEmbeddedMariaDb(), "the embedded MariaDB runs on Linux x86-64");
        extra = ExtraEmbeddedServers.open();
    }

    @AfterAll
    static void stopThem() {
        if (extra != null) {
            extra.close();
        }
    }

    @Test
    void aReplicaOfTheSharedServerSeesWhatATestWritesThere(TestServer shared, TestDatabase db) throws SQLException {
        assumeTrue(shared.kind() == TestServer.Kind.EMBEDDED, "a replica needs the embedded shared server");
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE seen (id INT PRIMARY KEY, note VARCHAR(40))");
            statement.execute("INSERT INTO seen VALUES (1, 'before the replica started')");
        }

        TestServer replica = extra.startReplicaOf(shared);
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO seen VALUES (2, 'after')");
        }
        extra.awaitReplicaCaughtUp(replica, WAIT);

        assertThat(rows(replica, "SELECT note FROM `" + db.name() + "`.seen ORDER BY id"))
                .containsExactly("before the replica started", "after");
        assertThat(replica.port()).isNotEqualTo(shared.port());
        assertThat(serverId(replica)).isNotEqualTo(serverId(shared));
    }

    @Test
    void aFreshPairReplicatesAndEachHasTheKitsAccounts() throws SQLException {
        ExtraEmbeddedServers.ReplicaPair pair = extra.startPrimaryWithReplica();
        try (Connection connection = pair.primary().openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE pair_check");
            statement.execute("CREATE TABLE pair_check.t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO pair_check.t VALUES (7)");
        }
        extra.awaitReplicaCaughtUp(pair.replica(), WAIT);

        assertThat(rows(pair.replica(), "SELECT id FROM pair_check.t")).containsExactly("7");
        assertThat(pair.primary().kind()).isEqualTo(TestServer.Kind.EMBEDDED);
        assertThat(pair.replica().user()).isEqualTo(pair.primary().user());
        assertThat(pair.replica().password()).isNotEqualTo(pair.primary().password());
        assertThat(serverId(pair.primary())).isNotEqualTo(serverId(pair.replica()));
        assertThat(rows(pair.replica(), "SELECT CONCAT(@@log_slave_updates + 0, @@gtid_strict_mode + 0)"))
                .containsExactly("11");
    }

    private static String serverId(TestServer server) throws SQLException {
        return rows(server, "SELECT @@server_id").get(0);
    }

    private static List<String> rows(TestServer server, String query) throws SQLException {
        try (Connection connection = server.openAdminConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            List<String> values = new java.util.ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }
}
