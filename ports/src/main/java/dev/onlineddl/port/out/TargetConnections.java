package dev.onlineddl.port.out;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections to the database being migrated. Each call opens (or borrows) a connection whose
 * default schema is {@link #schema()}; the caller closes it. A strategy that needs a session of
 * its own for a long ALTER, a lock or a binlog position takes it here.
 */
public interface TargetConnections {

    /** The database (mysql_schema) this executor migrates. */
    String schema();

    Connection open() throws SQLException;
}
