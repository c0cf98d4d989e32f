package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.adapter.mysql.jdbc.SingleUserDataSource;
import java.sql.Connection;

/**
 * Lends one open session to code that takes a data source and closes what it gets (the DDL
 * executor). Closing the lent connection does nothing: the owner closes the session itself, and
 * only after it made sure no KILL can target the session's id any more.
 */
final class LentSessionDataSource extends SingleUserDataSource {

    private final Connection lent;

    LentSessionDataSource(Connection session) {
        this.lent = closeIgnoringView(session);
    }

    @Override
    public Connection getConnection() {
        return lent;
    }
}
