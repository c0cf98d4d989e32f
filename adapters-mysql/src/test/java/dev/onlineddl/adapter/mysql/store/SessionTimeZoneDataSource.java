package dev.onlineddl.adapter.mysql.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out connections whose session time zone is {@code timeZone}: shows that what the store
 * reads and writes does not depend on the session's time zone.
 */
final class SessionTimeZoneDataSource implements DataSource {

    private final DataSource delegate;
    private final String timeZone;

    SessionTimeZoneDataSource(DataSource delegate, String timeZone) {
        if (!timeZone.matches("[+-]\\d{2}:\\d{2}")) {
            throw new IllegalArgumentException("time zone offset like +05:30 expected: " + timeZone);
        }
        this.delegate = delegate;
        this.timeZone = timeZone;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return inTimeZone(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return inTimeZone(delegate.getConnection(username, password));
    }

    private Connection inTimeZone(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '" + timeZone + "'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
