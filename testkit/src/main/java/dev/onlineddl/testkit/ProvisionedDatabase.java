package dev.onlineddl.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/** A database the kit created for one test class; {@link ClassDatabases} drops it after the class. */
final class ProvisionedDatabase implements TestDatabase {

    private final ClassDatabases owner;
    private final ProvisionedServer server;
    private final String name;
    private final DataSource dataSource;

    ProvisionedDatabase(ClassDatabases owner, ProvisionedServer server, String name) {
        this.owner = owner;
        this.server = server;
        this.name = name;
        this.dataSource = new UnpooledDataSource(server.jdbcUrl(name), server.testUser());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    @Override
    public String user() {
        return server.user();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), server.testUser().asDriverProperties());
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public TestServer server() {
        return server;
    }

    @Override
    public TestDatabase createSiblingDatabase(String suffix) {
        try {
            return owner.createSibling(name, suffix);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a sibling of test database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + " on " + server.describe() + ", user=" + server.user() + "]";
    }
}
