package dev.onlineddl.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The MySQL or MariaDB server the tests of this JVM share. It is chosen and started once per JVM,
 * lazily and thread-safely, and stopped when the JVM exits; see {@link #shared()}.
 *
 * <p>Two accounts are involved. The <em>test user</em> ({@link #user()}) is what an application
 * or the migration tool would use in production: on a server the testkit starts itself it holds
 * every privilege except those that ignore {@code read_only} ({@code READ_ONLY ADMIN} on MariaDB
 * 10.11+, {@code SUPER}/{@code CONNECTION_ADMIN} on MySQL), so {@code read_only} behaves for it as
 * it does for an application. The <em>admin</em> account ({@link #openAdminConnection()}) holds
 * everything, including {@code SET GLOBAL read_only=1}. On an external server both are the one
 * account its settings name.
 */
public interface TestServer {

    /** Where the server comes from. */
    enum Kind {
        /** A server someone else runs, named by {@code ONLINEDDL_TEST_JDBC_URL}. */
        EXTERNAL,
        /** A MySQL 8.0 container started through Testcontainers. */
        DOCKER,
        /** A MariaDB server this JVM runs itself (module {@code embedded-mariadb}), in the module's {@code target/}. */
        EMBEDDED
    }

    /**
     * The server of this JVM, started on first use. The choice follows {@code ONLINEDDL_TEST_SERVER}
     * ({@code external}, {@code docker} or {@code embedded}) when set, otherwise the first available
     * of: {@code ONLINEDDL_TEST_JDBC_URL}, a Docker engine, the embedded MariaDB.
     *
     * @throws TestServerUnavailableException when the chosen server cannot be had; later calls fail
     *         the same way at once instead of trying again
     */
    static TestServer shared() {
        return SharedTestServer.get();
    }

    Kind kind();

    /** What {@code SELECT VERSION()} answered, e.g. {@code 11.4.5-MariaDB-log} or {@code 8.0.40}. */
    String version();

    boolean isMariaDb();

    String host();

    int port();

    /** A JDBC URL without a default database ({@code sslMode=DISABLED}, no credentials in it). */
    String serverJdbcUrl();

    /** A JDBC URL with {@code database} as the default schema ({@code sslMode=DISABLED}, no credentials in it). */
    String jdbcUrl(String database);

    /** The test user: what {@link TestDatabase#openConnection()} logs in as. */
    String user();

    /** The test user's password. Never printed by any {@code toString()} of this kit. */
    String password();

    /** A connection as the test user, without a default database. */
    Connection openConnection() throws SQLException;

    /** A connection with every privilege, e.g. to {@code SET GLOBAL read_only=1}; without a default database. */
    Connection openAdminConnection() throws SQLException;

    /**
     * Creates (or re-creates) the account {@code 'user'@'%'} with exactly the given grants. Each
     * grant is the part of a {@code GRANT} statement between {@code GRANT} and {@code TO}, written as
     * SQL by the test, e.g. {@code "SELECT, INSERT ON `t_sometest_1`.*"}; no grant gives an account
     * that can log in and do nothing else.
     */
    void createUser(String user, String password, String... grants) throws SQLException;

    /** Drops the account {@code 'user'@'%'} if it exists. */
    void dropUser(String user) throws SQLException;
}
