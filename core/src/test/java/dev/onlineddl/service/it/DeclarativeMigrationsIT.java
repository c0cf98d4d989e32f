package dev.onlineddl.service.it;

import static dev.onlineddl.service.it.TargetDatabase.artifacts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.mysql.strategy.BuiltInMysqlPlugin;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.service.OnlineDdl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vitess's onlineddl end-to-end tests, declarative migrations against a live server: a CREATE of something that exists
 * is diffed (through a temporary HOLD-named copy of the declaration) and becomes "no change" or
 * the ALTER that reaches it; DROP of something missing changes nothing. Besides the checks on the
 * schema, every test checks that no comparison table is left behind.
 */
class DeclarativeMigrationsIT extends ExecutorItSupport {

    private static final String MYSQL_DECLARATIVE = "mysql --declarative";
    private static final String ONLINE_DECLARATIVE = ONLINE + " --declarative";

    @ParameterizedTest
    @ValueSource(strings = {MYSQL_DECLARATIVE, ONLINE_DECLARATIVE})
    void createOfAMissingTableCreatesIt(String strategy) {
        MigrationUuid create = submitOne("create table t1 (id int primary key, v varchar(20))", strategy);

        awaitStatus(create, "complete");

        assertThat(target.columns("t1")).containsExactly("id", "v");
        assertThat(target.row(create)).containsEntry("ddl_action", "create");
        assertThat(artifacts(target.row(create))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {MYSQL_DECLARATIVE, ONLINE_DECLARATIVE})
    void identicalCreateChangesNothingAndItsRevertChangesNothingEither(String strategy) {
        // written differently from the server's own SHOW CREATE: the comparison is on what the server makes of it
        target.execute("create table t1 (id int not null, v varchar(20) default null, primary key (id))");
        target.execute("insert into t1 values (1, 'a')");

        MigrationUuid create = submitOne("create table t1 (id int primary key, v varchar(20))", strategy);
        awaitStatus(create, "complete");

        Map<String, Object> row = target.row(create);
        assertThat(row).containsEntry("message", "no change").containsEntry("ddl_action", "create");
        assertThat(artifacts(row)).isEmpty();
        assertThat(target.tables()).as("no comparison table left").containsExactly("t1");

        MigrationUuid revert = submitOne("revert vitess_migration '" + create + "'", strategy);
        awaitStatus(revert, "complete");
        assertThat(target.tables()).containsExactly("t1");
        assertThat(target.columns("t1")).containsExactly("id", "v");
        assertThat(target.rowCount("t1")).isEqualTo(1);
    }

    @Test
    void changedCreateBecomesTheComputedAlterAndKeepsTheRows() {
        target.execute("create table t1 (id int primary key, v varchar(20), obsolete int)");
        target.execute("insert into t1 (id, v, obsolete) values (1, 'a', 10), (2, 'b', 20)");

        MigrationUuid create = submitOne("create table t1 (id int primary key, v varchar(40) not null default '',"
                + " added int not null default 7, key v_idx (v))", MYSQL_DECLARATIVE);
        awaitStatus(create, "complete");

        Map<String, Object> row = target.row(create);
        assertThat(row).containsEntry("ddl_action", "alter");
        assertThat((String) row.get("message")).as("the computed ALTER, as Vitess records it")
                .startsWith("ALTER TABLE `t1`").contains("`added`").contains("`obsolete`").contains("`v_idx`");
        assertThat(target.tables()).as("no comparison table left").containsExactly("t1");
        assertThat(target.columns("t1")).containsExactly("id", "v", "added");
        assertThat(target.query("SELECT id, v, added FROM t1 ORDER BY id")).extracting(r -> r.get("v") + "/" + r.get("added"))
                .containsExactly("a/7", "b/7");
        assertThat(target.query("SELECT CHARACTER_MAXIMUM_LENGTH AS len FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 't1' AND COLUMN_NAME = 'v'", target.name()))
                .singleElement().satisfies(r -> assertThat(((Number) r.get("len")).intValue()).isEqualTo(40));

        MigrationUuid again = submitOne("create table t1 (id int primary key, v varchar(40) not null default '',"
                + " added int not null default 7, key v_idx (v))", MYSQL_DECLARATIVE);
        awaitStatus(again, "complete");
        assertThat(target.row(again)).as("declaring the reached state again").containsEntry("message", "no change");
    }

    @Test
    void revertOfADeclarativeAlterIsRefusedWhenTheStrategyCannotRevertAlters() {
        target.execute("create table t1 (id int primary key)");
        MigrationUuid create = submitOne("create table t1 (id int primary key, i int)", MYSQL_DECLARATIVE);
        awaitStatus(create, "complete");

        MigrationUuid revert = submitOne("revert vitess_migration '" + create + "'", MYSQL_DECLARATIVE);
        awaitStatus(revert, "failed");

        assertThat(target.row(revert)).containsEntry("message",
                "can only revert a online strategy migration. Migration " + create + " has mysql strategy");
        assertThat(target.columns("t1")).containsExactly("id", "i");
    }

    @Test
    void changedCreateRunsThroughTheStrategyEngineWhichMayRevertIt() {
        target.execute("create table t1 (id int primary key)");
        target.execute("insert into t1 values (1), (2), (3)");

        MigrationUuid create = submitOne("create table t1 (id int primary key, i int)", ONLINE_DECLARATIVE);
        awaitStatus(create, "complete");

        assertThat(target.row(create)).containsEntry("ddl_action", "alter");
        assertThat(target.columns("t1")).as("the engine applied the computed ALTER").containsExactly("id", "i");
        assertThat(target.rowCount("t1")).isEqualTo(3);

        MigrationUuid revert = submitOne("revert vitess_migration '" + create + "'", ONLINE_DECLARATIVE);
        awaitStatus(revert, "complete");
        assertThat(onlineEngine().revertsStarted).containsEntry(revert, create);
    }

    @Test
    void changedCreateWithAStrategyNobodyProvidesFailsNamingIt() {
        target.execute("create table t1 (id int primary key)");

        MigrationUuid create = submitOne("create table t1 (id int primary key, i int)", "vitess --declarative");
        awaitStatus(create, "failed");

        assertThat((String) target.row(create).get("message")).contains("strategy vitess is not installed")
                .contains("Install the plugin that provides vitess");
        assertThat(target.columns("t1")).containsExactly("id");
        assertThat(target.tables()).containsExactly("t1");
    }

    @Test
    void dropOfAnExistingTableKeepsItAsAnArtifactAndOfAMissingOneChangesNothing() {
        target.execute("create table t1 (id int primary key)");

        MigrationUuid drop = submitOne("drop table t1", MYSQL_DECLARATIVE);
        awaitStatus(drop, "complete");
        MigrationUuid dropAgain = submitOne("drop table t1", MYSQL_DECLARATIVE);
        awaitStatus(dropAgain, "complete");

        assertThat(target.exists("t1")).isFalse();
        List<String> artifacts = artifacts(target.row(drop));
        assertThat(artifacts).hasSize(1);
        assertThat(target.tables()).containsExactly(artifacts.get(0));
        assertThat(target.row(dropAgain)).containsEntry("message", "no change");
        assertThat(artifacts(target.row(dropAgain))).isEmpty();
    }

    @Test
    void changedCreateViewReplacesTheViewAndAnIdenticalOneChangesNothing() {
        target.execute("create table t1 (id int primary key, v varchar(20))");
        target.execute("create view v1 as select id from t1");

        MigrationUuid same = submitOne("create view v1 as select id from t1", MYSQL_DECLARATIVE);
        awaitStatus(same, "complete");
        assertThat(target.row(same)).containsEntry("message", "no change");
        assertThat(artifacts(target.row(same))).isEmpty();

        MigrationUuid changed = submitOne("create view v1 as select id, v from t1", MYSQL_DECLARATIVE);
        awaitStatus(changed, "complete");

        Map<String, Object> row = target.row(changed);
        assertThat(row).containsEntry("ddl_action", "alter");
        assertThat((String) row.get("message")).startsWith("CREATE OR REPLACE").contains("`v1`");
        assertThat(target.columns("v1")).containsExactly("id", "v");
        assertThat(target.tableType("v1")).isEqualTo("VIEW");
        List<String> artifacts = artifacts(row);
        assertThat(artifacts).as("the previous definition, kept for a revert").hasSize(1);
        assertThat(target.tables()).containsExactlyInAnyOrder("t1", "v1", artifacts.get(0));
        assertThat(target.columns(artifacts.get(0))).containsExactly("id");
    }

    @Test
    void withoutASchemaDifferAChangedCreateFailsSayingSoAndChangesNothing() {
        target.closeExecutors();
        OnlineDdl withoutDiffer = target.executorWithoutSchemaDiffer(EXECUTOR_ID + "-nodiff",
                List.of(plugin, new BuiltInMysqlPlugin()));
        executor = withoutDiffer;
        target.execute("create table t1 (id int primary key)");

        MigrationUuid create = submitOne("create table t1 (id int primary key, i int)", MYSQL_DECLARATIVE);
        awaitStatus(create, "failed");

        assertThat((String) target.row(create).get("message")).contains("needs a schema differ")
                .contains("submit the ALTER itself");
        assertThat(target.columns("t1")).containsExactly("id");
    }
}
