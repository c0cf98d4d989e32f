package dev.onlineddl.testkit;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that opens a new connection for every request. Enough for tests and for code
 * that wants a {@link DataSource}; pooling would only hide connection leaks there.
 */
final class UnpooledDataSource implements DataSource {

    private final String url;
    private final Credentials credentials;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeoutSeconds;

    UnpooledDataSource(String url, Credentials credentials) {
        this.url = url;
        this.credentials = credentials;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open(credentials.asDriverProperties());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        return open(properties);
    }

    private Connection open(Properties properties) throws SQLException {
        int timeout = loginTimeoutSeconds;
        if (timeout > 0) {
            // Connector/J's own connect timeout: DriverManager's login timeout would change every data source in the JVM.
            properties.setProperty("connectTimeout", String.valueOf(timeout * 1000L));
        }
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("UnpooledDataSource logs nothing through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("UnpooledDataSource does not wrap a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "UnpooledDataSource[" + url + ", user=" + credentials.user() + "]";
    }
}
