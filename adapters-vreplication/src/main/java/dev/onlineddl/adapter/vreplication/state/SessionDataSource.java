package dev.onlineddl.adapter.vreplication.state;

import dev.onlineddl.spi.StrategyContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} over the context's dedicated sessions, for Flyway: it changes the
 * session's schema while it migrates, which must never leak into a pooled connection.
 */
final class SessionDataSource implements DataSource {

    private final StrategyContext context;

    SessionDataSource(StrategyContext context) {
        this.context = context;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return context.openDedicatedSession().connection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the engine's sessions use the executor's account");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
