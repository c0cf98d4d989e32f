package dev.onlineddl.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A database created for one test class on the {@linkplain TestServer shared server}, dropped
 * after the class. Its connections log in as the server's test user.
 */
public interface TestDatabase {

    /** The database (schema) name, unique on the server, at most 64 characters. */
    String name();

    /** A JDBC URL with this database as the default schema ({@code sslMode=DISABLED}, no credentials in it). */
    String jdbcUrl();

    String user();

    /** The password of {@link #user()}; never part of {@code toString()}. */
    String password();

    /** A new connection whose default schema is this database. */
    Connection openConnection() throws SQLException;

    /** An unpooled data source: every {@code getConnection()} opens a new connection to this database. */
    DataSource dataSource();

    TestServer server();

    /**
     * Another fresh database on the same server, named after this one and {@code suffix}, dropped
     * after the class like this one.
     *
     * @param suffix a short word telling what the sibling is for, e.g. {@code "target"}
     * @throws IllegalStateException when the server refuses to create it (the cause says why)
     */
    TestDatabase createSiblingDatabase(String suffix);
}
