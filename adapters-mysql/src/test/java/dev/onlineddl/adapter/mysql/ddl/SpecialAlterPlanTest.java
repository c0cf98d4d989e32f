package dev.onlineddl.adapter.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.ddl.InstantDdlCapabilities;
import dev.onlineddl.domain.ddl.SpecialAlterPlan;
import dev.onlineddl.domain.ddl.SpecialPlanOptions;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Classification of ALTERs for Vitess's special plans ({@code analyzeSpecialAlterPlan}). */
class SpecialAlterPlanTest {

    private static final String RANGE_TABLE = """
            CREATE TABLE `metrics` (
              `id` bigint(20) NOT NULL,
              `ts` int(11) NOT NULL,
              PRIMARY KEY (`id`,`ts`)
            ) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci
             PARTITION BY RANGE (`ts`)
            (PARTITION `p0` VALUES LESS THAN (100) ENGINE = InnoDB,
             PARTITION `p1` VALUES LESS THAN (200) ENGINE = InnoDB,
             PARTITION `pmax` VALUES LESS THAN MAXVALUE ENGINE = InnoDB)""";
    private static final String RANGE_COLUMNS_TABLE = """
            CREATE TABLE `metrics` (`d` date NOT NULL) PARTITION BY RANGE  COLUMNS(`d`)
            (PARTITION `p2023` VALUES LESS THAN ('2024-01-01') ENGINE = InnoDB)""";
    private static final String HASH_TABLE = "CREATE TABLE `metrics` (`id` int NOT NULL) PARTITION BY HASH (`id`) PARTITIONS 4";
    private static final String PLAIN_TABLE = """
            CREATE TABLE `users` (
              `id` int NOT NULL,
              `name` varchar(50) NOT NULL DEFAULT '',
              `role` enum('user','admin') NOT NULL DEFAULT 'user',
              `flags` set('a','b','c','d','e','f','g') DEFAULT NULL,
              `full` varchar(60) GENERATED ALWAYS AS (concat(`name`,'!')) VIRTUAL,
              `stored` varchar(60) GENERATED ALWAYS AS (concat(`name`,'?')) STORED,
              PRIMARY KEY (`id`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4""";
    private static final String COMPRESSED_TABLE =
            "CREATE TABLE `users` (`id` int NOT NULL, `name` varchar(50)) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8";

    private static final InstantDdlCapabilities MYSQL_8_0_30 = new InstantDdlCapabilities(true, true, true, true, true, true);
    private static final InstantDdlCapabilities MYSQL_8_0_20 = new InstantDdlCapabilities(true, true, false, true, true, true);
    private static final SpecialPlanOptions ROTATION = new SpecialPlanOptions(true, false, InstantDdlCapabilities.none());
    private static final SpecialPlanOptions INSTANT_ON_8_0_30 = new SpecialPlanOptions(false, true, MYSQL_8_0_30);

    private final JsqlDdlAnalyzer analyzer = new JsqlDdlAnalyzer();

    private Optional<SpecialAlterPlan> plan(String alter, String table, SpecialPlanOptions options) {
        return analyzer.analyzeSpecialAlterPlan(alter, table, options);
    }

