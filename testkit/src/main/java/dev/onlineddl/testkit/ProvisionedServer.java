package dev.onlineddl.testkit;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.domain.naming.Identifiers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** A running server, wherever it came from, and the two accounts the kit uses on it. */
final class ProvisionedServer implements TestServer {

    /** Seconds a {@code DROP DATABASE} may wait for a lock a test left behind before it fails instead of hanging. */
    private static final int DROP_LOCK_WAIT_SECONDS = 30;

    private final Kind kind;
    private final String host;
    private final int port;
    private final Credentials admin;
    private final Credentials testUser;
    private final Map<String, String> urlParameters;
    private final String version;
    private final String binlogSummary;
    private final AtomicInteger databaseNumbers = new AtomicInteger();

    private ProvisionedServer(Kind kind, String host, int port, Credentials admin, Credentials testUser,
            Map<String, String> urlParameters, String version, String binlogSummary) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.admin = admin;
        this.testUser = testUser;
        this.urlParameters = Collections.unmodifiableMap(new LinkedHashMap<>(urlParameters));
        this.version = version;
        this.binlogSummary = binlogSummary;
    }

    /** Connects as {@code admin} once to learn the version and binlog settings, which fail fast if the server is unreachable. */
    static ProvisionedServer connect(Kind kind, String host, int port, Credentials admin, Credentials testUser,
            Map<String, String> urlParameters) throws SQLException {
        String url = JdbcUrls.of(host, port, "", urlParameters);
        try (Connection connection = DriverManager.getConnection(url, admin.asDriverProperties());
                Statement statement = connection.createStatement()) {
            String version = singleString(statement, "SELECT VERSION()");
            boolean mariaDb = isMariaDbVersion(version);
            String logBin = singleString(statement, "SELECT @@GLOBAL.log_bin");
            String binlog = "1".equals(logBin) || "ON".equalsIgnoreCase(logBin)
                    ? "binlog " + singleString(statement, "SELECT @@GLOBAL.binlog_format")
                    : "binlog OFF";
            if (!mariaDb) {
                binlog += ", GTID " + singleString(statement, "SELECT @@GLOBAL.gtid_mode");
            }
            return new ProvisionedServer(kind, host, port, admin, testUser, urlParameters, version, binlog);
        }
    }

    static boolean isMariaDbVersion(String version) {
        return version.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** One line for the build log, e.g. {@code embedded MariaDB 11.4.5 on 127.0.0.1:40123 (binlog ROW)}. */
    String describe() {
        String number = version.contains("-") ? version.substring(0, version.indexOf('-')) : version;
        return kind.name().toLowerCase(Locale.ROOT) + " " + (isMariaDb() ? "MariaDB" : "MySQL") + " " + number
                + " on " + host + ":" + port + " (" + binlogSummary + ")";
    }

    int nextDatabaseNumber() {
        return databaseNumbers.incrementAndGet();
    }

    /**
     * Creates the database unless the name is taken.
     *
     * @return false when a database of that name already exists (another JVM sharing an external
     *         server, or one left behind by a killed run), so that the caller tries another name
     */
    boolean createDatabase(String name) throws SQLException {
        try (Connection connection = openAdminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + Identifiers.quote(name));
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == MysqlErrorNumbers.ER_DB_CREATE_EXISTS) {
                return false;
            }
            throw new SQLException("could not create test database " + name + " on " + describe() + ": " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    void dropDatabase(String name) throws SQLException {
        try (Connection connection = openAdminConnection(); Statement statement = connection.createStatement()) {
            // A connection a test forgot in an open transaction holds a metadata lock; the default
            // lock_wait_timeout is a year, so without this the build would hang instead of failing.
            statement.execute("SET SESSION lock_wait_timeout = " + DROP_LOCK_WAIT_SECONDS);
            statement.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(name));
        } catch (SQLException e) {
            throw new SQLException("could not drop test database " + name + " on " + describe() + " (" + e.getMessage()
                    + "): does a test leave a connection with an open transaction or a lock on it?",
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public boolean isMariaDb() {
        return isMariaDbVersion(version);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String serverJdbcUrl() {
        return JdbcUrls.of(host, port, "", urlParameters);
    }

    @Override
    public String jdbcUrl(String database) {
        return JdbcUrls.of(host, port, Objects.requireNonNull(database, "database"), urlParameters);
    }

    @Override
    public String user() {
        return testUser.user();
    }

    @Override
    public String password() {
        return testUser.password();
    }

    Credentials testUser() {
        return testUser;
    }

    @Override
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(serverJdbcUrl(), testUser.asDriverProperties());
    }

    @Override
    public Connection openAdminConnection() throws SQLException {
        return DriverManager.getConnection(serverJdbcUrl(), admin.asDriverProperties());
    }

    @Override
    public void createUser(String user, String password, String... grants) throws SQLException {
        String account = SqlLiterals.anyHostAccount(user);
        try (Connection connection = openAdminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP USER IF EXISTS " + account);
            statement.execute("CREATE USER " + account + " IDENTIFIED BY " + SqlLiterals.quote(password));
            for (String grant : grants) {
                statement.execute("GRANT " + grant + " TO " + account);
            }
        }
    }

    @Override
    public void dropUser(String user) throws SQLException {
        try (Connection connection = openAdminConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP USER IF EXISTS " + SqlLiterals.anyHostAccount(user));
        }
    }

    private static String singleString(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            if (!result.next()) {
                throw new SQLException("the server answered nothing to " + query);
            }
            return result.getString(1);
        }
    }

    @Override
    public String toString() {
        return "TestServer[" + describe() + ", user=" + testUser.user() + "]";
    }
}
