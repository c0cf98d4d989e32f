package dev.onlineddl.service.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.port.out.SchemaInspectionException;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.service.OnlineDdl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server error while a queued migration is reviewed: a transient one leaves it queued for the
 * next review, up to ten times in a row; any other fails it at once. The review of an ALTER with
 * {@code --prefer-instant-ddl} reads the table's SHOW CREATE TABLE, where the faults are injected
 * (the database itself is real).
 */
class TransientReviewErrorsIT extends ExecutorItSupport {

    private static final String ALTER = "alter table t1 add column i int";
    private static final String STRATEGY = "mysql --prefer-instant-ddl";

    /** How many more SHOW CREATE TABLE reads fail, and with what. */
    private final AtomicInteger faultsLeft = new AtomicInteger();
    private Supplier<SQLException> fault;

    /** The real inspector, but its next {@link #faultsLeft} SHOW CREATE TABLE reads fail with {@link #fault}. */
    private SchemaInspector failingShowCreateTable(SchemaInspector real) {
        return (SchemaInspector) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {SchemaInspector.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("showCreateTable") && faultsLeft.getAndDecrement() > 0) {
                        SQLException cause = fault.get();
                        // as JdbcSchemaInspector reports a failed read
                        throw new SchemaInspectionException("could not read SHOW CREATE TABLE t1: " + cause.getMessage()
                                + " (errno " + cause.getErrorCode() + ")", cause);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private OnlineDdl executorWithFaults(Supplier<SQLException> fault, int times) {
        this.fault = fault;
        faultsLeft.set(times);
        return target.executorWithInspector("executor-faulty", List.of(plugin, new BuiltInMysqlPlugin()),
                this::failingShowCreateTable);
    }

    static Stream<Arguments> transientErrors() {
        return Stream.of(
                Arguments.of("lock wait timeout", (Supplier<SQLException>) () ->
                        new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205)),
                Arguments.of("communications link failure", (Supplier<SQLException>) () ->
                        new SQLNonTransientConnectionException("Communications link failure", "08S01", 0)),
                Arguments.of("read-only server", (Supplier<SQLException>) () ->
                        new SQLException("Running in read-only mode", "25006", 1836)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientErrors")
    void aTransientErrorLeavesTheMigrationQueuedForTheNextReview(String name, Supplier<SQLException> error) {
        target.execute("create table t1 (id int primary key)");
        OnlineDdl faulty = executorWithFaults(error, 3);
        MigrationUuid alter = faulty.submitMigration().submit(SubmissionRequest.of(ALTER, STRATEGY)).uuids().get(0);

        for (int review = 1; review <= 3; review++) {
            faulty.tick();
            assertThat(status(alter)).as("after review %d, message %s", review, target.row(alter).get("message"))
                    .isEqualTo("queued");
            assertThat(target.row(alter).get("reviewed_timestamp")).isNull();
        }
        Await.ticking(faulty, alter + " complete", () -> status(alter).equals("complete"));

        assertThat(target.columns("t1")).containsExactly("id", "i");
    }

    @Test
    void theSameTransientErrorOnTenReviewsInARowFailsTheMigration() {
        target.execute("create table t1 (id int primary key)");
        OnlineDdl faulty = executorWithFaults(
                () -> new SQLException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213),
                Integer.MAX_VALUE);
        MigrationUuid alter = faulty.submitMigration().submit(SubmissionRequest.of(ALTER, STRATEGY)).uuids().get(0);

        for (int review = 1; review < 10; review++) {
            faulty.tick();
            assertThat(status(alter)).as("after review %d", review).isEqualTo("queued");
        }
        faulty.tick();

        assertThat(status(alter)).isEqualTo("failed");
        assertThat((String) target.row(alter).get("message"))
                .contains("Deadlock found when trying to get lock")
                .contains("retried 10 times")
                .contains("RETRY");
        assertThat(target.columns("t1")).containsExactly("id");
    }

    @Test
    void anyOtherErrorFailsTheMigrationAtOnce() {
        target.execute("create table t1 (id int primary key)");
        OnlineDdl faulty = executorWithFaults(
                () -> new SQLException("SELECT command denied to user 'ddl'@'localhost' for table 't1'", "42000", 1142), 1);
        MigrationUuid alter = faulty.submitMigration().submit(SubmissionRequest.of(ALTER, STRATEGY)).uuids().get(0);

        faulty.tick();

        assertThat(status(alter)).isEqualTo("failed");
        assertThat((String) target.row(alter).get("message")).contains("SELECT command denied");
    }
}
