package dev.onlineddl.adapter.vreplication.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * The application, as far as a migration test needs one: threads that insert, update and delete
 * rows of a table in small autocommit transactions until stopped, counting what they did and every
 * error they saw. What each statement does is the test's: it gets a connection and a random source.
 */
final class TableWriter implements AutoCloseable {

    /** One write, by writer thread {@code writer} (0 … threads − 1). */
    @FunctionalInterface
    interface Write {
        void run(Connection connection, ThreadLocalRandom random, int writer) throws SQLException;
    }

    /** A write that does not care which thread runs it. */
    @FunctionalInterface
    interface AnyThreadWrite extends Write {
        void run(Connection connection, ThreadLocalRandom random) throws SQLException;

        @Override
        default void run(Connection connection, ThreadLocalRandom random, int writer) throws SQLException {
            run(connection, random);
        }
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<SQLException> firstError = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    TableWriter(DataSource dataSource, int threadCount, AnyThreadWrite write) {
        this(dataSource, threadCount, (Write) write);
    }

    TableWriter(DataSource dataSource, int threadCount, Write write) {
        for (int i = 0; i < threadCount; i++) {
            int writer = i;
            Thread thread = new Thread(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    while (running.get()) {
                        try {
                            write.run(connection, ThreadLocalRandom.current(), writer);
                            writes.incrementAndGet();
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                        }
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                }
            }, "table-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Stops the threads and waits for them. */
    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    long writes() {
        return writes.get();
    }

    long errors() {
        return errors.get();
    }

    String firstError() {
        SQLException error = firstError.get();
        return error == null ? "none" : error.getErrorCode() + " " + error.getMessage();
    }

    static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
