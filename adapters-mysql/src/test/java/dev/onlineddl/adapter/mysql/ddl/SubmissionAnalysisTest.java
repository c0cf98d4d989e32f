package dev.onlineddl.adapter.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.DdlStatement;
import dev.onlineddl.domain.ddl.DdlStatementKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing submitted SQL into statement descriptions, and Vitess's submit-time checks. */
class SubmissionAnalysisTest {

    private static final String UUID = "a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a";

    private final JsqlDdlAnalyzer analyzer = new JsqlDdlAnalyzer();

    private List<DdlStatement> submit(String sql) {
        return analyzer.analyzeSubmission(sql, false, Optional.empty());
    }

    private DdlStatement submitOne(String sql) {
        List<DdlStatement> statements = submit(sql);
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE TABLE t (id int PRIMARY KEY)|CREATE_TABLE|t|false|false|false",
            "create table if not exists `my table` (id int)|CREATE_TABLE|my table|false|true|false",
            "CREATE TABLE settings LIKE templates|CREATE_TABLE|settings|false|false|false",
            "ALTER TABLE t ADD COLUMN c int|ALTER_TABLE|t|false|false|false",
            "ALTER TABLE IF EXISTS `t``x` ENGINE=InnoDB|ALTER_TABLE|t`x|true|false|false",
            "DROP TABLE t|DROP_TABLE|t|false|false|false",
            "DROP TABLE IF EXISTS t|DROP_TABLE|t|true|false|false",
            "CREATE VIEW v AS SELECT 1|CREATE_VIEW|v|false|false|false",
            "CREATE OR REPLACE VIEW v AS SELECT 1|CREATE_VIEW|v|false|false|true",
            "CREATE VIEW IF NOT EXISTS v AS SELECT 1|CREATE_VIEW|v|false|true|false",
            "ALTER VIEW v AS SELECT 2|ALTER_VIEW|v|false|false|false",
            "DROP VIEW IF EXISTS v|DROP_VIEW|v|true|false|false",
    })
    void describesEachSupportedStatement(String sql, DdlStatementKind kind, String table, boolean ifExists,
            boolean ifNotExists, boolean orReplace) {
        DdlStatement statement = submitOne(sql);

        assertThat(statement.kind()).isEqualTo(kind);
        assertThat(statement.table()).isEqualTo(table);
        assertThat(statement.ifExists()).isEqualTo(ifExists);
        assertThat(statement.ifNotExists()).isEqualTo(ifNotExists);
        assertThat(statement.orReplace()).isEqualTo(orReplace);
        assertThat(statement.revertOf()).isEmpty();
    }

    @Test
    void namesJsqlParserTakesForKeywordsStillWork() {
        // "settings" is a keyword to JSQLParser 5.4, not to MySQL; the name is read by us
        assertThat(submitOne("CREATE TABLE settings (k varchar(64) PRIMARY KEY)").sql())
                .isEqualTo("CREATE TABLE settings (k varchar (64) PRIMARY KEY)");
        assertThat(submitOne("ALTER TABLE settings ADD COLUMN v text").sql()).isEqualTo("ALTER TABLE settings ADD COLUMN v text");
        assertThat(submitOne("CREATE VIEW settings AS SELECT 1").table()).isEqualTo("settings");
        assertThat(submitOne("DROP TABLE settings").sql()).isEqualTo("DROP TABLE `settings`");
    }

    @Test
    void dropOfSeveralTablesIsOneMigrationPerTableEachDroppingOnlyItsTable() {
        assertThat(submit("DROP TABLE IF EXISTS a, `b c`, d RESTRICT"))
                .extracting(DdlStatement::table, DdlStatement::sql)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", "DROP TABLE IF EXISTS `a`"),
                        org.assertj.core.groups.Tuple.tuple("b c", "DROP TABLE IF EXISTS `b c`"),
                        org.assertj.core.groups.Tuple.tuple("d", "DROP TABLE IF EXISTS `d`"));
        assertThat(submit("DROP VIEW v1, v2")).extracting(DdlStatement::kind)
                .containsExactly(DdlStatementKind.DROP_VIEW, DdlStatementKind.DROP_VIEW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "REVERT VITESS_MIGRATION '" + UUID + "'",
            "revert   vitess_migration\n'" + UUID + "'",
            "revert " + UUID,
            "/* why */ REVERT VITESS_MIGRATION '" + UUID + "';",
    })
    void revertFormsNameTheRevertedMigration(String sql) {
        DdlStatement revert = submitOne(sql);

        assertThat(revert.kind()).isEqualTo(DdlStatementKind.REVERT);
        assertThat(revert.revertOf()).contains(MigrationUuid.parse(UUID));
        assertThat(revert.sql()).isEqualTo("REVERT VITESS_MIGRATION '" + UUID + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REVERT VITESS_MIGRATION 'not-a-uuid'", "revert abc", "REVERT VITESS_MIGRATION ''"})
    void revertOfAnInvalidUuidIsRejected(String sql) {
        assertThatThrownBy(() -> submit(sql)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid migration UUID").hasMessageContaining(sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "REVERT VITESS_MIGRATION",
            "SELECT 1",
            "TRUNCATE TABLE t",
            "RENAME TABLE a TO b",
            "CREATE INDEX i ON t (a)",
            "CREATE DATABASE d",
            "CREATE TEMPORARY TABLE t (a int)",
            "CREATE OR REPLACE TABLE t (a int)",
            "CREATE TABLE t2 AS SELECT * FROM t",
            "CREATE TABLE t2 SELECT 1 AS a",
            "ALTER DATABASE d CHARACTER SET utf8mb4",
            "ALTER ONLINE TABLE t ADD COLUMN c int",
            "ALTER IGNORE TABLE t ADD UNIQUE KEY (a)",
            "DROP TEMPORARY TABLE t",
            "DROP INDEX i ON t",
            "DROP DATABASE d",
            "ALTER TABLE other_db.t ADD COLUMN c int",
            "DROP TABLE a, other_db.b",
            "INSERT INTO t VALUES (1)",
    })
    void anythingElseIsUnsupported(String sql) {
        assertThatThrownBy(() -> submit(sql)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("unsupported statement for Online DDL: " + sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (a int, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id))",
            "CREATE TABLE t (a int, FOREIGN KEY (a) REFERENCES p (id))",
            "CREATE TABLE t (a int REFERENCES p (id))",
            "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)",
            "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p (id)",
            "ALTER TABLE t ADD CONSTRAINT FOREIGN KEY (a) REFERENCES p (id)",
            "ALTER TABLE t ADD COLUMN b int REFERENCES p (id)",
            // JSQLParser alone would hide this FOREIGN KEY inside an opaque table-option string
            "ALTER TABLE t ROW_FORMAT=DYNAMIC, ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)",
    })
    void foreignKeysNeedTheUnsafeFlag(String sql) {
        assertThatThrownBy(() -> submit(sql)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("foreign key constraints are not supported in online DDL, see"
                        + " https://vitess.io/blog/2021-06-15-online-ddl-why-no-fk/");

        assertThat(analyzer.analyzeSubmission(sql, true, Optional.empty())).hasSize(1);
    }

    @Test
    void droppingAForeignKeyIsNotDefiningOne() {
        assertThat(submitOne("ALTER TABLE t DROP FOREIGN KEY fk").sql()).isEqualTo("ALTER TABLE t DROP FOREIGN KEY `fk`");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE t RENAME TO u",
            "ALTER TABLE t RENAME AS u",
            "ALTER TABLE t RENAME u",
            "ALTER TABLE t ADD COLUMN c int, RENAME TO u",
    })
    void alterTableRenameIsRejected(String sql) {
        assertThatThrownBy(() -> submit(sql)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ALTER TABLE ... RENAME is not supported in online DDL");
    }

    @Test
    void renamingColumnsAndIndexesIsFine() {
        assertThat(submitOne("ALTER TABLE t RENAME COLUMN a TO b, RENAME INDEX i TO j").kind())
                .isEqualTo(DdlStatementKind.ALTER_TABLE);
    }

    @Test
    void aProvidedUuidMustYieldOneMigration() {
        Optional<MigrationUuid> provided = Optional.of(MigrationUuid.parse(UUID));

        assertThatThrownBy(() -> analyzer.analyzeSubmission("DROP TABLE a, b", false, provided))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("UUID " + UUID + " provided but multiple DDLs generated");
        assertThatThrownBy(() -> analyzer.analyzeSubmission("ALTER TABLE a ENGINE=InnoDB; ALTER TABLE b ENGINE=InnoDB",
                false, provided))
                .hasMessageStartingWith("UUID " + UUID + " provided but multiple DDLs generated");
        assertThat(analyzer.analyzeSubmission("DROP TABLE a", false, provided)).hasSize(1);
    }

    @Test
    void scriptsAreSplitSafelyAndCommentsDropped() {
        List<DdlStatement> statements = submit("""
                -- add a column; then a view
                ALTER TABLE t ADD COLUMN c varchar(10) DEFAULT 'a;b' /* ; */;
                CREATE VIEW v AS SELECT ';' AS semicolon;
                """);

        assertThat(statements).extracting(DdlStatement::sql).containsExactly(
                "ALTER TABLE t ADD COLUMN c varchar (10) DEFAULT 'a;b'",
                "CREATE VIEW v AS SELECT ';' AS semicolon");
    }

    @Test
    void executableCommentsAreKeptAsCode() {
        DdlStatement create = submitOne("CREATE TABLE t (id int NOT NULL) /*!50100 PARTITION BY HASH (id) PARTITIONS 4 */");

        assertThat(create.sql()).isEqualTo("CREATE TABLE t (id int NOT NULL) PARTITION BY HASH (id) PARTITIONS 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-- only a comment", ";;"})
    void anEmptySubmissionIsRejected(String sql) {
        assertThatThrownBy(() -> submit(sql)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no DDL statement submitted");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE t (a int",
            "CREATE TABLE t (a int,)",
            "CREATE TABLE (a int)",
            "ALTER TABLE t ADD COLUMN",
            "ALTER TABLE t ADD COLUMN c int,",
            "ALTER TABLE t ADD COLUMN c int,, DROP d",
            "ALTER TABLE t",
            "ALTER TABLE t ALGORITHM",
            "ALTER TABLE t ROW_FORMAT=",
            "ALTER TABLE t DROP FOREIGN KEY",
            "ALTER TABLE t FROBNICATE",
            "DROP TABLE",
            "DROP TABLE a b",
            "CREATE VIEW v AS",
            "CREATE DEFINER = VIEW v AS SELECT 1",
            "CREATE ALGORITHM MERGE VIEW v AS SELECT 1",
            "ALTER VIEW IF NOT EXISTS v AS SELECT 1",
            "CREATE TABLE t (a int) COMMENT 'unterminated",
    })
    void malformedDdlIsAClearErrorNamingTheStatement(String sql) {
        assertThatThrownBy(() -> submit(sql)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(sql.strip());
    }

    @Test
    void validMySqlTheParserCannotReadIsRefusedNotGuessed() {
        assertThatThrownBy(() -> submit("ALTER TABLE t ADD INDEX i (a) ALGORITHM=INPLACE"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("cannot parse DDL statement: ALTER TABLE t ADD INDEX i (a) ALGORITHM=INPLACE")
                .hasMessageContaining("JSQLParser 5.4");
    }

    @Test
    void describeReadsBackOneStoredStatement() {
        DdlStatement stored = submitOne("alter table t add column c int");

        assertThat(analyzer.describe(stored.sql())).isEqualTo(stored);
        assertThatThrownBy(() -> analyzer.describe("DROP TABLE a, b")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one migration");
        assertThatThrownBy(() -> analyzer.describe("DROP TABLE a; DROP TABLE b")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exactly one statement");
    }

    @Test
    void normalisedSqlKeepsOptionsTheParserDoesNotModel() {
        assertThat(submitOne("ALTER TABLE t ENGINE=InnoDB ROW_FORMAT=DYNAMIC, STATS_PERSISTENT 0, ALGORITHM=INPLACE").sql())
                .isEqualTo("ALTER TABLE t ENGINE = InnoDB, ROW_FORMAT = DYNAMIC, STATS_PERSISTENT 0, ALGORITHM = INPLACE");
        assertThat(submitOne("ALTER TABLE t DROP CHECK c1, DROP CONSTRAINT IF EXISTS c2").sql())
                .isEqualTo("ALTER TABLE t DROP CONSTRAINT `c1`, DROP CONSTRAINT IF EXISTS `c2`");
        assertThat(submitOne("CREATE ALGORITHM=MERGE DEFINER='app'@'%' SQL SECURITY INVOKER VIEW v AS SELECT 1").sql())
                .isEqualTo("CREATE ALGORITHM = MERGE DEFINER = 'app'@'%' SQL SECURITY INVOKER VIEW v AS SELECT 1");
    }
}
