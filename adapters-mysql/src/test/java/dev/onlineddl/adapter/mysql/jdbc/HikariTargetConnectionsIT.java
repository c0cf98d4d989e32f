package dev.onlineddl.adapter.mysql.jdbc;

import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

@ExtendWith(TestDatabaseExtension.class)
class HikariTargetConnectionsIT {

    @Test
    void everyConnectionHasTheTargetDatabaseAsItsDefaultSchema(TestDatabase db) throws SQLException {
        TestDatabase other = db.createSiblingDatabase("other");
        // The URL names no database: the schema comes from the settings alone.
        try (HikariTargetConnections connections = new HikariTargetConnections(settings(db, db.server().serverJdbcUrl()))) {
            assertThat(connections.schema()).isEqualTo(db.name());
            try (Connection first = connections.open()) {
                assertThat(currentDatabase(first)).isEqualTo(db.name());
                first.setCatalog(other.name());
            }
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    all.add(connections.open());
                }
                for (Connection connection : all) {
                    assertThat(currentDatabase(connection)).isEqualTo(db.name());
                }
            } finally {
                for (Connection connection : all) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void thePasswordIsAskedAtEveryNewConnectionAndNeverShown(TestDatabase db) throws SQLException {
        AtomicInteger asked = new AtomicInteger();
        TargetConnectionSettings settings = TargetConnectionSettings.of(db.jdbcUrl(), db.name(), db.user(), () -> {
            asked.incrementAndGet();
            return db.password();
        }).withPoolSize(3);

        try (HikariTargetConnections connections = new HikariTargetConnections(settings);
             Connection first = connections.open();
             Connection second = connections.open();
             Connection third = connections.open()) {
            assertThat(List.of(first, second, third)).allSatisfy(connection -> assertThat(connection.isValid(5)).isTrue());
            assertThat(asked.get()).isGreaterThanOrEqualTo(3);
            assertThat(connections.toString()).doesNotContain(db.password()).contains(db.name(), db.user());
        }
    }

    @Test
    void aWrongPasswordFailsOnOpenWithoutShowingIt(TestDatabase db) {
        String wrong = "not-the-password-" + System.nanoTime();
        TargetConnectionSettings settings = TargetConnectionSettings.of(db.jdbcUrl(), db.name(), db.user(), () -> wrong)
                .withAcquireTimeout(Duration.ofSeconds(1));

        try (HikariTargetConnections connections = new HikariTargetConnections(settings)) {
            SQLException failure = catchThrowableOfType(SQLException.class, connections::open);

            assertThat((Throwable) failure).isNotNull();
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain(wrong);
            }
        }
    }

    @Test
    void theConfiguredSslModeReachesTheDriver(TestDatabase db) throws SQLException {
        assumeFalse(serverOffersTls(db), "the server offers TLS, so REQUIRED would succeed and prove nothing");
        String urlWithoutSslMode = "jdbc:mysql://" + db.server().host() + ":" + db.server().port() + "/?allowPublicKeyRetrieval=true";

        try (HikariTargetConnections required = new HikariTargetConnections(settings(db, urlWithoutSslMode)
                .withSslMode(SslMode.REQUIRED).withAcquireTimeout(Duration.ofSeconds(1)))) {
            assertThatThrownBy(required::open).isInstanceOf(SQLException.class);
        }
        try (HikariTargetConnections disabled = new HikariTargetConnections(settings(db, urlWithoutSslMode)
                .withSslMode(SslMode.DISABLED));
             Connection connection = disabled.open()) {
            assertThat(currentDatabase(connection)).isEqualTo(db.name());
        }
    }

    @Test
    void aSessionKilledWhileRunningAStatementIsNeverHandedOutAgain(TestDatabase db) throws Exception {
        try (HikariTargetConnections connections = new HikariTargetConnections(settings(db, db.jdbcUrl()).withPoolSize(2))) {
            long killedId;
            try (Connection victim = connections.open()) {
                killedId = connectionId(victim);
                CompletableFuture<Void> longStatement = CompletableFuture.runAsync(() -> {
                    try (Statement sleep = victim.createStatement()) {
                        sleep.execute("SELECT SLEEP(600)");
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                });
                awaitStatementRunning(db, killedId);
                try (Connection killer = db.openConnection(); Statement kill = killer.createStatement()) {
                    kill.execute("KILL CONNECTION " + killedId);
                }
                // The cancelled mysql-strategy ALTER ends this way: Connector/J reports the killed
                // session as a communications failure (SQLSTATE 08S01).
                assertThatThrownBy(() -> longStatement.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(SQLException.class);
            }
            // Right after return, HikariCP skips its liveness check (500 ms bypass window): only its
            // eviction on the connection error keeps the dead session out.
            for (int i = 0; i < 3; i++) {
                try (Connection next = connections.open()) {
                    assertThat(connectionId(next)).isNotEqualTo(killedId);
                }
            }
        }
    }

    private static void awaitStatementRunning(TestDatabase db, long connectionId) throws SQLException {
        try (Connection observer = db.openConnection();
             PreparedStatement running = observer.prepareStatement(
                     "SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ? AND INFO LIKE 'SELECT SLEEP%'")) {
            running.setLong(1, connectionId);
            await("connection " + connectionId + " to show its statement in the process list")
                    .atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                    .until(() -> {
                        try (ResultSet rows = running.executeQuery()) {
                            return rows.next();
                        }
                    });
        }
    }

    private static TargetConnectionSettings settings(TestDatabase db, String url) {
        return TargetConnectionSettings.of(url, db.name(), db.user(), db::password);
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT DATABASE()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long connectionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean serverOffersTls(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE 'have_ssl'")) {
            return rows.next() && "YES".equalsIgnoreCase(rows.getString(2));
        }
    }
}
