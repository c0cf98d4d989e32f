package dev.onlineddl.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Whether this database has a table or view of exactly this name (compared case-sensitively
     * here, whatever the server's collation of {@code information_schema} does).
     */
    default boolean tableExists(String table) throws SQLException {
        try (Connection connection = openConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            select.setString(1, name());
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals(table)) {
                        return true;
                    }
                }
                return false;
            }
        }
    }

    /** The table's column names in their order; empty when there is no such table. */
    default List<String> columns(String table) throws SQLException {
        try (Connection connection = openConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                        + " ORDER BY ORDINAL_POSITION")) {
            select.setString(1, name());
            select.setString(2, table);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    /** {@code SELECT COUNT(*)} of the table (the name is quoted, so any name works). */
    default long rowCount(String table) throws SQLException {
        try (Connection connection = openConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM `" + table.replace("`", "``") + "`")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
