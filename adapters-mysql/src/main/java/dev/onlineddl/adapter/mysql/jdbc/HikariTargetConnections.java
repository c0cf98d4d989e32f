package dev.onlineddl.adapter.mysql.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.onlineddl.port.out.DedicatedSession;
import dev.onlineddl.port.out.ServerEndpoint;
import dev.onlineddl.port.out.TargetConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@link TargetConnections} from a HikariCP pool. Every connection handed out has the target
 * database as its default schema (the pool restores it when a borrower changed it). No socket
 * read timeout is set: a plain ALTER of a large table holds its connection for hours.
 *
 * <p>Close it to close the pool.
 */
public final class HikariTargetConnections implements TargetConnections, AutoCloseable {

    private final TargetConnectionSettings settings;
    private final SingleUserDataSource physicalConnections;
    private final HikariDataSource pool;

    public HikariTargetConnections(TargetConnectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        HikariConfig config = new HikariConfig();
        config.setPoolName("onlineddl-target-" + settings.schema());
        this.physicalConnections = new PasswordSupplyingDataSource(settings);
        config.setDataSource(physicalConnections);
        config.setCatalog(settings.schema());
        config.setMaximumPoolSize(settings.poolSize());
        // Idle executors hold one connection, not the whole pool, on a server others share.
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.acquireTimeout().toMillis());
        config.setValidationTimeout(Math.min(settings.connectTimeout().toMillis(), settings.acquireTimeout().toMillis()));
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        // A daemon must start while its server is briefly away: a failure shows on open(), with the driver's reason.
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    @Override
    public String schema() {
        return settings.schema();
    }

    @Override
    public Connection open() throws SQLException {
        return pool.getConnection();
    }

    /** Host and port as the JDBC URL names them (Connector/J's own reading of it), the user, the password supplier. */
    @Override
    public ServerEndpoint endpoint() {
        return settings.endpoint();
    }

    /** A physical connection of its own, opened with the same settings as the pool's, outside the pool. */
    @Override
    public DedicatedSession openDedicated() throws SQLException {
        return JdbcDedicatedSession.open(physicalConnections, settings.schema());
    }

    /** The pool as a plain data source, for adapters that take one (schema inspection, DDL execution, the store). */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "HikariTargetConnections[" + settings + "]";
    }
}
