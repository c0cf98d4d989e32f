package dev.onlineddl.adapter.mysql.inspect;

import dev.onlineddl.domain.server.ServerCapabilities;
import dev.onlineddl.domain.server.ServerCapability;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.port.out.DdlExecutionException;
import dev.onlineddl.port.out.DdlOutcome;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Proves the capability model against the real server: every change the model calls instant runs
 * with {@code ALGORITHM=INSTANT}, and every change it does not is refused by the server with
 * ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON). On the embedded MariaDB 11.4 this checks the facts
 * taken from MariaDB's "INSTANT Alter Algorithm" documentation.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstantDdlCapabilityIT {

    private static final String BASE_TABLE = "(id INT PRIMARY KEY, c1 INT, c2 VARCHAR(50), "
            + "e ENUM('a','b'), s SET('x','y')) ENGINE=InnoDB";
    private static final String WITH_VIRTUAL_COLUMN = "(id INT PRIMARY KEY, c1 INT, v INT AS (c1 + 1) VIRTUAL) ENGINE=InnoDB";
    private static final String ENUM_OF_255 = "(id INT PRIMARY KEY, e ENUM(" + enumValues(255) + ")) ENGINE=InnoDB";

    private final TestDatabase db;
    private final JdbcDdlExecutor executor;
    private final ServerCapabilities capabilities;
    private final AtomicInteger tableNumber = new AtomicInteger();

    InstantDdlCapabilityIT(TestDatabase db) {
        this.db = db;
        this.executor = new JdbcDdlExecutor(db.dataSource());
        this.capabilities = new JdbcSchemaInspector(db.dataSource()).capabilities();
    }

    /** change, table it applies to, the capability that makes it instant (null: never instant). */
    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("add a column last", BASE_TABLE, "ADD COLUMN c3 INT", ServerCapability.INSTANT_ADD_LAST_COLUMN),
                Arguments.of("add a nullable column with a default last", BASE_TABLE,
                        "ADD COLUMN c3 VARCHAR(10) DEFAULT 'new'", ServerCapability.INSTANT_ADD_LAST_COLUMN),
                Arguments.of("add a column first", BASE_TABLE, "ADD COLUMN c0 INT FIRST", ServerCapability.INSTANT_ADD_DROP_COLUMN),
                Arguments.of("add a column in the middle", BASE_TABLE, "ADD COLUMN c15 INT AFTER c1",
                        ServerCapability.INSTANT_ADD_DROP_COLUMN),
                Arguments.of("drop a column", BASE_TABLE, "DROP COLUMN c2", ServerCapability.INSTANT_ADD_DROP_COLUMN),
                Arguments.of("add a virtual column", BASE_TABLE, "ADD COLUMN v INT AS (c1 * 2) VIRTUAL",
                        ServerCapability.INSTANT_ADD_DROP_VIRTUAL_COLUMN),
                Arguments.of("drop a virtual column", WITH_VIRTUAL_COLUMN, "DROP COLUMN v",
                        ServerCapability.INSTANT_ADD_DROP_VIRTUAL_COLUMN),
                Arguments.of("set a default", BASE_TABLE, "ALTER COLUMN c2 SET DEFAULT 'none'",
                        ServerCapability.INSTANT_CHANGE_COLUMN_DEFAULT),
                Arguments.of("drop a default", BASE_TABLE, "ALTER COLUMN c1 DROP DEFAULT",
                        ServerCapability.INSTANT_CHANGE_COLUMN_DEFAULT),
                Arguments.of("change a default through MODIFY", BASE_TABLE, "MODIFY COLUMN c2 VARCHAR(50) DEFAULT 'none'",
                        ServerCapability.INSTANT_CHANGE_COLUMN_DEFAULT),
                Arguments.of("append an ENUM value", BASE_TABLE, "MODIFY COLUMN e ENUM('a','b','c')",
                        ServerCapability.INSTANT_EXPAND_ENUM),
                Arguments.of("append a SET value", BASE_TABLE, "MODIFY COLUMN s SET('x','y','z')",
                        ServerCapability.INSTANT_EXPAND_ENUM),
                Arguments.of("reorder ENUM values", BASE_TABLE, "MODIFY COLUMN e ENUM('b','a')", null),
                Arguments.of("grow an ENUM past 255 values (two-byte storage)", ENUM_OF_255,
                        "MODIFY COLUMN e ENUM(" + enumValues(256) + ")", null),
                Arguments.of("change a column's type", BASE_TABLE, "MODIFY COLUMN c2 INT", null),
                Arguments.of("make a column NOT NULL", BASE_TABLE, "MODIFY COLUMN c1 INT NOT NULL", null),
                Arguments.of("add an index", BASE_TABLE, "ADD INDEX c1_index (c1)", null),
                Arguments.of("drop the primary key", BASE_TABLE, "DROP PRIMARY KEY", null),
                Arguments.of("rebuild the table", BASE_TABLE, "FORCE", null),
                Arguments.of("change the row format", BASE_TABLE, "ROW_FORMAT=REDUNDANT", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void algorithmInstantSucceedsExactlyWhenTheModelSaysInstant(String change, String tableDefinition, String alterOption,
                                                                ServerCapability makesItInstant) {
        String table = "instant_" + tableNumber.incrementAndGet();
        executor.execute(DdlExecution.of(db.name(), table, "CREATE TABLE " + table + " " + tableDefinition));
        DdlExecution alter = DdlExecution.of(db.name(), table,
                "ALTER TABLE " + table + " " + alterOption + ", ALGORITHM=INSTANT");
        boolean modelSaysInstant = makesItInstant != null && capabilities.supports(makesItInstant);

        if (modelSaysInstant) {
            assertThat(executor.execute(alter)).as("%s on %s", change, capabilities.version())
                    .isEqualTo(new DdlOutcome.Applied());
        } else {
            DdlExecutionException refused = catchThrowableOfType(DdlExecutionException.class, () -> executor.execute(alter));
            assertThat(refused).as("%s must not be instant on %s", change, capabilities.version()).isNotNull();
            assertThat(refused.errorCode()).isIn(1845, 1846);
            assertThat(refused).hasMessageContaining("What to do: the server cannot make this change with the requested ALGORITHM");
        }
    }

    @Test
    void theTestServerHasEveryInstantCapability() {
        // Otherwise the test above would prove nothing about the instant half of the model.
        assertThat(capabilities.supports(ServerCapability.INSTANT_DDL)).isTrue();
        assertThat(capabilities.capabilities()).contains(ServerCapability.INSTANT_ADD_LAST_COLUMN,
                ServerCapability.INSTANT_ADD_DROP_COLUMN, ServerCapability.INSTANT_ADD_DROP_VIRTUAL_COLUMN,
                ServerCapability.INSTANT_CHANGE_COLUMN_DEFAULT, ServerCapability.INSTANT_EXPAND_ENUM);
    }

    private static String enumValues(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(","));
    }
}
