package dev.onlineddl.adapter.vreplication.stream;

import dev.onlineddl.domain.server.BinlogPosition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The server's current binlog position, as the stream counts it: MariaDB by GTID
 * ({@code @@gtid_binlog_pos}), MySQL by file and offset (the stream follows MySQL by file, with or
 * without GTIDs).
 */
public final class ServerPositions {

    private ServerPositions() {
    }

    public static boolean isMariaDb(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT @@version")) {
            row.next();
            return row.getString(1).toLowerCase(Locale.ROOT).contains("mariadb");
        }
    }

    public static BinlogPosition current(Connection connection, boolean mariaDb) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (mariaDb) {
                try (ResultSet row = statement.executeQuery("SELECT @@global.gtid_binlog_pos")) {
                    row.next();
                    String gtids = row.getString(1);
                    if (gtids != null && !gtids.isBlank()) {
                        return BinlogPosition.MariaDbGtidList.parse(gtids);
                    }
                }
            }
            try (ResultSet row = showBinaryLogStatus(statement)) {
                if (!row.next()) {
                    throw new SQLException("the server writes no binary log (SHOW MASTER STATUS is empty): start it with"
                            + " --log-bin for the vitess strategy");
                }
                return new BinlogPosition.FilePosition(row.getString(1), row.getLong(2));
            }
        }
    }

    private static ResultSet showBinaryLogStatus(Statement statement) throws SQLException {
        try {
            return statement.executeQuery("SHOW BINARY LOG STATUS");
        } catch (SQLException olderServer) {
            return statement.executeQuery("SHOW MASTER STATUS");
        }
    }
}
