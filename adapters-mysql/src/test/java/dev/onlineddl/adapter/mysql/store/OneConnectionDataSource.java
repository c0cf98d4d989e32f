package dev.onlineddl.adapter.mysql.store;

import dev.onlineddl.adapter.mysql.jdbc.SingleUserDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out the same physical connection every time and ignores the callers' {@code close()}:
 * lets a test kill the very connection the store will use next. {@link #closeForReal()} closes it.
 */
final class OneConnectionDataSource extends SingleUserDataSource {

    private final Connection connection;
    private final Connection uncloseable;

    OneConnectionDataSource(Connection connection) {
        this.connection = connection;
        this.uncloseable = closeIgnoringView(connection);
    }

    void closeForReal() throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection() {
        return uncloseable;
    }
}
