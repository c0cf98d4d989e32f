package dev.onlineddl.adapter.vreplication.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.ddl.AlterColumnChanges;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the inspector reads from a real server, and a plan made from what it read. */
@ExtendWith(TestDatabaseExtension.class)
class TableInspectorIT {

    private final TableInspector inspector = new TableInspector();

    @Test
    void theShapeOfATableHasItsColumnsAndItsUniqueKeysInVitesssOrder(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection()) {
            execute(connection, """
                    CREATE TABLE shaped (
                      id int unsigned NOT NULL AUTO_INCREMENT,
                      a int NOT NULL,
                      b varchar(20) CHARACTER SET utf8mb4 NOT NULL,
                      n int NULL,
                      e enum('small','it''s','large') NOT NULL DEFAULT 'small',
                      g int AS (a * 2) VIRTUAL,
                      s int AS (a + 1) STORED,
                      nd int NOT NULL,
                      f double NOT NULL,
                      d date NULL,
                      dt datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                      price decimal(10,2) NOT NULL DEFAULT 0,
                      PRIMARY KEY (id),
                      UNIQUE KEY uk_n (n),
                      UNIQUE KEY uk_f (f, id),
                      UNIQUE KEY uk_ab (a, b)
                    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""");

            TableShape shape = inspector.shape(connection, db.name(), "shaped");

            assertThat(shape.table()).isEqualTo("shaped");
            assertThat(shape.columnNames()).containsExactly("id", "a", "b", "n", "e", "g", "s", "nd", "f", "d", "dt", "price");
            assertThat(shape.columns()).extracting(ColumnInfo::ordinal).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

            ColumnInfo id = shape.column("ID").orElseThrow();
            assertThat(id.dataType()).isEqualTo("int");
            assertThat(id.unsigned()).isTrue();
            assertThat(id.nullable()).isFalse();
            assertThat(id.hasDefault()).isFalse(); // AUTO_INCREMENT is no default
            assertThat(id.isIntegral()).isTrue();
            assertThat(id.numericPrecision()).isEqualTo(10);
            assertThat(id.characterSet()).isEmpty();
            assertThat(id.characterMaximumLength()).isEqualTo(-1);

            ColumnInfo b = shape.column("b").orElseThrow();
            assertThat(b.characterSet()).isEqualTo("utf8mb4");
            assertThat(b.collation()).startsWith("utf8mb4_");
            assertThat(b.characterMaximumLength()).isEqualTo(20);
            assertThat(b.isTextual()).isTrue();
            assertThat(b.numericPrecision()).isEqualTo(-1);

            assertThat(shape.column("n").orElseThrow().nullable()).isTrue();
            assertThat(shape.column("n").orElseThrow().hasDefault()).isTrue();
            assertThat(shape.column("nd").orElseThrow().hasDefault()).isFalse();
            assertThat(shape.column("a").orElseThrow().unsigned()).isFalse();

            ColumnInfo e = shape.column("e").orElseThrow();
            assertThat(e.isEnum()).isTrue();
            assertThat(e.enumValues()).containsExactly("small", "it's", "large");
            assertThat(e.hasDefault()).isTrue();

            assertThat(shape.columns()).filteredOn(ColumnInfo::generated).extracting(ColumnInfo::name)
                    .containsExactly("g", "s");
            assertThat(shape.column("f").orElseThrow().isFloatingPoint()).isTrue();
            assertThat(shape.column("d").orElseThrow().isTemporal()).isTrue();
            assertThat(shape.column("dt").orElseThrow().datetimePrecision()).isEqualTo(3);
            // CURRENT_TIMESTAMP is an expression default, not a generated column
            assertThat(shape.column("dt").orElseThrow().generated()).isFalse();
            ColumnInfo price = shape.column("price").orElseThrow();
            assertThat(price.numericPrecision()).isEqualTo(10);
            assertThat(price.numericScale()).isEqualTo(2);
            assertThat(price.isNumeric()).isTrue();
            assertThat(price.isIntegral()).isFalse();

            assertThat(shape.uniqueKeys()).extracting(UniqueKeyInfo::name)
                    .containsExactly("PRIMARY", "uk_ab", "uk_f", "uk_n");
            UniqueKeyInfo compound = shape.uniqueKeys().get(1);
            assertThat(compound.columns()).containsExactly("a", "b");
            assertThat(compound.validForIteration()).isTrue();
            UniqueKeyInfo floatFirst = shape.uniqueKeys().get(2);
            assertThat(floatFirst.firstColumnFloatingPoint()).isTrue();
            assertThat(floatFirst.hasNullableColumn()).isFalse();
            assertThat(floatFirst.validForIteration()).isFalse();
            UniqueKeyInfo nullable = shape.uniqueKeys().get(3);
            assertThat(nullable.hasNullableColumn()).isTrue();
            assertThat(nullable.validForIteration()).isFalse();
        }
    }

    @Test
    void aMissingTableHasNoShape(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection()) {
            assertThatThrownBy(() -> inspector.shape(connection, db.name(), "nope"))
                    .isInstanceOf(TableInspectionException.class)
                    .hasMessageStartingWith("Found 0 columns on `nope`")
                    .hasMessageContaining("`" + db.name() + "`.`nope`");
        }
    }

    @Test
    void triggersAreCounted(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection()) {
            execute(connection, "CREATE TABLE triggered (id int PRIMARY KEY, v int)");
            execute(connection, "CREATE TABLE untriggered (id int PRIMARY KEY)");
            execute(connection, "CREATE TRIGGER triggered_bi BEFORE INSERT ON triggered FOR EACH ROW SET NEW.v = 1");
            execute(connection, "CREATE TRIGGER triggered_bu BEFORE UPDATE ON triggered FOR EACH ROW SET NEW.v = 2");

            assertThat(inspector.triggerCount(connection, db.name(), "triggered")).isEqualTo(2);
            assertThat(inspector.triggerCount(connection, db.name(), "untriggered")).isZero();
        }
    }

    @Test
    void foreignKeysEitherWayAreAProblem(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection()) {
            execute(connection, "CREATE TABLE parent (id int PRIMARY KEY, code int NOT NULL, UNIQUE KEY (id, code))");
            execute(connection, "CREATE TABLE child (id int PRIMARY KEY, parent_id int, parent_code int,"
                    + " CONSTRAINT fk_parent FOREIGN KEY (parent_id, parent_code) REFERENCES parent (id, code))");
            execute(connection, "CREATE TABLE loner (id int PRIMARY KEY)");

            assertThat(inspector.foreignKeyProblem(connection, db.name(), "child"))
                    .contains("table `child` has 1 foreign key and is referenced by 0 foreign keys");
            assertThat(inspector.foreignKeyProblem(connection, db.name(), "parent"))
                    .contains("table `parent` has 0 foreign keys and is referenced by 1 foreign key");
            assertThat(inspector.foreignKeyProblem(connection, db.name(), "loner")).isEmpty();
        }
    }

    @Test
    void autoIncrementAndRowEstimate(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection()) {
            execute(connection, "CREATE TABLE counted (id int AUTO_INCREMENT PRIMARY KEY, v int) AUTO_INCREMENT=1000");
            execute(connection, "CREATE TABLE uncounted (id int PRIMARY KEY)");
            execute(connection, "INSERT INTO counted (v) VALUES (1), (2), (3), (4), (5)");
            execute(connection, "ANALYZE TABLE counted");

            assertThat(inspector.autoIncrement(connection, db.name(), "counted")).isEqualTo(1005);
            assertThat(inspector.autoIncrement(connection, db.name(), "uncounted")).isZero();
            assertThat(inspector.autoIncrement(connection, db.name(), "nope")).isZero();
            assertThat(inspector.estimatedRows(connection, db.name(), "counted")).isEqualTo(5);
            assertThat(inspector.estimatedRows(connection, db.name(), "uncounted")).isZero();
        }
    }

    @Test
    void theTestServersBinlogIsWhatTheEngineNeeds(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection()) {
            assertThat(inspector.binlogSettingProblems(connection)).isEmpty();
        }
    }

    @Test
    void aMinimalRowImageIsReported(TestDatabase db) throws SQLException {
        try (Connection admin = db.server().openAdminConnection(); Connection connection = db.openConnection()) {
            String before = single(admin, "SELECT @@GLOBAL.binlog_row_image");
            execute(admin, "SET GLOBAL binlog_row_image = MINIMAL");
            try {
                assertThat(inspector.binlogSettingProblems(connection)).containsExactly(
                        "binlog_row_image is MINIMAL: the vitess strategy needs binlog_row_image=FULL"
                                + " (SET GLOBAL binlog_row_image=FULL, or --binlog-row-image=FULL in the server's"
                                + " configuration)");
            } finally {
                execute(admin, "SET GLOBAL binlog_row_image = '" + before + "'");
            }
            assertThat(inspector.binlogSettingProblems(connection)).isEmpty();
        }
    }

    @Test
    void aPlanFromInspectedShapes(TestDatabase db) throws SQLException {
        try (Connection connection = db.openConnection()) {
            execute(connection, "CREATE TABLE orig (id int NOT NULL, kind enum('a','b') NOT NULL, title varchar(10)"
                    + " CHARACTER SET utf8mb3 NOT NULL, old_name int NOT NULL, gone int NOT NULL, PRIMARY KEY (id),"
                    + " UNIQUE KEY uk_old (old_name)) DEFAULT CHARSET=utf8mb4");
            execute(connection, "CREATE TABLE shadow LIKE orig");
            execute(connection, "ALTER TABLE shadow MODIFY kind varchar(10) NOT NULL,"
                    + " MODIFY title varchar(10) CHARACTER SET utf8mb4 NOT NULL, CHANGE old_name new_name bigint NOT NULL,"
                    + " DROP COLUMN gone, DROP KEY uk_old");

            MigrationPlan plan = new MigrationPlanner().plan(inspector.shape(connection, db.name(), "orig"),
                    inspector.shape(connection, db.name(), "shadow"),
                    new AlterColumnChanges(Set.of("gone"), Map.of("old_name", "new_name"), false, false));

            assertThat(plan.selectList()).isEqualTo(
                    "`id` AS `id`, CONCAT(`kind`) AS `kind`, `title` AS `title`, `old_name` AS `new_name`");
            assertThat(plan.targetColumnList()).isEqualTo("`id`, `kind`, `title`, `new_name`");
            assertThat(plan.sourceKey().name()).isEqualTo("PRIMARY");
            assertThat(plan.removedUniqueKeys()).containsExactly("uk_old");
            assertThat(plan.analysis().droppedNoDefaultColumnNames()).isEqualTo("`gone`");
            assertThat(plan.analysis().expandedColumnNames()).isEqualTo("`kind`,`title`,`old_name`");
            assertThat(plan.analysis().revertibleNotes()).isEqualTo(String.join("\n",
                    "unique constraint removed: uk_old",
                    "column gone dropped, and had no default value",
                    "column kind: increased CHARACTER_MAXIMUM_LENGTH",
                    "column title: expand character set to utf8mb4",
                    "column old_name: increased NUMERIC_PRECISION"));
            // the copy's SELECT runs as planned
            execute(connection, "INSERT INTO orig VALUES (1, 'b', 'x', 7, 0)");
            execute(connection, "INSERT INTO shadow (" + plan.targetColumnList() + ") SELECT " + plan.selectList()
                    + " FROM orig");
            assertThat(single(connection, "SELECT CONCAT(kind, ':', title, ':', new_name) FROM shadow")).isEqualTo("b:x:7");
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