    // ------------------------------------------------------------------ drop-range-partition

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE metrics DROP PARTITION p0|p0|PARTITION `p0` VALUES LESS THAN (100) ENGINE = InnoDB|p1",
            "ALTER TABLE metrics DROP PARTITION `p1`|p1|PARTITION `p1` VALUES LESS THAN (200) ENGINE = InnoDB|pmax",
            "ALTER TABLE metrics DROP PARTITION PMAX|pmax|PARTITION `pmax` VALUES LESS THAN MAXVALUE ENGINE = InnoDB|''",
    })
    void droppingOneExistingRangePartitionIsARotation(String alter, String name, String definition, String next) {
        assertThat(plan(alter, RANGE_TABLE, ROTATION))
                .contains(new SpecialAlterPlan.DropRangePartition(name, definition, next));
    }

    @Test
    void droppingSeveralPartitionsIsRefusedWithVitessMessage() {
        assertThatThrownBy(() -> plan("ALTER TABLE metrics DROP PARTITION p0, p1", RANGE_TABLE, ROTATION))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("vitess only supports dropping a single partition per query: "
                        + "ALTER TABLE metrics DROP PARTITION p0, p1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE metrics DROP PARTITION p7|range table, no such partition",
            "ALTER TABLE metrics ALGORITHM=INPLACE, DROP PARTITION p0|other options besides the partition change",
            "ALTER TABLE metrics TRUNCATE PARTITION p0|not a DROP",
            "ALTER TABLE metrics ADD COLUMN c int|no partition change",
    })
    void otherPartitionChangesAreNoRotation(String alter, String why) {
        assertThat(plan(alter, RANGE_TABLE, ROTATION)).as(why).isEmpty();
    }

    @Test
    void dropPartitionOfAHashTableIsNoRotation() {
        assertThat(plan("ALTER TABLE metrics DROP PARTITION p0", HASH_TABLE, ROTATION)).isEmpty();
        assertThat(plan("ALTER TABLE users DROP PARTITION p0", PLAIN_TABLE, ROTATION)).isEmpty();
    }

    @Test
    void rotationNeedsTheFastRangeRotationFlag() {
        assertThat(plan("ALTER TABLE metrics DROP PARTITION p0", RANGE_TABLE,
                new SpecialPlanOptions(false, true, MYSQL_8_0_30))).isEmpty();
    }

    // ------------------------------------------------------------------ add-range-partition

    @Test
    void addingOneRangePartitionIsARotation() {
        assertThat(plan("ALTER TABLE metrics ADD PARTITION (PARTITION p2024 VALUES LESS THAN ('2025-01-01'))",
                RANGE_COLUMNS_TABLE, ROTATION))
                .contains(new SpecialAlterPlan.AddRangePartition("p2024", "PARTITION p2024 VALUES LESS THAN ('2025-01-01')"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE metrics ADD PARTITION (PARTITION p3 VALUES LESS THAN (300), PARTITION p4 VALUES LESS THAN (400))",
            "ALTER TABLE metrics ADD PARTITION (PARTITION p3 VALUES LESS THAN (300)), ALGORITHM=INPLACE",
    })
    void addingSeveralPartitionsOrWithOtherOptionsIsNoRotation(String alter) {
        assertThat(plan(alter, RANGE_TABLE, ROTATION)).isEmpty();
    }

    @Test
    void addPartitionToAHashTableIsNoRotation() {
        assertThat(plan("ALTER TABLE metrics ADD PARTITION (PARTITION p3 VALUES LESS THAN (300))", HASH_TABLE, ROTATION)).isEmpty();
    }

    // ------------------------------------------------------------------ instant-ddl

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // ADD COLUMN appended last: every 8.0
            "ALTER TABLE users ADD COLUMN c int|true|true",
            "ALTER TABLE users ADD COLUMN c int, ADD COLUMN d int DEFAULT 5|true|true",
            // ADD COLUMN elsewhere: 8.0.29+
            "ALTER TABLE users ADD COLUMN c int FIRST|true|false",
            "ALTER TABLE users ADD COLUMN c int AFTER id|true|false",
            // DROP COLUMN: 8.0.29+, a VIRTUAL column on every 8.0
            "ALTER TABLE users DROP COLUMN name|true|false",
            "ALTER TABLE users DROP COLUMN `stored`|true|false",
            "ALTER TABLE users DROP COLUMN `full`|true|true",
            "ALTER TABLE users DROP COLUMN `FULL`|true|true",
            // MODIFY that only changes the DEFAULT: every 8.0
            "ALTER TABLE users MODIFY COLUMN name varchar(50) NOT NULL DEFAULT 'anonymous'|true|true",
            "ALTER TABLE users MODIFY name VARCHAR(50) NOT NULL|true|true",
            "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'x'|false|false",
            // MODIFY appending ENUM/SET values without growing storage: every 8.0
            "ALTER TABLE users MODIFY role enum('user','admin','owner') NOT NULL DEFAULT 'user'|true|true",
            "ALTER TABLE users MODIFY role enum('user','admin','owner') NOT NULL DEFAULT 'owner'|true|true",
            "ALTER TABLE users MODIFY flags set('a','b','c','d','e','f','g','h') DEFAULT NULL|true|true",
            "ALTER TABLE users MODIFY flags set('a','b','c','d','e','f','g','h','i') DEFAULT NULL|false|false",
            "ALTER TABLE users MODIFY role enum('admin','user','owner') NOT NULL DEFAULT 'user'|false|false",
            "ALTER TABLE users MODIFY role enum('user') NOT NULL DEFAULT 'user'|false|false",
            "ALTER TABLE users MODIFY role enum('user','admin','owner') NULL|false|false",
            // anything else
            "ALTER TABLE users MODIFY name varchar(60) NOT NULL DEFAULT ''|false|false",
            "ALTER TABLE users MODIFY missing int|false|false",
            "ALTER TABLE users CHANGE name name varchar(50) NOT NULL DEFAULT 'x'|false|false",
            "ALTER TABLE users ADD INDEX i (name)|false|false",
            "ALTER TABLE users ADD COLUMN c int, ADD INDEX i (c)|false|false",
            "ALTER TABLE users ADD COLUMN c int, ALGORITHM=INSTANT|false|false",
            "ALTER TABLE users ENGINE=InnoDB|false|false",
            "ALTER TABLE users DROP CONSTRAINT chk|false|false",
            "ALTER TABLE users REMOVE PARTITIONING|false|false",
    })
    void instantEligibilityPerChangeAndServer(String alter, boolean onAll80, boolean onEarly80) {
        SpecialAlterPlan instant = new SpecialAlterPlan.InstantDdl(analyzer.describe(alter).sql() + ", ALGORITHM = INSTANT");

        assertThat(plan(alter, PLAIN_TABLE, INSTANT_ON_8_0_30)).isEqualTo(onAll80 ? Optional.of(instant) : Optional.empty());
        assertThat(plan(alter, PLAIN_TABLE, new SpecialPlanOptions(false, true, MYSQL_8_0_20)))
                .isEqualTo(onEarly80 ? Optional.of(instant) : Optional.empty());
    }

    @Test
    void enumExpansionMayNotCrossTwoHundredFiftyFiveValues() {
        String values255 = IntStream.rangeClosed(1, 255).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(","));
        String table = "CREATE TABLE `e` (`x` enum(" + values255 + ") DEFAULT NULL)";

        assertThat(plan("ALTER TABLE e MODIFY x enum(" + values255 + ",'v256') DEFAULT NULL", table, INSTANT_ON_8_0_30)).isEmpty();
        String values200 = IntStream.rangeClosed(1, 200).mapToObj(i -> "'v" + i + "'").collect(Collectors.joining(","));
        assertThat(plan("ALTER TABLE e MODIFY x enum(" + values200 + ",'w') DEFAULT NULL",
                "CREATE TABLE `e` (`x` enum(" + values200 + ") DEFAULT NULL)", INSTANT_ON_8_0_30)).isPresent();
    }

    @Test
    void droppingAColumnOfACompressedTableIsNeverInstant() {
        assertThat(plan("ALTER TABLE users DROP COLUMN name", COMPRESSED_TABLE, INSTANT_ON_8_0_30)).isEmpty();
        assertThat(plan("ALTER TABLE users ADD COLUMN c int", COMPRESSED_TABLE, INSTANT_ON_8_0_30)).isPresent();
    }

    @Test
    void serversWithoutInstantDdlGetNoInstantPlan() {
        assertThat(plan("ALTER TABLE users ADD COLUMN c int", PLAIN_TABLE,
                new SpecialPlanOptions(true, true, InstantDdlCapabilities.none()))).isEmpty();
        assertThat(plan("ALTER TABLE users ADD COLUMN c int", PLAIN_TABLE,
                new SpecialPlanOptions(false, true, new InstantDdlCapabilities(false, true, true, true, true, true)))).isEmpty();
    }

    @Test
    void instantNeedsThePreferInstantFlag() {
        assertThat(plan("ALTER TABLE users ADD COLUMN c int", PLAIN_TABLE, new SpecialPlanOptions(true, false, MYSQL_8_0_30)))
                .isEmpty();
    }

    @Test
    void rotationIsTriedBeforeInstant() {
        SpecialPlanOptions both = new SpecialPlanOptions(true, true, MYSQL_8_0_30);

        assertThat(plan("ALTER TABLE metrics DROP PARTITION p0", RANGE_TABLE, both))
                .containsInstanceOf(SpecialAlterPlan.DropRangePartition.class);
        assertThat(plan("ALTER TABLE metrics ADD COLUMN c int", RANGE_TABLE, both))
                .contains(new SpecialAlterPlan.InstantDdl("ALTER TABLE metrics ADD COLUMN c int, ALGORITHM = INSTANT"));
    }

    @Test
    void onlyAnAlterTableHasASpecialPlan() {
        assertThat(plan("CREATE TABLE t (a int)", PLAIN_TABLE, INSTANT_ON_8_0_30)).isEmpty();
        assertThat(plan("ALTER VIEW v AS SELECT 1", PLAIN_TABLE, INSTANT_ON_8_0_30)).isEmpty();
        assertThatThrownBy(() -> plan("ALTER TABLE users ADD COLUMN c int", "CREATE VIEW users AS SELECT 1", INSTANT_ON_8_0_30))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected SHOW CREATE TABLE of users");
    }
}
