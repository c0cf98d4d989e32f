package dev.onlineddl.adapter.mysql.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens physical connections for the pool, asking the password supplier each time. HikariCP
 * would otherwise keep the password as a string in its configuration for the pool's lifetime
 * and could not follow a rotated password.
 */
final class PasswordSupplyingDataSource implements DataSource {

    private final TargetConnectionSettings settings;

    PasswordSupplyingDataSource(TargetConnectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        String password = settings.password().get();
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Long.toString(settings.connectTimeout().toMillis()));
        settings.sslMode().ifPresent(mode -> properties.setProperty("sslMode", mode.name()));
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("target connections log in as the configured user only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager logging is not used.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The connect timeout comes from the settings.
    }

    @Override
    public int getLoginTimeout() {
        return (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toSeconds());
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "PasswordSupplyingDataSource[" + settings + "]";
    }
}
