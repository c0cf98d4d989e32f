package dev.onlineddl.app.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The demo's database as the application sees it: the sample table, and the reads the demo checks
 * its results with. It talks to the server directly, never through the daemon, so that a check
 * cannot be fooled by what the daemon believes.
 */
final class SampleDatabase {

    /** Opens a connection to a database of the server ({@code ""} for none). */
    @FunctionalInterface
    interface Connections {
        Connection open(String database) throws SQLException;
    }

    static final String SAMPLE_TABLE = "customers";

    private final Connections connections;
    private final String database;

    SampleDatabase(Connections connections, String database) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.database = Objects.requireNonNull(database, "database");
    }

    String name() {
        return database;
    }

    /** Creates the database afresh with {@code customers} holding {@code rows} rows. */
    void create(int rows) throws SQLException {
        if (rows < 1) {
            throw new IllegalArgumentException("the sample table needs at least one row, not " + rows);
        }
        try (Connection connection = connections.open(""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quote(database));
            statement.execute("CREATE DATABASE " + quote(database));
        }
        try (Connection connection = connections.open(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + quote(SAMPLE_TABLE) + " ("
                    + "id BIGINT NOT NULL PRIMARY KEY, "
                    + "name VARCHAR(100) NOT NULL, "
                    + "email VARCHAR(150) NOT NULL, "
                    + "country CHAR(2) NOT NULL, "
                    + "signed_up_at DATETIME NOT NULL, "
                    + "KEY idx_country (country))");
            // MariaDB's sequence engine makes the rows on the server: no 200,000 round trips. The
            // row count is an int the demo chose, so formatting it into the table name is safe.
            statement.executeUpdate("INSERT INTO " + quote(SAMPLE_TABLE)
                    + " SELECT seq, CONCAT('Customer ', seq), CONCAT('customer', seq, '@example.com'),"
                    + " ELT(1 + seq MOD 5, 'CH', 'DE', 'FR', 'IT', 'US'),"
                    + " TIMESTAMP'2026-01-01 00:00:00' + INTERVAL seq MINUTE"
                    + " FROM seq_1_to_" + rows);
        }
    }

    long rowCount(String table) throws SQLException {
        try (Connection connection = connections.open(database); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            result.next();
            return result.getLong(1);
        }
    }

    boolean tableExists(String table) throws SQLException {
        try (Connection connection = connections.open(database);
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.TABLES"
                        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            select.setString(1, database);
            select.setString(2, table);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    List<String> columns(String table) throws SQLException {
        try (Connection connection = connections.open(database);
                PreparedStatement select = connection.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            select.setString(1, database);
            select.setString(2, table);
            List<String> names = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            return names;
        }
    }

    String showCreateTable(String table) throws SQLException {
        return showCreateTable(database, table);
    }

    /**
     * What the server makes of {@code createTable} when it runs it directly: the table a
     * declarative migration must arrive at. Built in a scratch database that is dropped again.
     */
    String expectedShowCreate(String createTable, String table) throws SQLException {
        String scratch = database + "_expected";
        try (Connection connection = connections.open(""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quote(scratch));
            statement.execute("CREATE DATABASE " + quote(scratch));
        }
        try {
            try (Connection connection = connections.open(scratch); Statement statement = connection.createStatement()) {
                statement.execute(createTable);
            }
            return showCreateTable(scratch, table);
        } finally {
            try (Connection connection = connections.open(""); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + quote(scratch));
            }
        }
    }

    void drop() throws SQLException {
        try (Connection connection = connections.open(""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + quote(database));
        }
    }

    private String showCreateTable(String schema, String table) throws SQLException {
        try (Connection connection = connections.open(schema); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW CREATE TABLE " + quote(table))) {
            if (!result.next()) {
                throw new SQLException("SHOW CREATE TABLE " + table + " in " + schema + " returned nothing");
            }
            return result.getString(2);
        }
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
