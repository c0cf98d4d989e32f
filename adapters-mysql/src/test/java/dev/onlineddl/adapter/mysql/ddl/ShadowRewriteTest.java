package dev.onlineddl.adapter.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.RewrittenAlterTable;
import dev.onlineddl.domain.ddl.RewrittenCreateTable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vitess's createTableLike and validateAndEditAlterTableStatement, as rewrites of SQL text. */
class ShadowRewriteTest {

    private static final MigrationUuid MIGRATION = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final MigrationUuid OTHER_MIGRATION = MigrationUuid.parse("b1749f7c_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final String SHADOW = "_a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a_20240101000000_vrepl";

    private static final String SHOW_CREATE = """
            CREATE TABLE `orders` (
              `id` int(11) NOT NULL,
              `customer_id` int(11) NOT NULL,
              `price` decimal(10,2) NOT NULL CHECK (`price` >= 0),
              `title` varchar(100) DEFAULT NULL,
              PRIMARY KEY (`id`),
              KEY `fk_customer` (`customer_id`),
              CONSTRAINT `fk_customer` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE,
              CONSTRAINT `chk_price_cap` CHECK (`price` < 1000000),
              CONSTRAINT `orders_chk_1` CHECK (`id` > 0),
              CONSTRAINT `CONSTRAINT_1` CHECK (`customer_id` > 0)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci""";

    private final JsqlDdlAnalyzer analyzer = new JsqlDdlAnalyzer();

    private RewrittenCreateTable copy() {
        return analyzer.rewriteCreateTableForCopy(SHOW_CREATE, "orders", SHADOW, MIGRATION, true);
    }

    private RewrittenAlterTable shadowAlter(String alter) {
        return analyzer.rewriteAlterTableForShadow(alter, "orders", SHADOW, MIGRATION, copy().constraintRenames());
    }

    @Test
    void copyRenamesTheTableAndEveryCheckAndForeignKey() {
        RewrittenCreateTable copy = copy();

        assertThat(copy.sql()).startsWith("CREATE TABLE `" + SHADOW + "` (");
        assertThat(copy.constraintRenames()).containsOnlyKeys("fk_customer", "chk_price_cap", "orders_chk_1", "CONSTRAINT_1");
        assertThat(copy.constraintRenames().get("fk_customer")).matches("fk_customer_[0-9a-z]{25}");
        assertThat(copy.constraintRenames().get("chk_price_cap")).matches("chk_price_cap_[0-9a-z]{25}");
        // MySQL's auto-generated <table>_chk_<n> loses the table part (as in Vitess's newConstraintName)
        assertThat(copy.constraintRenames().get("orders_chk_1")).matches("chk_1_[0-9a-z]{25}");
        assertThat(copy.constraintRenames().get("CONSTRAINT_1")).matches("CONSTRAINT_1_[0-9a-z]{25}");
        for (String newName : copy.constraintRenames().values()) {
            assertThat(copy.sql()).contains("CONSTRAINT `" + newName + "`");
        }
        // the index keeps its name, the column CHECK has none
        assertThat(copy.sql()).contains("KEY `fk_customer` (`customer_id`)").contains("CHECK (`price` >= 0)");
    }

    @Test
    void constraintNamesAreDeterministicPerMigration() {
        assertThat(copy()).isEqualTo(copy());
        RewrittenCreateTable other = analyzer.rewriteCreateTableForCopy(SHOW_CREATE, "orders", SHADOW, OTHER_MIGRATION, true);
        assertThat(other.constraintRenames().get("chk_price_cap")).isNotEqualTo(copy().constraintRenames().get("chk_price_cap"));
        // the name does not depend on what the copy is called (shards name shadow tables by their clock)
        RewrittenCreateTable elsewhere = analyzer.rewriteCreateTableForCopy(SHOW_CREATE, "orders", "_elsewhere", MIGRATION, true);
        assertThat(elsewhere.constraintRenames()).isEqualTo(copy().constraintRenames());
    }

    @Test
    void renamingAnAlreadyRenamedConstraintDoesNotStackHashes() {
        String renamedOnce = copy().constraintRenames().get("chk_price_cap");
        String showCreateOfCopy = "CREATE TABLE `orders` (`price` int, CONSTRAINT `" + renamedOnce + "` CHECK (`price` < 1000000))";

        String renamedTwice = analyzer.rewriteCreateTableForCopy(showCreateOfCopy, "orders", SHADOW, OTHER_MIGRATION, true)
                .constraintRenames().get(renamedOnce);
        assertThat(renamedTwice).matches("chk_price_cap_[0-9a-z]{25}").isNotEqualTo(renamedOnce);
    }

    @Test
    void copyOfAMySql8ShowCreateTableKeepsWhatItsExecutableCommentsSay() {
        String mysql8 = """
                CREATE TABLE `t` (
                  `id` int unsigned NOT NULL AUTO_INCREMENT,
                  `a` int DEFAULT NULL /*!80023 INVISIBLE */,
                  PRIMARY KEY (`id`),
                  CONSTRAINT `t_chk_1` CHECK ((`a` > 0)),
                  CONSTRAINT `t_chk_2` CHECK ((`a` < 100)) /*!80016 NOT ENFORCED */
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci
                /*!50100 PARTITION BY RANGE (`id`)
                (PARTITION p0 VALUES LESS THAN (10) ENGINE = InnoDB,
                 PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */""";

        RewrittenCreateTable copy = analyzer.rewriteCreateTableForCopy(mysql8, "t", SHADOW, MIGRATION, false);

        String chk1 = copy.constraintRenames().get("t_chk_1");
        String chk2 = copy.constraintRenames().get("t_chk_2");
        assertThat(chk1).matches("chk_1_[0-9a-z]{25}");
        assertThat(copy.sql()).isEqualTo("CREATE TABLE `" + SHADOW + "` (`id` int UNSIGNED NOT NULL AUTO_INCREMENT,"
                + " `a` int DEFAULT NULL INVISIBLE, PRIMARY KEY (`id`), CONSTRAINT `" + chk1 + "` CHECK ((`a` > 0)),"
                + " CONSTRAINT `" + chk2 + "` CHECK ((`a` < 100)) NOT ENFORCED) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4"
                + " COLLATE = utf8mb4_0900_ai_ci PARTITION BY RANGE (`id`) (PARTITION p0 VALUES LESS THAN (10) ENGINE = InnoDB,"
                + " PARTITION p1 VALUES LESS THAN MAXVALUE ENGINE = InnoDB)");
    }

    @Test
    void copyOfATableWithForeignKeysNeedsTheUnsafeFlag() {
        assertThatThrownBy(() -> analyzer.rewriteCreateTableForCopy(SHOW_CREATE, "orders", SHADOW, MIGRATION, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("foreign key constraints are not supported in online DDL");
    }

    @Test
    void copyNameMustFitMySqlsLimit() {
        assertThatThrownBy(() -> analyzer.rewriteCreateTableForCopy(SHOW_CREATE, "orders", "x".repeat(65), MIGRATION, true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("64");
    }

    @Test
    void copyNeedsACreateTable() {
        assertThatThrownBy(() -> analyzer.rewriteCreateTableForCopy("CREATE VIEW v AS SELECT 1", "v", SHADOW, MIGRATION, true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected SHOW CREATE TABLE of v");
    }

    @Test
    void alterAppliesToTheShadowTableWithCopyAlgorithm() {
        assertThat(shadowAlter("ALTER TABLE orders ADD COLUMN note text").statements())
                .containsExactly("ALTER TABLE `" + SHADOW + "` ADD COLUMN note text, ALGORITHM = COPY");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE orders ADD COLUMN note text, ALGORITHM=INPLACE|ADD COLUMN note text, ALGORITHM = COPY",
            "ALTER TABLE orders ALGORITHM INSTANT, ADD COLUMN note text, LOCK=NONE|ADD COLUMN note text, LOCK = NONE, ALGORITHM = COPY",
            "ALTER TABLE orders ALGORITHM=DEFAULT|ALGORITHM = COPY",
            "ALTER TABLE IF EXISTS orders ENGINE=InnoDB|ENGINE = InnoDB, ALGORITHM = COPY",
    })
    void theUsersAlgorithmIsReplacedByCopy(String alter, String shadowClauses) {
        assertThat(shadowAlter(alter).statements()).containsExactly("ALTER TABLE `" + SHADOW + "` " + shadowClauses);
    }

    @Test
    void everyFulltextIndexAfterTheFirstGetsItsOwnStatement() {
        RewrittenAlterTable rewritten = shadowAlter("ALTER TABLE orders ADD FULLTEXT KEY ft_title (title), ADD COLUMN body text,"
                + " ADD FULLTEXT INDEX ft_body (body), ALGORITHM=INPLACE, ADD FULLTEXT (title, body), ADD INDEX i (price)");

        assertThat(rewritten.statements()).containsExactly(
                "ALTER TABLE `" + SHADOW + "` ADD FULLTEXT KEY ft_title (title), ADD COLUMN body text, ADD INDEX i (price),"
                        + " ALGORITHM = COPY",
                "ALTER TABLE `" + SHADOW + "` ADD FULLTEXT INDEX ft_body (body), ALGORITHM = COPY",
                "ALTER TABLE `" + SHADOW + "` ADD FULLTEXT (title, body), ALGORITHM = COPY");
    }

    @Test
    void oneFulltextIndexStaysInTheStatement() {
        assertThat(shadowAlter("ALTER TABLE orders ADD FULLTEXT INDEX ft_title (title), ADD SPATIAL INDEX sp (p)").statements())
                .containsExactly("ALTER TABLE `" + SHADOW + "` ADD FULLTEXT INDEX ft_title (title), ADD SPATIAL INDEX sp (p),"
                        + " ALGORITHM = COPY");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DROP CHECK chk_price_cap|DROP CONSTRAINT|chk_price_cap",
            "DROP CONSTRAINT chk_price_cap|DROP CONSTRAINT|chk_price_cap",
            "DROP CONSTRAINT IF EXISTS CONSTRAINT_1|DROP CONSTRAINT IF EXISTS|CONSTRAINT_1",
            "DROP FOREIGN KEY fk_customer|DROP FOREIGN KEY|fk_customer",
            "DROP FOREIGN KEY `fk_customer`|DROP FOREIGN KEY|fk_customer",
    })
    void droppedConstraintsArePointedAtTheirNewNames(String drop, String shadowDrop, String oldName) {
        String newName = copy().constraintRenames().get(oldName);

        assertThat(shadowAlter("ALTER TABLE orders " + drop).statements())
                .containsExactly("ALTER TABLE `" + SHADOW + "` " + shadowDrop + " `" + newName + "`, ALGORITHM = COPY");
    }

    @Test
    void droppingAConstraintTheTableDoesNotHaveFailsWithVitessMessage() {
        assertThatThrownBy(() -> shadowAlter("ALTER TABLE orders DROP CHECK chk_missing"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Found DROP CONSTRAINT: DROP CONSTRAINT `chk_missing`, but could not find constraint"
                        + " name in map");
    }

    @Test
    void dropIfExistsOfAMissingConstraintStaysANoOp() {
        assertThat(shadowAlter("ALTER TABLE orders DROP CONSTRAINT IF EXISTS chk_missing").statements())
                .containsExactly("ALTER TABLE `" + SHADOW + "` DROP CONSTRAINT IF EXISTS `chk_missing`, ALGORITHM = COPY");
    }

    @Test
    void addedConstraintsAreRenamedAndRemembered() {
        RewrittenAlterTable rewritten = shadowAlter("ALTER TABLE orders ADD CONSTRAINT chk_title CHECK (title <> ''),"
                + " ADD CHECK (price < 500), ADD CONSTRAINT fk_other FOREIGN KEY (customer_id) REFERENCES customers (id)");

        Map<String, String> renames = rewritten.constraintRenames();
        assertThat(renames.get("chk_title")).matches("chk_title_[0-9a-z]{25}");
        assertThat(renames.get("")).matches("chk_[0-9a-z]{25}");
        assertThat(renames.get("fk_other")).matches("fk_other_[0-9a-z]{25}");
        assertThat(renames).containsAllEntriesOf(copy().constraintRenames());
        assertThat(rewritten.statements()).containsExactly("ALTER TABLE `" + SHADOW + "`"
                + " ADD CONSTRAINT `" + renames.get("chk_title") + "` CHECK (title <> ''),"
                + " ADD CONSTRAINT `" + renames.get("") + "` CHECK (price < 500),"
                + " ADD CONSTRAINT `" + renames.get("fk_other") + "` FOREIGN KEY (customer_id) REFERENCES customers(id),"
                + " ALGORITHM = COPY");
    }

    @Test
    void aConstraintDroppedAndAddedAgainUnderItsNameGetsAFreshName() {
        RewrittenAlterTable rewritten = shadowAlter(
                "ALTER TABLE orders DROP CONSTRAINT chk_price_cap, ADD CONSTRAINT chk_price_cap CHECK (price < 5000)");

        String oldShadowName = copy().constraintRenames().get("chk_price_cap");
        String newShadowName = rewritten.constraintRenames().get("chk_price_cap");
        assertThat(newShadowName).isNotEqualTo(oldShadowName);
        assertThat(rewritten.statements()).containsExactly("ALTER TABLE `" + SHADOW + "` DROP CONSTRAINT `" + oldShadowName
                + "`, ADD CONSTRAINT `" + newShadowName + "` CHECK (price < 5000), ALGORITHM = COPY");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE orders DROP PARTITION p0, p1|DROP PARTITION p0, p1",
            "ALTER TABLE orders ALGORITHM=INPLACE, REMOVE PARTITIONING|REMOVE PARTITIONING",
            "ALTER TABLE orders ADD PARTITION (PARTITION p9 VALUES LESS THAN (900))|ADD PARTITION (PARTITION p9 VALUES LESS THAN (900))",
    })
    void partitionMaintenanceGetsNoAlgorithmWhichMariaDbRefusesThere(String alter, String shadowClauses) {
        assertThat(shadowAlter(alter).statements()).containsExactly("ALTER TABLE `" + SHADOW + "` " + shadowClauses);
    }

    @Test
    void aRenameNeverReachesTheShadowTable() {
        assertThatThrownBy(() -> shadowAlter("ALTER TABLE orders RENAME TO orders_old"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ALTER TABLE ... RENAME is not supported in online DDL");
    }

    @Test
    void onlyAnAlterTableCanBeRewrittenForTheShadow() {
        assertThatThrownBy(() -> shadowAlter("DROP TABLE orders")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected the ALTER TABLE of migration " + MIGRATION);
    }

    @Test
    void viewDefinitionsBecomeCreateOrReplaceUnderAnotherName() {
        assertThat(analyzer.viewAsCreateOrReplace(
                "ALTER ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v (a) AS SELECT id FROM orders WITH CHECK OPTION", "_vt_HOLD_x"))
                .isEqualTo("CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW `_vt_HOLD_x`(a) AS SELECT id FROM orders"
                        + " WITH CHECK OPTION");
        assertThat(analyzer.viewAsCreateOrReplace("CREATE VIEW IF NOT EXISTS v AS SELECT 1", "v2"))
                .isEqualTo("CREATE OR REPLACE VIEW `v2` AS SELECT 1");
        assertThatThrownBy(() -> analyzer.viewAsCreateOrReplace("CREATE TABLE t (a int)", "v2"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected a view definition");
    }
}
