package dev.onlineddl.adapter.mysql.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.MigrationStoreException;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import dev.onlineddl.testkit.TestServer;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a user sees when the control schema cannot be written: a read-only server, a lost
 * connection, an unreachable server. Each failure names the operation, the migration and the
 * control schema, and leaves no row changed or half-written.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationStoreFailureIT {

    private StoreFixture fixture;

    @BeforeAll
    void createControlSchema(TestDatabase db) throws Exception {
        fixture = StoreFixture.create(db);
    }

    @Test
    void aReadOnlyServerIsReportedAndNothingIsWritten(TestServer server) throws Exception {
        // A user like a production one: may write the control schema, may not override read_only.
        String user = "odl_store_" + Long.toHexString(System.nanoTime());
        String password = UUID.randomUUID().toString();
        server.createUser(user, password, "SELECT, INSERT, UPDATE ON `" + fixture.controlSchema().name() + "`.*");
        MigrationTarget target = MigrationTarget.of("read_only_target");
        JooqMigrationStore adminless = fixture.storeFor(target);
        MigrationUuid existing = fixture.submit(adminless, "orders");
        Map<String, Object> existingBefore = fixture.existingRow(existing);
        Migration fresh = fixture.alter(adminless, "items").build();

        try (HikariDataSource dataSource = pool(server.jdbcUrl(fixture.controlSchema().name()), user, password);
                Connection admin = server.openAdminConnection()) {
            JooqMigrationStore store = new JooqMigrationStore(dataSource, fixture.controlSchema(), target);
            setReadOnly(admin, true);
            try {
                assertThatThrownBy(() -> store.insert(fresh))
                        .isInstanceOf(MigrationStoreException.class)
                        .hasMessageContaining("cannot submit migration " + fresh.uuid())
                        .hasMessageContaining("control schema " + fixture.controlSchema().name())
                        .hasMessageContaining("read-only");
                assertThatThrownBy(() -> store.updateStatus(existing, MigrationStatus.RUNNING))
                        .isInstanceOf(MigrationStoreException.class)
                        .hasMessageContaining("set status running of migration " + existing)
                        .hasMessageContaining("read-only");
                assertThatThrownBy(() -> store.retryMigration(existing, "x"))
                        .isInstanceOf(MigrationStoreException.class)
                        .hasMessageContaining("read-only");
                // reading still works on a read-only server
                assertThat(store.readMigration(existing).mysqlTable()).isEqualTo("orders");
            } finally {
                setReadOnly(admin, false);
                server.dropUser(user);
            }
        }

        assertThat(fixture.row(fresh.uuid())).isEmpty();
        assertThat(fixture.existingRow(existing)).isEqualTo(existingBefore);
    }

    @Test
    void aKilledConnectionIsReportedAndTheRowIsUnchanged(TestDatabase db, TestServer server) throws Exception {
        JooqMigrationStore healthy = fixture.newStore();
        MigrationUuid uuid = fixture.submit(healthy, "orders");
        Map<String, Object> before = fixture.existingRow(uuid);
        OneConnectionDataSource oneConnection = new OneConnectionDataSource(db.openConnection());
        JooqMigrationStore store = new JooqMigrationStore(oneConnection, fixture.controlSchema(), healthy.target());
        assertThat(store.readMigration(uuid).uuid()).isEqualTo(uuid);

        try (Connection admin = server.openAdminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("KILL " + connectionId(oneConnection.getConnection()));
        }

        try {
            assertThatThrownBy(() -> store.updateStatus(uuid, MigrationStatus.RUNNING))
                    .isInstanceOf(MigrationStoreException.class)
                    .hasMessageContaining("cannot set status running of migration " + uuid)
                    .hasMessageContaining("control schema " + fixture.controlSchema().name())
                    .hasMessageContaining("connection");
        } finally {
            oneConnection.closeForReal();
        }
        assertThat(fixture.existingRow(uuid)).isEqualTo(before);
    }

    @Test
    void anUnreachableServerIsReportedForTheStoreAndForTheControlSchemaMigration() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:mysql://127.0.0.1:" + closedPort + "/" + fixture.controlSchema().name()
                + "?sslMode=DISABLED&connectTimeout=2000";
        MigrationTarget target = MigrationTarget.of("unreachable_target");
        Migration migration = fixture.alter(fixture.storeFor(target), "orders").build();

        try (HikariDataSource dataSource = pool(url, "nobody", "none")) {
            JooqMigrationStore store = new JooqMigrationStore(dataSource, fixture.controlSchema(), target);

            assertThatThrownBy(() -> store.insert(migration))
                    .isInstanceOf(MigrationStoreException.class)
                    .hasMessageContaining("cannot submit migration " + migration.uuid())
                    .hasMessageContaining("connection to the server failed or was lost");
            assertThatThrownBy(() -> fixture.controlSchema().migrate(dataSource))
                    .isInstanceOf(MigrationStoreException.class)
                    .hasMessageContaining("cannot create or upgrade control schema " + fixture.controlSchema().name());
        }
        assertThat(fixture.row(migration.uuid())).isEmpty();
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(2_000);
        // do not connect while constructing: the unreachable-server test wants the store to fail
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static void setReadOnly(Connection admin, boolean readOnly) throws Exception {
        try (Statement statement = admin.createStatement()) {
            statement.execute("SET GLOBAL read_only = " + (readOnly ? 1 : 0));
        }
    }

    private static long connectionId(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT CONNECTION_ID()")) {
            result.next();
            return result.getLong(1);
        }
    }
}
