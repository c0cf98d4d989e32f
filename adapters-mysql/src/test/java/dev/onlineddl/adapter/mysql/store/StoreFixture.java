package dev.onlineddl.adapter.mysql.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A control schema of its own for one test class (a sibling database of the class's database,
 * dropped with it), stores bound to fresh targets so that tests never see each other's rows, and
 * plain-JDBC reads and writes of {@code schema_migrations} that do not go through the store under
 * test. The fixture's own sessions run in UTC, so timestamp literals in its SQL are UTC.
 */
final class StoreFixture {

    private static final AtomicInteger TARGETS = new AtomicInteger();

    private final TestDatabase db;
    private final ControlSchema controlSchema;
    private final Random random = new Random(20240601);

    private StoreFixture(TestDatabase db, ControlSchema controlSchema) {
        this.db = db;
        this.controlSchema = controlSchema;
    }

    /** Creates a sibling database and lets Flyway create the control schema in it. */
    static StoreFixture create(TestDatabase db) throws SQLException {
        TestDatabase control = db.createSiblingDatabase("ctl");
        ControlSchema controlSchema = new ControlSchema(control.name());
        controlSchema.migrate(db.dataSource());
        return new StoreFixture(db, controlSchema);
    }

    TestDatabase db() {
        return db;
    }

    ControlSchema controlSchema() {
        return controlSchema;
    }

    /** The quoted {@code control.schema_migrations} for hand-written SQL of the tests. */
    String table() {
        return "`" + controlSchema.name() + "`.`schema_migrations`";
    }

    /** A store bound to a target no other test uses. */
    JooqMigrationStore newStore() {
        return storeFor(MigrationTarget.of("target_" + TARGETS.incrementAndGet()));
    }

    JooqMigrationStore storeFor(MigrationTarget target) {
        return new JooqMigrationStore(db.dataSource(), controlSchema, target);
    }

    /**
     * A store on a fresh target whose sessions run in a time zone far from the fixture's UTC: its
     * timestamps must still be the same instants.
     */
    JooqMigrationStore newStoreInSessionTimeZone(String offset) {
        return new JooqMigrationStore(new SessionTimeZoneDataSource(db.dataSource(), offset), controlSchema,
                MigrationTarget.of("target_" + TARGETS.incrementAndGet()));
    }

    MigrationUuid newUuid() {
        return MigrationUuid.generate(Instant.now(), random);
    }

    /** A typical freshly submitted ALTER for {@code store}'s target. */
    Migration.Builder alter(JooqMigrationStore store, String table) {
        return Migration.builder(newUuid())
                .mysqlSchema(store.target().mysqlSchema())
                .mysqlTable(table)
                .migrationStatement("alter table `" + table + "` add column `c` int")
                .strategy("vitess")
                .options("--postpone-completion")
                .ddlAction(dev.onlineddl.domain.DdlAction.ALTER)
                .tablet("executor-1")
                .retainArtifactsSeconds(86400);
    }

    /** Inserts through the store (the insert has its own test) and returns the UUID. */
    MigrationUuid submit(JooqMigrationStore store, Migration migration) {
        assertThat(store.insert(migration)).as("inserted %s", migration.uuid()).isTrue();
        return migration.uuid();
    }

    MigrationUuid submit(JooqMigrationStore store, String table) {
        return submit(store, alter(store, table).build());
    }

    /**
     * Changes the row with plain SQL, e.g. {@code given(uuid, "migration_status = ?", "failed")}:
     * test set-ups that must not depend on the store methods under test.
     */
    void given(MigrationUuid uuid, String setClause, Object... values) {
        Object[] all = new Object[values.length + 1];
        System.arraycopy(values, 0, all, 0, values.length);
        all[values.length] = uuid.value();
        int changed = execute("UPDATE " + table() + " SET " + setClause + " WHERE migration_uuid = ?", all);
        assertThat(changed).as("set-up of %s changed its row", uuid).isEqualTo(1);
    }

    int execute(String sql, Object... values) {
        try (Connection connection = openUtcConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("test SQL failed: " + sql, e);
        }
    }

    /** The row as plain JDBC reads it (column name to value), or empty. */
    Optional<Map<String, Object>> row(MigrationUuid uuid) {
        return queryRow("SELECT * FROM " + table() + " WHERE migration_uuid = ?", uuid.value());
    }

    Map<String, Object> existingRow(MigrationUuid uuid) {
        return row(uuid).orElseThrow(() -> new AssertionError("no row for " + uuid));
    }

    /** Microseconds from the row's {@code column} to the server's now; null when the column is NULL. */
    Long microsAgo(MigrationUuid uuid, String column) {
        Object value = queryRow("SELECT TIMESTAMPDIFF(MICROSECOND, `" + column + "`, NOW(6)) AS ago FROM " + table()
                + " WHERE migration_uuid = ?", uuid.value()).orElseThrow().get("ago");
        return value == null ? null : ((Number) value).longValue();
    }

    Optional<Map<String, Object>> queryRow(String sql, Object... values) {
        try (Connection connection = openUtcConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData meta = result.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), result.getObject(i));
                }
                return Optional.of(row);
            }
        } catch (SQLException e) {
            throw new AssertionError("test SQL failed: " + sql, e);
        }
    }

    long count(String whereClause, Object... values) {
        Object n = queryRow("SELECT COUNT(*) AS n FROM " + table() + " WHERE " + whereClause, values)
                .orElseThrow().get("n");
        return ((Number) n).longValue();
    }

    private Connection openUtcConnection() throws SQLException {
        return new SessionTimeZoneDataSource(db.dataSource(), "+00:00").getConnection();
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    /** A numeric column value as long (unsigned columns arrive as Integer, Long or BigInteger). */
    static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    static double decimal(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    static String text(Map<String, Object> row, String column) {
        return (String) row.get(column);
    }
}
