package dev.onlineddl.adapter.mysql.jdbc;

import dev.onlineddl.port.out.ServerIdAllocator;
import dev.onlineddl.port.out.TargetConnections;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Picks server ids at random from the upper half of the 32-bit range, where hand-numbered servers
 * (1, 2, 101 ...) seldom are, and skips the ids the server reports in use: its own
 * {@code server_id} and those of the replicas registered with it ({@code SHOW SLAVE HOSTS}, which
 * MySQL and MariaDB both still answer). Ids it handed out are never handed out again by this
 * allocator, so two streams of one executor can never collide.
 */
public final class JdbcServerIdAllocator implements ServerIdAllocator {

    static final long LOWEST = 1L << 31;
    static final long HIGHEST = (1L << 32) - 1;
    private static final int ATTEMPTS = 100;

    private final TargetConnections connections;
    private final RandomGenerator random;
    private final Set<Long> handedOut = new HashSet<>();

    public JdbcServerIdAllocator(TargetConnections connections, RandomGenerator random) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized long allocate() throws SQLException {
        Set<Long> inUse = idsInUse();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long candidate = random.nextLong(LOWEST, HIGHEST + 1);
            if (!inUse.contains(candidate) && handedOut.add(candidate)) {
                return candidate;
            }
        }
        throw new SQLException("no free server id found in " + ATTEMPTS + " random picks between " + LOWEST + " and "
                + HIGHEST + " on " + connections.schema() + "'s server: check the random generator given to "
                + getClass().getSimpleName());
    }

    private Set<Long> idsInUse() throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            try (ResultSet own = statement.executeQuery("SELECT @@server_id")) {
                while (own.next()) {
                    ids.add(own.getLong(1));
                }
            }
            try (ResultSet replicas = statement.executeQuery("SHOW SLAVE HOSTS")) {
                while (replicas.next()) {
                    ids.add(replicas.getLong("Server_id"));
                }
            }
        }
        return ids;
    }
}
