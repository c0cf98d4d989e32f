package dev.onlineddl.adapter.mysql.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Opens physical connections for the pool, asking the password supplier each time. HikariCP
 * would otherwise keep the password as a string in its configuration for the pool's lifetime
 * and could not follow a rotated password.
 */
final class PasswordSupplyingDataSource extends SingleUserDataSource {

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

    /** Hikari asks; the driver's connect timeout from the settings is what really applies. */
    @Override
    public int getLoginTimeout() {
        return (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toSeconds());
    }

    @Override
    public String toString() {
        return "PasswordSupplyingDataSource[" + settings + "]";
    }
}
