package dev.onlineddl.adapter.mysql.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader on server output that the embedded MariaDB cannot produce (MySQL 8's printing) and
 * on details the server tests only see indirectly.
 */
class ShowCreateTableReaderTest {

    /** What MySQL 8.0 prints: executable comments, COLLATE without CHARACTER SET, functional key parts. */
    private static final String MYSQL_8 = """
            CREATE TABLE `orders` (
              `id` bigint unsigned NOT NULL AUTO_INCREMENT,
              `code` varchar(10) COLLATE utf8mb4_bin NOT NULL,
              `note` text CHARACTER SET latin1 COLLATE latin1_swedish_ci,
              `hidden` int DEFAULT NULL /*!80023 INVISIBLE */,
              `twice` int GENERATED ALWAYS AS ((`id` * 2)) VIRTUAL,
              `saved` int GENERATED ALWAYS AS ((`id` * 3)) STORED,
              `d` int DEFAULT ((`id` + 1)),
              `customer_id` int DEFAULT NULL,
              PRIMARY KEY (`id`),
              UNIQUE KEY `uk_code` (`code`),
              KEY `k_hidden` (`hidden`) /*!80000 INVISIBLE */,
              KEY `k_expr` (((`id` + 1))),
              KEY `fk_customer` (`customer_id`),
              CONSTRAINT `fk_customer` FOREIGN KEY (`customer_id`) REFERENCES `shop`.`customers` (`id`) ON DELETE CASCADE,
              CONSTRAINT `orders_chk_1` CHECK ((`id` > 0))
            ) ENGINE=InnoDB AUTO_INCREMENT=17 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci COMMENT='it''s, (here)'
            /*!50100 PARTITION BY HASH (`id`)
            PARTITIONS 4 */""";

    @Test
    void readsMySql8Output() {
        TableModel table = ShowCreateTableReader.read(MYSQL_8);

        assertThat(table.name()).isEqualTo("orders");
        assertThat(table.columns()).extracting(ColumnModel::name)
                .containsExactly("id", "code", "note", "hidden", "twice", "saved", "d", "customer_id");
        ColumnModel code = table.columns().get(1);
        assertThat(code.definition()).isEqualTo("varchar(10) COLLATE utf8mb4_bin NOT NULL");
        assertThat(code.definitionWithoutCharset()).isEqualTo("varchar(10) NOT NULL");
        assertThat(code.collation()).contains("utf8mb4_bin");
        assertThat(code.effectiveCollation(EffectiveCollation.defaultOf("latin1")))
                .contains(new EffectiveCollation("utf8mb4", Optional.of("utf8mb4_bin")));
        ColumnModel note = table.columns().get(2);
        assertThat(note.charset()).contains("latin1");
        assertThat(note.definitionWithoutCharset()).isEqualTo("text");
        assertThat(table.columns().get(3).definition()).isEqualTo("int DEFAULT NULL /*!80023 INVISIBLE */");
        assertThat(table.columns()).extracting(ColumnModel::generation).containsExactly(
                ColumnModel.Generation.NONE, ColumnModel.Generation.NONE, ColumnModel.Generation.NONE,
                ColumnModel.Generation.NONE, ColumnModel.Generation.VIRTUAL, ColumnModel.Generation.STORED,
                ColumnModel.Generation.NONE, ColumnModel.Generation.NONE);

        assertThat(table.indexes()).extracting(IndexModel::kind).containsExactly(IndexModel.Kind.PRIMARY,
                IndexModel.Kind.UNIQUE, IndexModel.Kind.PLAIN, IndexModel.Kind.PLAIN, IndexModel.Kind.PLAIN);
        assertThat(table.indexes()).extracting(IndexModel::name)
                .containsExactly("PRIMARY", "uk_code", "k_hidden", "k_expr", "fk_customer");
        assertThat(table.indexes().get(2).body()).isEqualTo("(`hidden`) /*!80000 INVISIBLE */");
        assertThat(table.indexes().get(3).columns()).containsExactly("id");

        ForeignKeyModel foreignKey = table.foreignKeys().get(0);
        assertThat(foreignKey.columns()).isEqualTo("(`customer_id`)");
        assertThat(foreignKey.referencedTable()).isEqualTo("customers");
        assertThat(foreignKey.referencedColumns()).isEqualTo("(`id`)");
        assertThat(foreignKey.tail()).isEqualTo(" ON DELETE CASCADE");
        assertThat(foreignKey.body()).isEqualTo("FOREIGN KEY (`customer_id`) REFERENCES `shop`.`customers` (`id`) ON DELETE CASCADE");
        assertThat(table.checks()).containsExactly(
                new CheckModel("orders_chk_1", "CONSTRAINT `orders_chk_1` CHECK ((`id` > 0))", "CHECK ((`id` > 0))"));

        assertThat(table.options()).extracting(TableOption::name)
                .containsExactly("ENGINE", "AUTO_INCREMENT", "DEFAULT CHARSET", "COLLATE", "COMMENT");
        assertThat(table.optionValue("COMMENT")).contains("'it''s, (here)'");
        assertThat(table.defaultCollation()).contains(new EffectiveCollation("utf8mb4", Optional.of("utf8mb4_0900_ai_ci")));
        assertThat(table.partitioning()).contains("/*!50100 PARTITION BY HASH (`id`)\nPARTITIONS 4 */");
    }

    @Test
    void readsMariaDbSpecifics() {
        TableModel table = ShowCreateTableReader.read("""
                CREATE TABLE `t` (
                  `a` int(11) DEFAULT NULL,
                  `b` varchar(100) /*M!100301 COMPRESSED*/ DEFAULT NULL,
                  `j` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`j`)),
                  `s` varchar(5) DEFAULT 'a,b' COMMENT 'x\\'s (y)',
                  KEY `ka` (`a`) COMMENT 'x' IGNORED,
                  PERIOD FOR `p` (`a`, `a`)
                ) ENGINE=Aria DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci PAGE_CHECKSUM=1 WITH SYSTEM VERSIONING
                 PARTITION BY RANGE (`a`)
                (PARTITION `p0` VALUES LESS THAN (10) ENGINE = Aria)""");

        assertThat(table.columns().get(1).definition()).isEqualTo("varchar(100) /*M!100301 COMPRESSED*/ DEFAULT NULL");
        assertThat(table.columns().get(2).definitionWithoutCharset()).isEqualTo("longtext DEFAULT NULL CHECK (json_valid(`j`))");
        assertThat(table.columns().get(3).definition()).isEqualTo("varchar(5) DEFAULT 'a,b' COMMENT 'x\\'s (y)'");
        IndexModel index = table.indexes().get(0);
        assertThat(index.ignored()).isTrue();
        assertThat(index.body()).isEqualTo("(`a`) COMMENT 'x'");
        assertThat(index.text()).isEqualTo("KEY `ka` (`a`) COMMENT 'x' IGNORED");
        assertThat(table.otherElements()).containsExactly("PERIOD FOR `p` (`a`, `a`)");
        assertThat(table.options()).extracting(TableOption::text).containsExactly("ENGINE=Aria", "DEFAULT CHARSET=latin1",
                "COLLATE=latin1_swedish_ci", "PAGE_CHECKSUM=1", "WITH SYSTEM VERSIONING");
        assertThat(table.partitioning()).contains("PARTITION BY RANGE (`a`)\n(PARTITION `p0` VALUES LESS THAN (10) ENGINE = Aria)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a view                    | CREATE ALGORITHM=UNDEFINED VIEW `v` AS select 1 AS `1`   | expected CREATE TABLE
            no column list            | CREATE TABLE `t` ENGINE=InnoDB                           | expected '(' after the table name
            an unbalanced list        | CREATE TABLE `t` (`a` int(11)                            | unbalanced parenthesis
            an open string            | CREATE TABLE `t` (`a` int(11) COMMENT 'x)                | unterminated string literal
            no data type              | CREATE TABLE `t` (`a`)                                   | column a has no data type
            an empty element          | CREATE TABLE `t` (`a` int(11),, `b` int(11))             | empty element
            an index without columns  | CREATE TABLE `t` (`a` int(11), KEY `k`)                  | index k has no column list
            a foreign key without target | CREATE TABLE `t` (`a` int(11), CONSTRAINT `f` FOREIGN KEY (`a`)) | foreign key f has no REFERENCES
            only keys                 | CREATE TABLE `t` (PRIMARY KEY (`a`))                     | the table has no columns
            a stray option            | CREATE TABLE `t` (`a` int(11)) ENGINE=InnoDB 'x'         | unexpected ''x'' among the table options
            """)
    void rejectsWhatIsNotShowCreateTableOutput(String what, String text, String message) {
        assertThatThrownBy(() -> ShowCreateTableReader.read(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsAnsiQuotedNames() {
        TableModel table = ShowCreateTableReader.read("CREATE TABLE \"t\" (\n  \"a b\" int(11) NOT NULL,\n  KEY \"k\" (\"a b\")\n)");

        assertThat(table.name()).isEqualTo("t");
        assertThat(table.columns()).extracting(ColumnModel::name).containsExactly("a b");
        assertThat(table.indexes()).extracting(IndexModel::name).containsExactly("k");
        assertThat(table.options()).isEqualTo(List.of());
    }
}
