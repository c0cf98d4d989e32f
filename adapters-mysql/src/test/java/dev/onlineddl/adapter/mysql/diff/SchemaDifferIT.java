package dev.onlineddl.adapter.mysql.diff;

import dev.onlineddl.domain.naming.ConstraintNames;
import dev.onlineddl.port.out.DiffHints;
import dev.onlineddl.port.out.SchemaDiffException;
import dev.onlineddl.port.out.SchemaDiffer;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every differ case proven on the server: the live table is created with rows, the desired table
 * under another name (as the executor does), the computed ALTER is applied to the live table,
 * and then the live table's SHOW CREATE TABLE must equal the desired one's, apart from the table
 * name, constraint name suffixes and (unless the case is about it) AUTO_INCREMENT.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaDifferIT {

    /** What online DDL appends to constraint names of table copies: {@code _} and 25 base-36 characters. */
    private static final String SUFFIX = "_4k2p9x7qm1b8c3d6e5f0g1h2j";
    private static final Pattern SUFFIXED_NAME = Pattern.compile("`([^`]+_[0-9a-z]{25})`");
    private static final Pattern AUTO_INCREMENT_OPTION = Pattern.compile(" AUTO_INCREMENT=\\d+");

    private final TestDatabase db;
    private final SchemaDiffer differ = new MySqlSchemaDiffer();
    private final AtomicInteger tableNumber = new AtomicInteger();
    private Connection connection;

    SchemaDifferIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeAll
    void createReferencedTables() throws SQLException {
        connection = db.openConnection();
        execute("CREATE TABLE parent (id INT PRIMARY KEY, code VARCHAR(10) NOT NULL, UNIQUE KEY uk_code (code))");
        execute("INSERT INTO parent VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        execute("CREATE TABLE base (id INT PRIMARY KEY, a INT, b VARCHAR(10))");
        execute("INSERT INTO base VALUES (1, 10, 'x'), (2, 20, 'y')");
    }

    @AfterAll
    void closeConnection() throws SQLException {
        connection.close();
    }

    static Stream<DiffCase> tableCases() {
        return Stream.of(
                // ---- columns ----
                DiffCase.of("add a column at the end",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b VARCHAR(20) NOT NULL DEFAULT 'x')")
                        .rows("INSERT INTO {t} VALUES (1, 10), (2, 20)")
                        .contains("ADD COLUMN `b` varchar(20) NOT NULL DEFAULT 'x'").lacks("AFTER"),
                DiffCase.of("add a column in the middle",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, c INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, c INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("ADD COLUMN `b` int(11) DEFAULT NULL AFTER `a`"),
                DiffCase.of("add a column first",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (z INT, id INT PRIMARY KEY, a INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("ADD COLUMN `z` int(11) DEFAULT NULL FIRST"),
                DiffCase.of("add several columns in several places",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, b INT, d INT)",
                        "CREATE TABLE {t} (a INT, id INT PRIMARY KEY, b INT, c INT, d INT, e INT, f INT)")
                        .rows("INSERT INTO {t} VALUES (1, 2, 4), (2, 3, 5)")
                        .surviving("SELECT id, b, d FROM {t} ORDER BY id", "SELECT id, b, d FROM {t} ORDER BY id"),
                DiffCase.of("drop a column",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, b INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("DROP COLUMN `a`"),
                DiffCase.of("drop several columns",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b TEXT, c DATE, d INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, d INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 'b', '2024-01-01', 4)")
                        .surviving("SELECT id, d FROM {t}", "SELECT id, d FROM {t}"),
                DiffCase.of("widen a column's type",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b VARCHAR(10))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a BIGINT UNSIGNED, b VARCHAR(200))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 'ten')")
                        .contains("MODIFY COLUMN `a` bigint(20) unsigned DEFAULT NULL", "MODIFY COLUMN `b` varchar(200)")
                        .surviving("SELECT id, a, b FROM {t}", "SELECT id, a, b FROM {t}"),
                DiffCase.of("change a default",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT DEFAULT 5, b VARCHAR(5) DEFAULT 'x')",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT DEFAULT 7, b VARCHAR(5))")
                        .rows("INSERT INTO {t} (id) VALUES (1)")
                        .contains("MODIFY COLUMN `a` int(11) DEFAULT 7", "MODIFY COLUMN `b` varchar(5) DEFAULT NULL"),
                DiffCase.of("make a column NOT NULL",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT NOT NULL)")
                        .rows("INSERT INTO {t} VALUES (1, 10), (2, 20)")
                        .contains("MODIFY COLUMN `a` int(11) NOT NULL"),
                DiffCase.of("make a column nullable",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT NOT NULL DEFAULT 0)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT NULL DEFAULT 0)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("MODIFY COLUMN `a` int(11) DEFAULT 0"),
                DiffCase.of("change a column comment, with quotes and a newline",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT COMMENT 'old')",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT COMMENT 'it''s\\nnew')")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("COMMENT 'it''s\\nnew'"),
                DiffCase.of("timestamp defaults and ON UPDATE",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, ts TIMESTAMP NULL DEFAULT NULL)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, ts TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
                                + " d DATETIME(3) DEFAULT NOW(3))")
                        .rows("INSERT INTO {t} VALUES (1, '2024-05-01 10:00:00')")
                        .contains("current_timestamp()"),
                DiffCase.of("extend an enum",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, e ENUM('a','b') NOT NULL DEFAULT 'a')",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, e ENUM('a','b','c') NOT NULL DEFAULT 'b')")
                        .rows("INSERT INTO {t} VALUES (1, 'b')")
                        .surviving("SELECT id, e FROM {t}", "SELECT id, e FROM {t}"),
                DiffCase.of("make a column invisible",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT INVISIBLE)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("INVISIBLE"),
                DiffCase.of("add a JSON column with its implicit CHECK",
                        "CREATE TABLE {t} (id INT PRIMARY KEY) DEFAULT CHARSET=latin1",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, doc JSON) DEFAULT CHARSET=latin1")
                        .rows("INSERT INTO {t} VALUES (1)")
                        .contains("CHECK (json_valid(`doc`))"),
                // ---- character sets ----
                DiffCase.of("change a column's character set",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(10)) DEFAULT CHARSET=latin1",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci) DEFAULT CHARSET=latin1")
                        .rows("INSERT INTO {t} VALUES (1, 'abc')")
                        .contains("MODIFY COLUMN `s` varchar(10) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
                        .surviving("SELECT id, s FROM {t}", "SELECT id, s FROM {t}"),
                DiffCase.of("change a column's collation only",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(10)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(10) COLLATE utf8mb4_bin) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci")
                        .rows("INSERT INTO {t} VALUES (1, 'abc')")
                        .contains("COLLATE utf8mb4_bin"),
                DiffCase.of("table charset change converts columns that follow the table",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(10), t TEXT) DEFAULT CHARSET=latin1",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(10), t TEXT) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci")
                        .rows("INSERT INTO {t} VALUES (1, 'abc', 'def')")
                        .contains("MODIFY COLUMN `s` varchar(10) DEFAULT NULL", "DEFAULT CHARSET=utf8mb4", "COLLATE=utf8mb4_general_ci")
                        .surviving("SELECT id, s, t FROM {t}", "SELECT id, s, t FROM {t}"),
                DiffCase.of("table charset change keeps a column that keeps its charset",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(10)) DEFAULT CHARSET=latin1",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(10) CHARACTER SET latin1) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci")
                        .rows("INSERT INTO {t} VALUES (1, 'abc')")
                        .lacks("MODIFY"),
                DiffCase.of("table collation change",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s CHAR(3)) DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s CHAR(3)) DEFAULT CHARSET=latin1 COLLATE=latin1_bin")
                        .rows("INSERT INTO {t} VALUES (1, 'abc')")
                        .contains("MODIFY COLUMN `s` char(3)", "COLLATE=latin1_bin"),
                // ---- order ----
                DiffCase.of("move a column first",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT)",
                        "CREATE TABLE {t} (b INT, id INT PRIMARY KEY, a INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("MODIFY COLUMN `b` int(11) DEFAULT NULL FIRST")
                        .surviving("SELECT id, a, b FROM {t}", "SELECT id, a, b FROM {t}"),
                DiffCase.of("swap two columns",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b VARCHAR(5))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, b VARCHAR(5), a INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 'x')")
                        .surviving("SELECT id, a, b FROM {t}", "SELECT id, a, b FROM {t}"),
                DiffCase.of("reverse five columns",
                        "CREATE TABLE {t} (a INT, b INT, c INT, d INT, e INT)",
                        "CREATE TABLE {t} (e INT, d INT, c INT, b INT, a INT)")
                        .rows("INSERT INTO {t} VALUES (1, 2, 3, 4, 5)")
                        .surviving("SELECT a, b, c, d, e FROM {t}", "SELECT a, b, c, d, e FROM {t}"),
                DiffCase.of("reorder, add, drop and modify together",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, c INT, d INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, d BIGINT, x INT, b INT, a INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 20, 30, 40)")
                        .surviving("SELECT id, a, b, d FROM {t}", "SELECT id, a, b, d FROM {t}"),
                // ---- renames ----
                DiffCase.of("rename a column: the rows survive",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b VARCHAR(10))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, renamed INT, b VARCHAR(10))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 'x'), (2, 20, 'y')")
                        .contains("CHANGE COLUMN `a` `renamed` int(11) DEFAULT NULL").lacks("DROP COLUMN", "ADD COLUMN")
                        .surviving("SELECT id, a FROM {t} ORDER BY id", "SELECT id, renamed FROM {t} ORDER BY id"),
                DiffCase.of("rename two adjacent columns",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b VARCHAR(10), c DATE)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, x INT, y VARCHAR(10), c DATE)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 'x', '2024-01-01')")
                        .contains("CHANGE COLUMN `a` `x`", "CHANGE COLUMN `b` `y`").lacks("DROP COLUMN")
                        .surviving("SELECT id, a, b, c FROM {t}", "SELECT id, x, y, c FROM {t}"),
                DiffCase.of("rename the last column while another is added first",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, old_name TEXT)",
                        "CREATE TABLE {t} (n INT, id INT PRIMARY KEY, a INT, new_name TEXT)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 'kept')")
                        .contains("CHANGE COLUMN `old_name` `new_name`").lacks("DROP COLUMN")
                        .surviving("SELECT id, old_name FROM {t}", "SELECT id, new_name FROM {t}"),
                DiffCase.of("rename a column that indexes, CHECKs and generated columns use",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, g INT AS (a * 2) VIRTUAL, KEY ka (a),"
                                + " CONSTRAINT chk_a CHECK (a > 0))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, amount INT, g INT AS (amount * 2) VIRTUAL, KEY ka (amount),"
                                + " CONSTRAINT chk_a CHECK (amount > 0))")
                        .rows("INSERT INTO {t} (id, a) VALUES (1, 10), (2, 20)")
                        .contains("CHANGE COLUMN `a` `amount`").lacks("DROP", "ADD")
                        .surviving("SELECT id, a, g FROM {t}", "SELECT id, amount, g FROM {t}"),
                DiffCase.of("rename a foreign key column",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_ref INT, CONSTRAINT fk_rn FOREIGN KEY (parent_ref) REFERENCES parent (id))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_rn" + SUFFIX
                                + " FOREIGN KEY (parent_id) REFERENCES parent (id))")
                        .rows("INSERT INTO {t} VALUES (1, 2)")
                        .contains("CHANGE COLUMN `parent_ref` `parent_id`").lacks("DROP", "ADD")
                        .surviving("SELECT id, parent_ref FROM {t}", "SELECT id, parent_id FROM {t}"),
                DiffCase.of("a renamed and retyped column is dropped and added",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, b BIGINT)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("DROP COLUMN `a`", "ADD COLUMN `b`"),
                DiffCase.of("a renamed and moved column is dropped and added",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, b INT, x INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("DROP COLUMN `a`", "ADD COLUMN `x`").lacks("CHANGE")
                        .surviving("SELECT id, b FROM {t}", "SELECT id, b FROM {t}"),
                DiffCase.of("with ASSUME_DIFFERENT a rename is a drop and an add",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, b INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .hints(new DiffHints(DiffHints.AutoIncrementStrategy.APPLY_HIGHER, DiffHints.ColumnRenameStrategy.ASSUME_DIFFERENT))
                        .contains("DROP COLUMN `a`", "ADD COLUMN `b`").lacks("CHANGE"),
                DiffCase.of("change the case of a column name",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, amount INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, Amount INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("CHANGE COLUMN `amount` `Amount`")
                        .surviving("SELECT id, amount FROM {t}", "SELECT id, Amount FROM {t}"),
                // ---- generated columns ----
                DiffCase.of("add a virtual and a stored generated column",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, v INT AS (a + 1) VIRTUAL, s INT AS (a * 2) STORED)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("GENERATED ALWAYS AS (`a` + 1) VIRTUAL", "STORED"),
                DiffCase.of("change a generated column's expression",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, v INT AS (a + 1) VIRTUAL)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, v INT AS (a + 100) VIRTUAL)")
                        .rows("INSERT INTO {t} (id, a) VALUES (1, 10)")
                        .contains("MODIFY COLUMN `v` int(11) GENERATED ALWAYS AS (`a` + 100) VIRTUAL"),
                DiffCase.of("stored generated to virtual is re-created in place",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, g INT AS (a * 3) STORED, z INT, KEY kg (g))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, g INT AS (a * 3) VIRTUAL, z INT, KEY kg (g))")
                        .rows("INSERT INTO {t} (id, a, z) VALUES (1, 10, 5)")
                        .contains("DROP COLUMN `g`", "ADD COLUMN `g` int(11) GENERATED ALWAYS AS (`a` * 3) VIRTUAL AFTER `a`", "ADD KEY `kg`"),
                DiffCase.of("a virtual column made regular is dropped and added",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, v INT AS (a + 1) VIRTUAL, z INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, v INT, z INT)")
                        .rows("INSERT INTO {t} (id, a, z) VALUES (1, 10, 5)")
                        .contains("DROP COLUMN `v`", "ADD COLUMN `v` int(11) DEFAULT NULL AFTER `a`"),
                DiffCase.of("a regular column becomes stored generated",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT AS (a * 2) STORED)")
                        .rows("INSERT INTO {t} VALUES (1, 10, 0)")
                        .contains("MODIFY COLUMN `b` int(11) GENERATED ALWAYS AS (`a` * 2) STORED"),
                // ---- indexes ----
                DiffCase.of("add an index",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY ka (a))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY ka (a), KEY kab (a, b))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("ADD KEY `kab` (`a`,`b`)").lacks("DROP"),
                DiffCase.of("drop an index",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY ka (a), KEY kb (b))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY ka (a))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("DROP INDEX `kb`").lacks("ADD"),
                DiffCase.of("change an index's columns",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY k (a))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY k (b, a))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("DROP INDEX `k`", "ADD KEY `k` (`b`,`a`)"),
                DiffCase.of("add unique keys, one over a prefix",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, name VARCHAR(100))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, name VARCHAR(100),"
                                + " UNIQUE KEY uk_email (email), UNIQUE KEY uk_name (name(20)))")
                        .rows("INSERT INTO {t} VALUES (1, 'a@x', 'a'), (2, 'b@x', 'b')")
                        .contains("ADD UNIQUE KEY `uk_email` (`email`)"),
                DiffCase.of("add two FULLTEXT indexes at once",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, title VARCHAR(200), body TEXT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, title VARCHAR(200), body TEXT, FULLTEXT KEY ft_title (title),"
                                + " FULLTEXT KEY ft_all (title, body))")
                        .rows("INSERT INTO {t} VALUES (1, 'hello', 'world')")
                        .contains("ADD FULLTEXT KEY `ft_title` (`title`)"),
                DiffCase.of("add a SPATIAL index",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, location POINT NOT NULL)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, location POINT NOT NULL, SPATIAL KEY sp_location (location))")
                        .rows("INSERT INTO {t} VALUES (1, POINT(1, 2))")
                        .contains("ADD SPATIAL KEY `sp_location` (`location`)"),
                DiffCase.of("index with a prefix, a descending part and options",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, s VARCHAR(100), KEY k (a))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, s VARCHAR(100), KEY k (s(10), a DESC) USING BTREE COMMENT 'mixed')")
                        .rows("INSERT INTO {t} VALUES (1, 10, 'text')")
                        .contains("ADD KEY `k` (`s`(10),`a` DESC) USING BTREE COMMENT 'mixed'"),
                DiffCase.of("ignore an index (MariaDB IGNORED)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, KEY k (a))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, KEY k (a) IGNORED)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("ALTER INDEX `k` IGNORED").lacks("DROP"),
                DiffCase.of("stop ignoring an index",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY k (a) IGNORED, KEY kb (b))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY k (a), KEY kb (b))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("ALTER INDEX `k` NOT IGNORED").lacks("DROP"),
                DiffCase.of("index names differing only in letter case are the same index",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY k_a (a), KEY k_b (b))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY K_A (a), KEY k_b (b))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .noChange(),
                DiffCase.of("a new index printed before existing ones re-creates those after it",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, c INT, UNIQUE KEY uc (c), KEY ka (a), KEY kb (b))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, c INT, KEY kn (b, a), UNIQUE KEY uc (c), KEY ka (a), KEY kb (b))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100, 1000)")
                        .contains("ADD KEY `kn`").lacks("DROP INDEX `uc`"),
                DiffCase.of("drop a column and its index",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT, KEY ka (a), KEY kab (a, b))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, b INT, KEY kab (b))")
                        .rows("INSERT INTO {t} VALUES (1, 10, 100)")
                        .contains("DROP COLUMN `a`", "DROP INDEX `ka`"),
                // ---- primary keys ----
                DiffCase.of("extend the primary key in the same statement",
                        "CREATE TABLE {t} (id INT NOT NULL, region INT, PRIMARY KEY (id))",
                        "CREATE TABLE {t} (id INT NOT NULL, region INT NOT NULL, PRIMARY KEY (id, region))")
                        .rows("INSERT INTO {t} VALUES (1, 7), (2, 8)")
                        .contains("DROP PRIMARY KEY", "ADD PRIMARY KEY (`id`,`region`)"),
                DiffCase.of("add a primary key",
                        "CREATE TABLE {t} (id INT NOT NULL, a INT)",
                        "CREATE TABLE {t} (id INT NOT NULL, a INT, PRIMARY KEY (id))")
                        .rows("INSERT INTO {t} VALUES (1, 10), (2, 20)")
                        .contains("ADD PRIMARY KEY (`id`)"),
                DiffCase.of("drop the primary key",
                        "CREATE TABLE {t} (id INT NOT NULL, a INT, PRIMARY KEY (id))",
                        "CREATE TABLE {t} (id INT NOT NULL, a INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("DROP PRIMARY KEY"),
                DiffCase.of("widen an AUTO_INCREMENT primary key",
                        "CREATE TABLE {t} (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, a INT, PRIMARY KEY (id))")
                        .rows("INSERT INTO {t} (a) VALUES (10), (20)")
                        .contains("MODIFY COLUMN `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT")
                        .surviving("SELECT id, a FROM {t}", "SELECT id, a FROM {t}"),
                // ---- CHECK constraints ----
                DiffCase.of("add a CHECK constraint",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, CONSTRAINT chk_positive CHECK (a > 0))")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("ADD CONSTRAINT `chk_positive` CHECK (`a` > 0)"),
                DiffCase.of("drop a CHECK constraint",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, CONSTRAINT chk_positive CHECK (a > 0))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("DROP CONSTRAINT `chk_positive`"),
                DiffCase.of("change a CHECK constraint's expression",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, CONSTRAINT chk_range CHECK (a > 0))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, CONSTRAINT chk_range CHECK (a BETWEEN 1 AND 100))")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("DROP CONSTRAINT `chk_range`", "ADD CONSTRAINT `chk_range` CHECK (`a` between 1 and 100)"),
                DiffCase.of("CHECK names that differ only by the online DDL suffix are the same constraint",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, CONSTRAINT chk_a CHECK (a > 0))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, CONSTRAINT chk_a" + SUFFIX + " CHECK (a > 0))")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .noChange(),
                // ---- foreign keys ----
                DiffCase.of("add a foreign key",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_id INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_add" + SUFFIX
                                + " FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE)")
                        .rows("INSERT INTO {t} VALUES (1, 1), (2, 3)")
                        .contains("FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE"),
                DiffCase.of("drop a foreign key and its index",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_drop FOREIGN KEY (parent_id) REFERENCES parent (id))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_id INT)")
                        .rows("INSERT INTO {t} VALUES (1, 1)")
                        .contains("DROP FOREIGN KEY `fk_drop`", "DROP INDEX `fk_drop`"),
                DiffCase.of("change a foreign key's rules: dropped and added under the desired name",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_code VARCHAR(10), CONSTRAINT fk_change FOREIGN KEY (parent_code)"
                                + " REFERENCES parent (code))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_code VARCHAR(10), CONSTRAINT fk_change" + SUFFIX
                                + " FOREIGN KEY (parent_code) REFERENCES parent (code) ON DELETE SET NULL ON UPDATE CASCADE)")
                        .rows("INSERT INTO {t} VALUES (1, 'two')")
                        .contains("DROP FOREIGN KEY `fk_change`", "ADD CONSTRAINT `fk_change" + SUFFIX + "`")
                        .lacks("INDEX"),
                DiffCase.of("foreign key names that differ only by the suffix are the same constraint",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_same FOREIGN KEY (parent_id) REFERENCES parent (id))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_same" + SUFFIX
                                + " FOREIGN KEY (parent_id) REFERENCES parent (id))")
                        .rows("INSERT INTO {t} VALUES (1, 2)")
                        .noChange(),
                // ---- table options ----
                DiffCase.of("change the engine",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT) ENGINE=InnoDB",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT) ENGINE=MyISAM")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("ENGINE=MyISAM")
                        .surviving("SELECT id, a FROM {t}", "SELECT id, a FROM {t}"),
                DiffCase.of("add a table comment",
                        "CREATE TABLE {t} (id INT PRIMARY KEY)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY) COMMENT='orders, \\'quoted\\''")
                        .rows("INSERT INTO {t} VALUES (1)")
                        .contains("COMMENT="),
                DiffCase.of("remove a table comment",
                        "CREATE TABLE {t} (id INT PRIMARY KEY) COMMENT='going away'",
                        "CREATE TABLE {t} (id INT PRIMARY KEY)")
                        .rows("INSERT INTO {t} VALUES (1)")
                        .contains("COMMENT=''"),
                DiffCase.of("change the row format",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(100)) ROW_FORMAT=DYNAMIC",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, s VARCHAR(100)) ROW_FORMAT=COMPACT")
                        .rows("INSERT INTO {t} VALUES (1, 'x')")
                        .contains("ROW_FORMAT=COMPACT"),
                DiffCase.of("options the desired table does not state go back to their defaults",
                        "CREATE TABLE {t} (id INT PRIMARY KEY) STATS_PERSISTENT=1 STATS_AUTO_RECALC=0 STATS_SAMPLE_PAGES=5"
                                + " MAX_ROWS=100 MIN_ROWS=1 AVG_ROW_LENGTH=10 PACK_KEYS=1 CHECKSUM=1 DELAY_KEY_WRITE=1 ROW_FORMAT=COMPACT",
                        "CREATE TABLE {t} (id INT PRIMARY KEY) STATS_PERSISTENT=0")
                        .rows("INSERT INTO {t} VALUES (1)")
                        .contains("STATS_PERSISTENT=0", "STATS_SAMPLE_PAGES=DEFAULT", "ROW_FORMAT=DEFAULT", "MAX_ROWS=0"),
                DiffCase.of("dropping KEY_BLOCK_SIZE rebuilds indexes that inherited it",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, KEY ka (a)) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, KEY ka (a)) ROW_FORMAT=DYNAMIC")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("KEY_BLOCK_SIZE=0", "ROW_FORMAT=DYNAMIC"),
                DiffCase.of("AUTO_INCREMENT is applied when higher",
                        "CREATE TABLE {t} (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY)",
                        "CREATE TABLE {t} (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=1000")
                        .rows("INSERT INTO {t} VALUES (), (), ()")
                        .contains("AUTO_INCREMENT=1000").withAutoIncrement(),
                DiffCase.of("AUTO_INCREMENT is not moved down",
                        "CREATE TABLE {t} (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=500",
                        "CREATE TABLE {t} (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=20")
                        .rows("INSERT INTO {t} VALUES ()")
                        .noChange(),
                DiffCase.of("add system versioning",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT) WITH SYSTEM VERSIONING")
                        .rows("INSERT INTO {t} VALUES (1, 10)")
                        .contains("ADD SYSTEM VERSIONING"),
                // ---- partitioning ----
                DiffCase.of("partition a table",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT) PARTITION BY RANGE (id)"
                                + " (PARTITION p0 VALUES LESS THAN (100), PARTITION p1 VALUES LESS THAN MAXVALUE)")
                        .rows("INSERT INTO {t} VALUES (1, 10), (200, 20)")
                        .contains("PARTITION BY RANGE")
                        .surviving("SELECT id, a FROM {t} ORDER BY id", "SELECT id, a FROM {t} ORDER BY id"),
                DiffCase.of("change partitioning together with a column",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT) PARTITION BY HASH (id) PARTITIONS 2",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b INT) PARTITION BY HASH (id) PARTITIONS 4")
                        .rows("INSERT INTO {t} VALUES (1, 10), (2, 20), (3, 30)")
                        .contains("ADD COLUMN `b`", "PARTITIONS 4"),
                DiffCase.of("remove partitioning",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT) PARTITION BY HASH (id) PARTITIONS 2",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT)")
                        .rows("INSERT INTO {t} VALUES (1, 10), (2, 20)")
                        .contains("REMOVE PARTITIONING"),
                // ---- everything at once, and nothing at all ----
                DiffCase.of("many changes in one statement",
                        "CREATE TABLE {t} (id INT NOT NULL AUTO_INCREMENT, name VARCHAR(50), price DECIMAL(8,2), legacy INT,"
                                + " parent_id INT, PRIMARY KEY (id), KEY k_name (name), KEY k_legacy (legacy),"
                                + " CONSTRAINT chk_price CHECK (price >= 0), CONSTRAINT fk_many FOREIGN KEY (parent_id) REFERENCES parent (id))"
                                + " ENGINE=InnoDB DEFAULT CHARSET=latin1 COMMENT='v1'",
                        "CREATE TABLE {t} (id BIGINT NOT NULL AUTO_INCREMENT, title VARCHAR(50), price DECIMAL(10,2) NOT NULL DEFAULT 0,"
                                + " parent_id INT, created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (id),"
                                + " UNIQUE KEY uk_title (title), KEY k_name (title), KEY k_created (created),"
                                + " CONSTRAINT chk_price" + SUFFIX + " CHECK (price >= 0 AND price < 1000000),"
                                + " CONSTRAINT fk_many" + SUFFIX + " FOREIGN KEY (parent_id) REFERENCES parent (id))"
                                + " ENGINE=InnoDB DEFAULT CHARSET=latin1 COMMENT='v2'")
                        .rows("INSERT INTO {t} (name, price, legacy, parent_id) VALUES ('a', 1, 9.5, 1), ('b', 2, 3.25, 2)")
                        .contains("CHANGE COLUMN `name` `title`", "DROP COLUMN `legacy`", "ADD COLUMN `created`", "COMMENT='v2'")
                        .surviving("SELECT id, name, price FROM {t} ORDER BY id", "SELECT id, title, price FROM {t} ORDER BY id"),
                DiffCase.of("identical tables need no change",
                        "CREATE TABLE {t} (id INT NOT NULL AUTO_INCREMENT, a VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL DEFAULT '',"
                                + " g INT AS (id * 2) VIRTUAL, ts TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP, parent_id INT, PRIMARY KEY (id),"
                                + " UNIQUE KEY uk (a), FULLTEXT KEY ft (a), CONSTRAINT chk CHECK (a <> ''),"
                                + " CONSTRAINT fk_identical FOREIGN KEY (parent_id) REFERENCES parent (id))"
                                + " ENGINE=InnoDB DEFAULT CHARSET=latin1 ROW_FORMAT=DYNAMIC COMMENT='same'",
                        "CREATE TABLE {t} (id INT NOT NULL AUTO_INCREMENT, a VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL DEFAULT '',"
                                + " g INT AS (id * 2) VIRTUAL, ts TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP, parent_id INT, PRIMARY KEY (id),"
                                + " UNIQUE KEY uk (a), FULLTEXT KEY ft (a), CONSTRAINT chk CHECK (a <> ''),"
                                + " CONSTRAINT fk_identical" + SUFFIX + " FOREIGN KEY (parent_id) REFERENCES parent (id))"
                                + " ENGINE=InnoDB DEFAULT CHARSET=latin1 ROW_FORMAT=DYNAMIC COMMENT='same'")
                        .rows("INSERT INTO {t} (a, parent_id) VALUES ('x', 1), ('y', 2)")
                        .noChange(),
                DiffCase.of("identical partitioned tables need no change",
                        "CREATE TABLE {t} (id INT NOT NULL, created DATE NOT NULL, PRIMARY KEY (id, created))"
                                + " PARTITION BY RANGE COLUMNS (created) (PARTITION p2023 VALUES LESS THAN ('2024-01-01'),"
                                + " PARTITION pmax VALUES LESS THAN (MAXVALUE))",
                        "CREATE TABLE {t} (id INT NOT NULL, created DATE NOT NULL, PRIMARY KEY (id, created))"
                                + " PARTITION BY RANGE COLUMNS (created) (PARTITION p2023 VALUES LESS THAN ('2024-01-01'),"
                                + " PARTITION pmax VALUES LESS THAN (MAXVALUE))")
                        .rows("INSERT INTO {t} VALUES (1, '2023-06-01'), (2, '2024-06-01')")
                        .noChange(),
                DiffCase.of("a different spelling of the same table needs no change",
                        "CREATE TABLE {t} (id int(11) NOT NULL, a integer NULL, b bool DEFAULT FALSE, PRIMARY KEY (id))",
                        "CREATE TABLE {t} (id INT PRIMARY KEY, a INT, b TINYINT(1) DEFAULT 0)")
                        .rows("INSERT INTO {t} VALUES (1, 1, TRUE)")
                        .noChange());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableCases")
    void theAlterMakesTheLiveTableTheDesiredOne(DiffCase diffCase) throws SQLException {
        int number = tableNumber.incrementAndGet();
        String live = "live_" + number;
        String desired = "desired_" + number;
        try {
            execute(diffCase.liveCreate().replace("{t}", live));
            for (String insert : diffCase.liveRows()) {
                execute(insert.replace("{t}", live));
            }
            execute(diffCase.desiredCreate().replace("{t}", desired));
            String liveBefore = showCreateTable(live);
            String desiredShowCreate = showCreateTable(desired);
            // as the executor does: the comparison table is gone before the ALTER runs (its
            // constraint names would clash with the ones the ALTER adds)
            execute("DROP TABLE " + desired);

            Optional<String> alter = differ.diffTable(liveBefore, desiredShowCreate, diffCase.hints());

            if (diffCase.expectNoChange()) {
                assertThat(alter).isEmpty();
                return;
            }
            assertThat(alter).isPresent();
            String statement = alter.get();
            assertThat(statement).startsWith("ALTER TABLE `" + live + "` ");
            diffCase.mustContain().forEach(fragment -> assertThat(statement).contains(fragment));
            diffCase.mustNotContain().forEach(fragment -> assertThat(statement).doesNotContain(fragment));
            long rowsBefore = count(live);
            List<List<Object>> survivingBefore = query(diffCase.survivingBefore(), live);

            execute(statement);

            String liveAfter = showCreateTable(live);
            assertThat(normalised(liveAfter, live, diffCase.compareAutoIncrement()))
                    .as("SHOW CREATE TABLE after %s", statement)
                    .isEqualTo(normalised(desiredShowCreate, desired, diffCase.compareAutoIncrement()));
            assertThat(count(live)).isEqualTo(rowsBefore);
            assertThat(query(diffCase.survivingAfter(), live)).isEqualTo(survivingBefore);
            assertThat(differ.diffTable(liveAfter, desiredShowCreate, diffCase.hints()))
                    .as("the differ sees nothing left to do")
                    .isEmpty();
        } finally {
            execute("DROP TABLE IF EXISTS " + desired + ", " + live);
        }
    }

    @Test
    void aLowerAutoIncrementIsAppliedWhenAskedToAlways() throws SQLException {
        execute("CREATE TABLE ai_live (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=500");
        execute("CREATE TABLE ai_desired (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=20");
        DiffHints always = new DiffHints(DiffHints.AutoIncrementStrategy.APPLY_ALWAYS, DiffHints.ColumnRenameStrategy.HEURISTIC);
        DiffHints ignore = new DiffHints(DiffHints.AutoIncrementStrategy.IGNORE, DiffHints.ColumnRenameStrategy.HEURISTIC);
        String live = showCreateTable("ai_live");
        String desired = showCreateTable("ai_desired");

        assertThat(differ.diffTable(live, desired, ignore)).isEmpty();
        Optional<String> alter = differ.diffTable(live, desired, always);
        assertThat(alter).contains("ALTER TABLE `ai_live` AUTO_INCREMENT=20");
        execute(alter.orElseThrow());
        assertThat(showCreateTable("ai_live")).contains("AUTO_INCREMENT=20");
    }

    @Test
    void aForeignKeyChangedUnderTheSameNameIsRefusedWithAClearError() throws SQLException {
        // in two schemas, the only way two tables can hold foreign keys of the same name
        TestDatabase other = db.createSiblingDatabase("desired");
        execute("CREATE TABLE fk_same_name (id INT PRIMARY KEY, parent_id INT,"
                + " CONSTRAINT fk_pinned FOREIGN KEY (parent_id) REFERENCES parent (id))");
        String desired;
        try (Connection otherConnection = other.openConnection(); Statement statement = otherConnection.createStatement()) {
            statement.execute("CREATE TABLE parent (id INT PRIMARY KEY)");
            statement.execute("CREATE TABLE fk_same_name (id INT PRIMARY KEY, parent_id INT,"
                    + " CONSTRAINT fk_pinned FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE)");
            desired = showCreateTable(otherConnection, "fk_same_name");
        }
        String live = showCreateTable("fk_same_name");

        assertThatThrownBy(() -> differ.diffTable(live, desired, DiffHints.declarative()))
                .isInstanceOf(SchemaDiffException.class)
                .hasMessageContaining("foreign key `fk_pinned` of table `fk_same_name` changes")
                .hasMessageContaining("give the new definition another name");
    }

    @Test
    void aTableOptionTheDifferCannotRemoveIsRefusedWithAClearError() throws SQLException {
        // an Aria table always prints PAGE_CHECKSUM, and converting it keeps the option
        execute("CREATE TABLE aria_live (id INT PRIMARY KEY) ENGINE=Aria");
        execute("CREATE TABLE aria_desired (id INT PRIMARY KEY) ENGINE=InnoDB");
        String live = showCreateTable("aria_live");
        String desired = showCreateTable("aria_desired");

        assertThatThrownBy(() -> differ.diffTable(live, desired, DiffHints.declarative()))
                .isInstanceOf(SchemaDiffException.class)
                .hasMessageContaining("table `aria_live` has the option PAGE_CHECKSUM=1")
                .hasMessageContaining("state the option with the value you want in the desired CREATE TABLE");
    }

    @Test
    void anIndexReCreatedForOrderCannotChangeItsIgnoredState() throws SQLException {
        execute("CREATE TABLE ignored_live (id INT PRIMARY KEY, a INT, b INT, KEY k (a) IGNORED)");
        execute("CREATE TABLE ignored_desired (id INT PRIMARY KEY, a INT, b INT, KEY k_first (b), KEY k (a))");
        String live = showCreateTable("ignored_live");
        String desired = showCreateTable("ignored_desired");

        assertThatThrownBy(() -> differ.diffTable(live, desired, DiffHints.declarative()))
                .isInstanceOf(SchemaDiffException.class)
                .hasMessageContaining("index `k` of table `ignored_live` must be re-created")
                .hasMessageContaining("ALTER TABLE `ignored_live` ALTER INDEX `k` NOT IGNORED first");
    }

    @Test
    void textThatIsNotShowCreateOutputIsRefused() {
        assertThatThrownBy(() -> differ.diffTable("CREATE TABLE `t` (`id` int(11)", "CREATE TABLE `t` (`id` int(11))",
                DiffHints.declarative()))
                .isInstanceOf(SchemaDiffException.class)
                .hasMessageContaining("cannot read the SHOW CREATE text of the live table: unbalanced parenthesis");
        assertThatThrownBy(() -> differ.diffTable("CREATE TABLE `t` (`id` int(11))", "DROP TABLE `t`",
                DiffHints.declarative()))
                .isInstanceOf(SchemaDiffException.class)
                .hasMessageContaining("desired table: expected CREATE, found 'DROP TABLE `t`'");
    }

    @Test
    void droppingSystemVersioningIsRefused() throws SQLException {
        execute("CREATE TABLE versioned_live (id INT PRIMARY KEY) WITH SYSTEM VERSIONING");
        execute("CREATE TABLE versioned_desired (id INT PRIMARY KEY)");
        String live = showCreateTable("versioned_live");
        String desired = showCreateTable("versioned_desired");

        assertThatThrownBy(() -> differ.diffTable(live, desired, DiffHints.declarative()))
                .isInstanceOf(SchemaDiffException.class)
                .hasMessageContaining("`versioned_live` is system-versioned")
                .hasMessageContaining("DROP SYSTEM VERSIONING explicitly");
    }

    @Test
    void aViewIsNotATable() throws SQLException {
        execute("CREATE TABLE not_a_view (id INT PRIMARY KEY)");
        execute("CREATE VIEW not_a_table AS SELECT id FROM not_a_view");
        String table = showCreateTable("not_a_view");
        String view = showCreateTable("not_a_table");

        assertThatThrownBy(() -> differ.diffTable(table, view, DiffHints.declarative()))
                .isInstanceOf(SchemaDiffException.class)
                .hasMessageContaining("desired table")
                .hasMessageContaining("expected CREATE TABLE");
        assertThatThrownBy(() -> differ.diffView(view, table, DiffHints.declarative()))
                .isInstanceOf(SchemaDiffException.class)
                .hasMessageContaining("desired view")
                .hasMessageContaining("expected CREATE VIEW");
    }

    /** {@code liveCreate} and {@code desiredCreate} follow CREATE; {@code {v}} stands for the view's name. */
    record ViewCase(String name, String liveCreate, String desiredCreate) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ViewCase> viewCases() {
        return Stream.of(
                new ViewCase("a changed select list", "VIEW {v} AS SELECT id, a FROM base", "VIEW {v} AS SELECT id, a, b FROM base"),
                new ViewCase("a changed filter", "VIEW {v} AS SELECT id FROM base WHERE a > 1",
                        "VIEW {v} AS SELECT id FROM base WHERE a > 15"),
                new ViewCase("a changed algorithm", "VIEW {v} AS SELECT id FROM base", "ALGORITHM=MERGE VIEW {v} AS SELECT id FROM base"),
                new ViewCase("a changed SQL SECURITY", "VIEW {v} AS SELECT id FROM base",
                        "SQL SECURITY INVOKER VIEW {v} AS SELECT id FROM base"),
                new ViewCase("an added column list and check option", "VIEW {v} AS SELECT id, a FROM base WHERE a > 0",
                        "VIEW {v} (ident, amount) AS SELECT id, a FROM base WHERE a > 0 WITH CASCADED CHECK OPTION"));
    }

    @ParameterizedTest(name = "view: {0}")
    @MethodSource("viewCases")
    void theCreateOrReplaceMakesTheLiveViewTheDesiredOne(ViewCase viewCase) throws SQLException {
        int number = tableNumber.incrementAndGet();
        String live = "live_view_" + number;
        String desired = "desired_view_" + number;
        try {
            execute("CREATE " + viewCase.liveCreate().replace("{v}", live));
            execute("CREATE " + viewCase.desiredCreate().replace("{v}", desired));
            String liveShowCreate = showCreateView(live);
            String desiredShowCreate = showCreateView(desired);

            Optional<String> replace = differ.diffView(liveShowCreate, desiredShowCreate, DiffHints.declarative());

            assertThat(replace).isPresent();
            assertThat(replace.get()).startsWith("CREATE OR REPLACE ").contains("VIEW `" + live + "`");
            execute(replace.get());
            String liveAfter = showCreateView(live);
            assertThat(liveAfter.replace("`" + live + "`", "`v`")).isEqualTo(desiredShowCreate.replace("`" + desired + "`", "`v`"));
            assertThat(differ.diffView(liveAfter, desiredShowCreate, DiffHints.declarative())).isEmpty();
        } finally {
            execute("DROP VIEW IF EXISTS " + live + ", " + desired);
        }
    }

    @Test
    void identicalViewsNeedNoChange() throws SQLException {
        execute("CREATE VIEW same_view_live AS SELECT b.id, b.a * 2 AS doubled FROM base b WHERE b.b <> 'z'");
        execute("CREATE VIEW same_view_desired AS SELECT b.id, b.a * 2 AS doubled FROM base b WHERE b.b <> 'z'");

        assertThat(differ.diffView(showCreateView("same_view_live"), showCreateView("same_view_desired"),
                DiffHints.declarative())).isEmpty();
    }

    // ---- helpers ----

    /**
     * The text to compare: the table's own name replaced, constraint and index names without the
     * online DDL suffix, AUTO_INCREMENT removed unless the case is about it.
     */
    private static String normalised(String showCreate, String table, boolean keepAutoIncrement) {
        String text = showCreate.replaceFirst("^CREATE TABLE `" + Pattern.quote(table) + "`", "CREATE TABLE `t`");
        Matcher suffixed = SUFFIXED_NAME.matcher(text);
        StringBuilder stripped = new StringBuilder();
        while (suffixed.find()) {
            suffixed.appendReplacement(stripped,
                    Matcher.quoteReplacement("`" + ConstraintNames.extractOriginalName(suffixed.group(1)) + "`"));
        }
        suffixed.appendTail(stripped);
        return keepAutoIncrement ? stripped.toString() : AUTO_INCREMENT_OPTION.matcher(stripped).replaceAll("");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String showCreateTable(String table) throws SQLException {
        return showCreateTable(connection, table);
    }

    private static String showCreateTable(Connection on, String table) throws SQLException {
        try (Statement statement = on.createStatement();
             ResultSet result = statement.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
            assertThat(result.next()).isTrue();
            return result.getString(2);
        }
    }

    private String showCreateView(String view) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW CREATE VIEW `" + view + "`")) {
            assertThat(result.next()).isTrue();
            return result.getString(2);
        }
    }

    private long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
            result.next();
            return result.getLong(1);
        }
    }

    private List<List<Object>> query(Optional<String> sql, String table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        if (sql.isEmpty()) {
            return rows;
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql.get().replace("{t}", "`" + table + "`"))) {
            ResultSetMetaData metaData = result.getMetaData();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= metaData.getColumnCount(); column++) {
                    row.add(result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
