package dev.onlineddl.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.ddl.JsqlDdlAnalyzer;
import dev.onlineddl.adapter.mysql.inspect.JdbcDdlExecutor;
import dev.onlineddl.adapter.mysql.inspect.JdbcSchemaInspector;
import dev.onlineddl.adapter.mysql.lock.JdbcExecutorLock;
import dev.onlineddl.adapter.mysql.store.ControlSchema;
import dev.onlineddl.adapter.mysql.store.JooqMigrationStore;
import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.app.config.HttpAddress;
import dev.onlineddl.app.http.ApiAccess;
import dev.onlineddl.app.http.ApiServices;
import dev.onlineddl.app.http.HttpApi;
import dev.onlineddl.app.http.MetricsEndpoint;
import dev.onlineddl.app.http.ToolCallbackApi;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.service.ExecutorConfig;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} against a real store: however long the history, a scrape reads the migrations
 * by status with one aggregate query, never row by row.
 */
@ExtendWith(TestDatabaseExtension.class)
class MetricsScrapeIT {

    private static final int MIGRATIONS = 10_000;

    /** What the store sent to the server, statement by statement. */
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Test
    void aScrapeOfTenThousandMigrationsIsOneCountQuery(TestDatabase db, @TempDir Path work) throws Exception {
        ControlSchema controlSchema = new ControlSchema(db.createSiblingDatabase("ctl").name());
        controlSchema.migrate(db.dataSource());
        ExecutorConfig config = ExecutorConfig.defaults("executor-1", db.name()).withWorkDirectory(work);
        JooqMigrationStore store = new JooqMigrationStore(counting(db.dataSource()), controlSchema, config.target());
        MigrationUuid first = MigrationUuid.generate(Instant.now(), new Random(12));
        store.insert(Migration.builder(first).mysqlSchema(db.name()).mysqlTable("t")
                .migrationStatement("alter table t engine=innodb").strategy("vitess").ddlAction(DdlAction.ALTER)
                .tablet("executor-1").build());
        copyMigration(db, controlSchema, first, MIGRATIONS - 1);

        try (OnlineDdl core = OnlineDdl.builder(config)
                .store(store)
                .schemaInspector(new JdbcSchemaInspector(db.dataSource()))
                .ddlExecutor(new JdbcDdlExecutor(db.dataSource()))
                .ddlAnalyzer(new JsqlDdlAnalyzer())
                .connections(new TargetConnections() {
                    @Override
                    public String schema() {
                        return db.name();
                    }

                    @Override
                    public Connection open() throws SQLException {
                        return db.openConnection();
                    }
                })
                .executorLock(new JdbcExecutorLock(db.dataSource(), db.name()))
                .plugins(List.of(new BuiltInMysqlPlugin()))
                .build()) {
            DaemonMetrics metrics = new DaemonMetrics();
            ApiServices services = new ApiServices(core.submitMigration(), core.controlMigration(),
                    core.throttleMigrations(), core.queryMigrations(), core.statusReports(), app -> false);
            HttpApi api = HttpApi.start(new HttpAddress("127.0.0.1", 0, InetAddress.getLoopbackAddress()), 2, services,
                    new ApiAccess("token", "no CLI here"), new ToolCallbackApi(services, new MigrationTokens(new SecureRandom())),
                    new MetricsEndpoint(DaemonMetrics.CONTENT_TYPE, () -> metrics.scrape(core.queryMigrations(),
                            ExecutionCounts.NONE)));
            try {
                statements.clear();
                HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + api.address() + "/metrics")).build(), BodyHandlers.ofString());

                assertThat(scrape.statusCode()).isEqualTo(200);
                assertThat(PrometheusLines.of(scrape.body())).contains(
                        "onlineddl_migrations{status=\"queued\"} 1",
                        "onlineddl_migrations{status=\"complete\"} " + (MIGRATIONS - 1),
                        "onlineddl_migrations{status=\"running\"} 0");
                assertThat(statements).as("the statements of one scrape").singleElement()
                        .satisfies(sql -> assertThat(sql.toLowerCase()).contains("count(*)").contains("group by"));
            } finally {
                api.stop(Duration.ZERO);
            }
        }
    }

    /**
     * Copies the migration {@code count} times as complete migrations with UUIDs of their own, in one
     * INSERT ... SELECT (a cross join of digits numbers the copies), rather than 10,000 round trips.
     */
    private static void copyMigration(TestDatabase db, ControlSchema controlSchema, MigrationUuid uuid, int count)
            throws SQLException {
        String table = "`" + controlSchema.name() + "`.`schema_migrations`";
        List<String> copied = columnsOf(db, controlSchema);
        String into = copied.stream().map(column -> "`" + column + "`").collect(Collectors.joining(", "));
        String from = copied.stream().map(column -> "m.`" + column + "`").collect(Collectors.joining(", "));
        String digits = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        String number = "(a.d + 10 * b.d + 100 * c.d + 1000 * e.d)";
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement()) {
            int inserted = statement.executeUpdate("INSERT INTO " + table + " (migration_uuid, migration_status, " + into
                    + ") SELECT CONCAT(LEFT(m.migration_uuid, 27), LPAD(" + number + ", 9, '0')), 'complete', " + from
                    + " FROM " + table + " m, " + digits + " a, " + digits + " b, " + digits + " c, " + digits + " e"
                    + " WHERE m.migration_uuid = '" + uuid.value() + "' AND " + number + " BETWEEN 1 AND " + count);
            assertThat(inserted).isEqualTo(count);
        }
    }

    /** The columns a copy takes from the original: all but the key, the UUID and the status. */
    private static List<String> columnsOf(TestDatabase db, ControlSchema controlSchema) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = '" + controlSchema.name() + "' AND TABLE_NAME = 'schema_migrations'"
                        + " AND COLUMN_NAME NOT IN ('id', 'migration_uuid', 'migration_status') ORDER BY ORDINAL_POSITION")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    /** The data source, recording the SQL of every statement its connections prepare or execute. */
    private DataSource counting(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? countingConnection(connection) : result;
                });
    }

    private Connection countingConnection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    Object result = invoke(connection, method, args);
                    return result instanceof Statement && !(result instanceof PreparedStatement)
                            ? countingStatement((Statement) result) : result;
                });
    }

    private Statement countingStatement(Statement statement) {
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
