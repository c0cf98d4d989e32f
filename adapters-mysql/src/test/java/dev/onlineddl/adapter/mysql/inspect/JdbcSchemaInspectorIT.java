package dev.onlineddl.adapter.mysql.inspect;

import com.mysql.cj.jdbc.JdbcConnection;
import dev.onlineddl.domain.server.BinlogPosition;
import dev.onlineddl.domain.server.ServerCapabilities;
import dev.onlineddl.domain.server.ServerCapability;
import dev.onlineddl.domain.server.ServerVariables;
import dev.onlineddl.port.out.ForeignKeyParticipation;
import dev.onlineddl.port.out.RelationKind;
import dev.onlineddl.port.out.SchemaInspectionException;
import dev.onlineddl.port.out.ServerProcess;
import dev.onlineddl.port.out.TableColumn;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSchemaInspectorIT {

    private final TestDatabase db;
    private final JdbcSchemaInspector inspector;

    JdbcSchemaInspectorIT(TestDatabase db) {
        this.db = db;
        this.inspector = new JdbcSchemaInspector(db.dataSource());
    }

    @BeforeAll
    void createTables() throws SQLException {
        execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(20))",
                "CREATE VIEW orders_view AS SELECT id FROM orders",
                "CREATE TABLE aXb (id INT PRIMARY KEY)",
                "CREATE TABLE `we``ird name` (id INT PRIMARY KEY)",
                "CREATE TABLE CaseTable (id INT PRIMARY KEY)",
                "CREATE TABLE customers (id INT PRIMARY KEY)",
                "CREATE TABLE purchases (id INT PRIMARY KEY, customer_id INT, "
                        + "CONSTRAINT purchases_customer FOREIGN KEY (customer_id) REFERENCES customers (id))",
                "CREATE TABLE pair_parent (a INT, b INT, PRIMARY KEY (a, b))",
                "CREATE TABLE pair_child (id INT PRIMARY KEY, a INT, b INT, "
                        + "CONSTRAINT pair_child_parent FOREIGN KEY (a, b) REFERENCES pair_parent (a, b))",
                "CREATE TABLE standalone (id INT PRIMARY KEY)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            orders      | TABLE
            orders_view | VIEW
            aXb         | TABLE
            a_b         | NULL
            a%b         | NULL
            aX%         | NULL
            'we`ird name' | TABLE
            missing     | NULL
            """)
    void relationKindMatchesNamesExactly(String name, RelationKind expected) {
        assertThat(inspector.relationKind(db.name(), name)).isEqualTo(Optional.ofNullable(expected));
        assertThat(inspector.tableExists(db.name(), name)).isEqualTo(expected == RelationKind.TABLE);
        assertThat(inspector.viewExists(db.name(), name)).isEqualTo(expected == RelationKind.VIEW);
        assertThat(inspector.tableOrViewExists(db.name(), name)).isEqualTo(expected != null);
    }

    @Test
    void aNameDifferingInCaseExistsOnlyWhenTheServerFoldsNames() throws SQLException {
        boolean folds = !"0".equals(queryString("SELECT @@lower_case_table_names"));

        assertThat(inspector.tableExists(db.name(), "CaseTable")).isTrue();
        assertThat(inspector.tableExists(db.name(), "casetable")).isEqualTo(folds);
        assertThat(inspector.tableExists(db.name(), "CASETABLE")).isEqualTo(folds);
    }

    @Test
    void tablesInAnotherSchemaAreNotSeen() {
        assertThat(inspector.tableExists(db.name() + "_other", "orders")).isFalse();
        assertThat(inspector.tableExists("information_schema", "orders")).isFalse();
    }

    @Test
    void sequencesAreNeitherTablesNorViews() throws SQLException {
        assumeTrue(db.server().isMariaDb(), "sequences are MariaDB's");
        execute("CREATE SEQUENCE IF NOT EXISTS order_numbers");

        assertThat(inspector.relationKind(db.name(), "order_numbers")).contains(RelationKind.OTHER);
        assertThat(inspector.tableExists(db.name(), "order_numbers")).isFalse();
        assertThat(inspector.tableOrViewExists(db.name(), "order_numbers")).isTrue();
    }

    @Test
    void showCreateTableOfTablesAndViews() {
        assertThat(inspector.showCreateTable(db.name(), "orders")).hasValueSatisfying(create ->
                assertThat(create).startsWith("CREATE TABLE `orders`").contains("`note` varchar(20)"));
        assertThat(inspector.showCreateTable(db.name(), "we`ird name")).hasValueSatisfying(create ->
                assertThat(create).startsWith("CREATE TABLE `we``ird name`"));
        // Vitess relies on SHOW CREATE TABLE answering for views too.
        assertThat(inspector.showCreateTable(db.name(), "orders_view")).hasValueSatisfying(create ->
                assertThat(create).contains("VIEW `orders_view`"));
        assertThat(inspector.showCreateTable(db.name(), "missing")).isEmpty();
        assertThat(inspector.showCreateTable(db.name() + "_no_such_schema", "orders")).isEmpty();
    }

    @Test
    void showCreateViewOnlyOfViews() {
        assertThat(inspector.showCreateView(db.name(), "orders_view")).hasValueSatisfying(create ->
                assertThat(create).startsWith("CREATE").contains("VIEW `orders_view` AS select"));
        assertThat(inspector.showCreateView(db.name(), "orders")).isEmpty();
        assertThat(inspector.showCreateView(db.name(), "missing")).isEmpty();
    }

    @ParameterizedTest(name = "{0}: parent {1}, child {2}")
    @CsvSource({
            "customers,   1, 0",
            "purchases,   0, 1",
            // Vitess counts key-column rows: a two-column foreign key counts twice
            "pair_parent, 2, 0",
            "pair_child,  0, 2",
            "standalone,  0, 0",
            "missing,     0, 0",
    })
    void foreignKeyParticipation(String table, long asParent, long asChild) {
        ForeignKeyParticipation participation = inspector.foreignKeyParticipation(db.name(), table);

        assertThat(participation).isEqualTo(new ForeignKeyParticipation(asParent, asChild));
        assertThat(participation.participates()).isEqualTo(asParent + asChild > 0);
    }

    @Test
    void serverVariablesDescribeTheServer() {
        ServerVariables variables = inspector.serverVariables();

        assertThat(variables.hostname()).isNotBlank();
        assertThat(variables.port()).isEqualTo(db.server().port());
        assertThat(variables.version()).isEqualTo(db.server().version());
        assertThat(variables.readOnly()).isFalse();
        assertThat(variables.serverVersion().isMariaDb()).isEqualTo(db.server().isMariaDb());
    }

    @Test
    void readOnlyFollowsTheServer() throws SQLException {
        try (Connection admin = db.server().openAdminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("SET GLOBAL read_only = 1");
            try {
                assertThat(inspector.serverVariables().readOnly()).isTrue();
            } finally {
                statement.execute("SET GLOBAL read_only = 0");
            }
        }
        assertThat(inspector.serverVariables().readOnly()).isFalse();
    }

    @Test
    void capabilitiesComeFromTheServersRelease() {
        ServerCapabilities capabilities = inspector.capabilities();

        assertThat(capabilities.version().text()).isEqualTo(db.server().version());
        // Both a MariaDB 10.4+ and a MySQL 8.0.29+ test server can do everything instant.
        assertThat(capabilities.supports(ServerCapability.INSTANT_DDL)).isTrue();
        assertThat(capabilities.supports(ServerCapability.INSTANT_ADD_DROP_COLUMN)).isTrue();
        assertThat(capabilities.supports(ServerCapability.MYSQL_JSON)).isEqualTo(!db.server().isMariaDb());
    }

    @Test
    void mariaDbInstantAlterSettingNarrowsCapabilities() throws SQLException {
        assumeTrue(db.server().isMariaDb(), "innodb_instant_alter_column_allowed is MariaDB's");
        try (Connection admin = db.server().openAdminConnection(); Statement statement = admin.createStatement()) {
            String original = queryString(admin, "SELECT @@global.innodb_instant_alter_column_allowed");
            statement.execute("SET GLOBAL innodb_instant_alter_column_allowed = 'add_last'");
            try {
                ServerCapabilities capabilities = inspector.capabilities();
                assertThat(capabilities.supports(ServerCapability.INSTANT_ADD_LAST_COLUMN)).isTrue();
                assertThat(capabilities.supports(ServerCapability.INSTANT_ADD_DROP_COLUMN)).isFalse();
            } finally {
                try (var restore = admin.prepareStatement("SET GLOBAL innodb_instant_alter_column_allowed = ?")) {
                    restore.setString(1, original);
                    restore.execute();
                }
            }
        }
        assertThat(inspector.capabilities().supports(ServerCapability.INSTANT_ADD_DROP_COLUMN)).isTrue();
    }

    @Test
    void findsABlockedQueryInTheProcessList() throws Exception {
        execute("CREATE TABLE locked_table (id INT PRIMARY KEY, note VARCHAR(20))");
        try (Connection locker = db.openConnection(); Statement lock = locker.createStatement();
                Connection blocked = db.openConnection()) {
            long blockedId = connectionId(blocked);
            lock.execute("LOCK TABLES locked_table WRITE");
            CompletableFuture<Long> blockedQuery = CompletableFuture.supplyAsync(() -> {
                try (Statement select = blocked.createStatement();
                        ResultSet rows = select.executeQuery("SELECT COUNT(*) FROM locked_table WHERE note <> '100%x'")) {
                    rows.next();
                    return rows.getLong(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                ServerProcess process = ServerConditions.awaitPresent("the blocked SELECT in the process list",
                        Duration.ofSeconds(10), () -> inspector.findProcess(blockedId, "from locked_table"));

                assertThat(process.id()).isEqualTo(blockedId);
                assertThat(process.info()).contains("SELECT COUNT(*) FROM locked_table");
                assertThat(process.database()).isEqualTo(db.name());
                assertThat(process.state()).containsIgnoringCase("lock");
                // case-insensitive like Vitess's LIKE, but % and _ are plain characters
                assertThat(inspector.findProcess(blockedId, "SELECT count(*)")).isPresent();
                assertThat(inspector.findProcess(blockedId, "100%x")).isPresent();
                assertThat(inspector.findProcess(blockedId, "10%x")).isEmpty();
                assertThat(inspector.findProcess(blockedId, "100_x")).isEmpty();
                assertThat(inspector.findProcess(blockedId, "rename")).isEmpty();
                assertThat(inspector.findProcess(blockedId + 100_000, "from locked_table")).isEmpty();
            } finally {
                lock.execute("UNLOCK TABLES");
            }
            assertThat(blockedQuery.get(10, TimeUnit.SECONDS)).isZero();
        }
    }

    @Test
    void anIdleConnectionHasNoStatementToFind() throws SQLException {
        try (Connection idle = db.openConnection()) {
            // The id the handshake gave, not SELECT CONNECTION_ID(): the server lists that query
            // ("Writing to net") for a moment after its result has reached the client.
            long id = idle.unwrap(JdbcConnection.class).getId();
            assertThat(inspector.findProcess(id, "")).isEmpty();
        }
    }

    @Test
    void binlogPositionAdvancesAfterAWrite() throws SQLException {
        execute("CREATE TABLE binlog_probe (id INT PRIMARY KEY)");
        BinlogPosition before = inspector.currentBinlogPosition();

        execute("INSERT INTO binlog_probe VALUES (1)");
        BinlogPosition after = inspector.currentBinlogPosition();

        assertThat(after).isNotEqualTo(before).hasSameClassAs(before);
        assertThat(BinlogPosition.decode(after.encoded())).isEqualTo(after);
        if (after instanceof BinlogPosition.MariaDbGtidList afterList) {
            long domain = afterList.gtids().get(0).domainId();
            long sequenceBefore = ((BinlogPosition.MariaDbGtidList) before).sequenceInDomain(domain).orElse(0);
            assertThat(afterList.sequenceInDomain(domain).orElseThrow()).isGreaterThan(sequenceBefore);
        } else if (after instanceof BinlogPosition.FilePosition afterFile) {
            assertThat(afterFile).isGreaterThan((BinlogPosition.FilePosition) before);
        }
    }

    @Test
    void rowEstimateAfterAnalyze() throws SQLException {
        execute("CREATE TABLE counted (id INT PRIMARY KEY)");
        try (Connection connection = db.openConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO counted VALUES (?)")) {
            for (int id = 1; id <= 100; id++) {
                insert.setInt(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        execute("ANALYZE TABLE counted");

        assertThat(inspector.estimatedRowCount(db.name(), "counted")).isBetween(90L, 110L);
        assertThat(inspector.estimatedRowCount(db.name(), "standalone")).isZero();
        assertThatThrownBy(() -> inspector.estimatedRowCount(db.name(), "missing"))
                .isInstanceOf(SchemaInspectionException.class)
                .hasMessage("could not read the row estimate of `" + db.name() + "`.`missing`: the table does not exist."
                        + " What to do: check the schema and table name");
    }

    @Test
    void autoIncrementValue() throws SQLException {
        execute("CREATE TABLE numbered (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(10))",
                "INSERT INTO numbered (note) VALUES ('a'), ('b'), ('c')");

        assertThat(inspector.autoIncrement(db.name(), "numbered")).hasValue(4);
        execute("ALTER TABLE numbered AUTO_INCREMENT = 100");
        assertThat(inspector.autoIncrement(db.name(), "numbered")).hasValue(100);
        assertThat(inspector.autoIncrement(db.name(), "standalone")).isEmpty();
        assertThatThrownBy(() -> inspector.autoIncrement(db.name(), "missing"))
                .isInstanceOf(SchemaInspectionException.class)
                .hasMessageStartingWith("could not read the AUTO_INCREMENT value of `" + db.name() + "`.`missing`: the table does not exist");
    }

    @Test
    void columnsInTableOrder() throws SQLException {
        execute("CREATE TABLE described (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "name VARCHAR(30) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'x', "
                + "color ENUM('red','green') NULL, doubled BIGINT AS (id * 2) VIRTUAL, UNIQUE KEY (name))");

        List<TableColumn> columns = inspector.columns(db.name(), "described");

        assertThat(columns).extracting(TableColumn::name).containsExactly("id", "name", "color", "doubled");
        assertThat(columns).extracting(TableColumn::ordinalPosition).containsExactly(1, 2, 3, 4);
        TableColumn id = columns.get(0);
        assertThat(id.dataType()).isEqualTo("bigint");
        assertThat(id.columnType()).contains("unsigned");
        assertThat(id.nullable()).isFalse();
        assertThat(id.isAutoIncrement()).isTrue();
        assertThat(id.columnKey()).isEqualTo("PRI");
        TableColumn name = columns.get(1);
        assertThat(name.columnType()).isEqualTo("varchar(30)");
        assertThat(name.characterSet()).isEqualTo("utf8mb4");
        assertThat(name.collation()).isEqualTo("utf8mb4_bin");
        assertThat(name.defaultValue()).hasValueSatisfying(value -> assertThat(value).contains("x"));
        assertThat(name.columnKey()).isEqualTo("UNI");
        TableColumn color = columns.get(2);
        assertThat(color.dataType()).isEqualTo("enum");
        assertThat(color.columnType()).isEqualTo("enum('red','green')");
        assertThat(color.nullable()).isTrue();
        assertThat(columns.get(3).isVirtual()).isTrue();
        assertThat(columns.get(3).isGenerated()).isTrue();

        assertThat(inspector.columns(db.name(), "missing")).isEmpty();
        assertThat(inspector.columns(db.name(), "orders_view")).extracting(TableColumn::name).containsExactly("id");
    }

    @Test
    void anUnreachableServerGivesAClearError() throws Exception {
        JdbcSchemaInspector unreachable = new JdbcSchemaInspector(UnreachableServer.dataSource());

        assertThatThrownBy(unreachable::serverVariables)
                .isInstanceOf(SchemaInspectionException.class)
                .hasMessageStartingWith("could not read the server variables: ")
                .hasMessageContaining("SQLSTATE 08")
                .hasMessageContaining("What to do: check that the server is running and reachable")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> unreachable.tableExists("shop", "orders"))
                .isInstanceOf(SchemaInspectionException.class)
                .hasMessageStartingWith("could not read whether `shop`.`orders` exists: ");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String queryString(String query) throws SQLException {
        try (Connection connection = db.openConnection()) {
            return queryString(connection, query);
        }
    }

    private static String queryString(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long connectionId(Connection connection) throws SQLException {
        return Long.parseLong(queryString(connection, "SELECT CONNECTION_ID()"));
    }
}
