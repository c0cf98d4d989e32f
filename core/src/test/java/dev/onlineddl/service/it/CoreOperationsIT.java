package dev.onlineddl.service.it;

import static dev.onlineddl.service.it.TargetDatabase.artifacts;
import static dev.onlineddl.service.it.TargetDatabase.flag;
import static dev.onlineddl.service.it.TargetDatabase.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.naming.GcTableName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CREATE, DROP and views run in the core, whatever the strategy (the default, vitess, is not even
 * installed here), and so do their REVERTs.
 */
class CoreOperationsIT extends ExecutorItSupport {

    @Test
    void nothingRunsBeforeTheFirstReviewOfRunningMigrations() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "");

        executor.tick();
        assertThat(status(create)).as("reviewed and scheduled, but not run before running migrations were reviewed")
                .isEqualTo("ready");
        assertThat(target.exists("t1")).isFalse();

        executor.tick();
        assertThat(status(create)).isEqualTo("complete");
        assertThat(target.exists("t1")).isTrue();
    }

    @Test
    void createTableRunsInTheCoreAndRecordsASentryArtifact() {
        MigrationUuid create = submitOne("create table t1 (id int primary key, v varchar(10))", "");

        awaitStatus(create, "complete");

        assertThat(target.columns("t1")).containsExactly("id", "v");
        Map<String, Object> row = target.row(create);
        assertThat(row).containsEntry("strategy", "vitess").containsEntry("ddl_action", "create")
                .containsEntry("mysql_table", "t1").containsEntry("tablet", EXECUTOR_ID)
                .containsEntry("keyspace", target.name()).containsEntry("shard", "0");
        assertThat(number(row, "retain_artifacts_seconds")).isEqualTo(86400);
        assertThat(flag(row, "is_immediate_operation")).isTrue();
        assertThat(number(row, "progress")).isEqualTo(100);
        assertThat(row.get("started_timestamp")).isNotNull();
        assertThat(row.get("completed_timestamp")).isNotNull();
        assertThat(row.get("reviewed_timestamp")).isNotNull();
        List<String> artifacts = artifacts(row);
        assertThat(artifacts).hasSize(1);
        assertThat(GcTableName.isGcTableName(artifacts.get(0))).isTrue();
        assertThat(target.exists(artifacts.get(0))).as("the sentry is a name only, no table").isFalse();
    }

    @Test
    void dropTableRenamesTheTableToItsHoldTableAndItsRevertBringsTheRowsBack() {
        target.execute("create table t1 (id int primary key)");
        target.execute("insert into t1 values (1), (2), (3)");

        MigrationUuid drop = submitOne("drop table t1", "");
        awaitStatus(drop, "complete");

        assertThat(target.exists("t1")).isFalse();
        List<String> held = artifacts(target.row(drop));
        assertThat(held).hasSize(1);
        assertThat(held.get(0)).startsWith("_vt_HOLD_" + drop.gcForm() + "_");
        assertThat(target.rowCount(held.get(0))).isEqualTo(3);

        MigrationUuid revert = submitOne("revert vitess_migration '" + drop + "'", "");
        awaitStatus(revert, "complete");

        assertThat(target.rowCount("t1")).isEqualTo(3);
        assertThat(target.exists(held.get(0))).isFalse();
        Map<String, Object> row = target.row(revert);
        assertThat(row).containsEntry("ddl_action", "create").containsEntry("mysql_table", "t1")
                .containsEntry("reverted_uuid", drop.value());
        assertThat(artifacts(row)).containsExactly(held.get(0));
    }

    @Test
    void dropIfExistsOfAMissingTableCompletesWithoutArtifactAndWithoutIfExistsFails() {
        MigrationUuid dropIfExists = submitOne("drop table if exists nothing_here", "");
        MigrationUuid drop = submitOne("drop table nothing_here_either", "");

        awaitStatus(dropIfExists, "complete");
        awaitStatus(drop, "failed");

        assertThat(artifacts(target.row(dropIfExists))).isEmpty();
        assertThat((String) target.row(drop).get("message")).contains("1146").contains("nothing_here_either");
        assertThat(target.tables()).isEmpty();
    }

    @Test
    void revertOfCreateHoldsTheTableAwayAndTheRevertOfThatRevertBringsItBack() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", "");
        awaitStatus(create, "complete");
        target.execute("insert into t1 values (7)");
        String sentry = artifacts(target.row(create)).get(0);

        MigrationUuid revert = submitOne("revert vitess_migration '" + create + "'", "");
        awaitStatus(revert, "complete");

        assertThat(target.exists("t1")).isFalse();
        assertThat(target.rowCount(sentry)).as("the table now lives under the sentry's name").isEqualTo(1);
        assertThat(target.row(revert)).containsEntry("ddl_action", "drop").containsEntry("mysql_table", "t1");

        MigrationUuid revertOfRevert = submitOne("revert vitess_migration '" + revert + "'", "");
        awaitStatus(revertOfRevert, "complete");

        assertThat(target.rowCount("t1")).isEqualTo(1);
        assertThat(target.exists(sentry)).isFalse();
        assertThat(target.row(revertOfRevert)).containsEntry("ddl_action", "create")
                .containsEntry("reverted_uuid", revert.value());
    }

    @Test
    void createTableIfNotExistsOfAnExistingTableIsANoopAndSoIsItsRevert() {
        target.execute("create table t1 (id int primary key)");

        MigrationUuid create = submitOne("create table if not exists t1 (id int primary key, other int)", "");
        awaitStatus(create, "complete");
        assertThat(artifacts(target.row(create))).isEmpty();

        MigrationUuid revert = submitOne("revert vitess_migration '" + create + "'", "");
        awaitStatus(revert, "complete");

        assertThat(target.columns("t1")).containsExactly("id");
        assertThat(artifacts(target.row(revert))).isEmpty();
    }

    @Test
    void alterViewSwapsInTheNewDefinitionAndItsRevertSwapsBackTheOldOne() {
        target.execute("create table t1 (id int primary key, name varchar(10))");
        target.execute("create view v1 as select id from t1");

        MigrationUuid alter = submitOne("alter view v1 as select id, name from t1", "");
        awaitStatus(alter, "complete");

        assertThat(target.columns("v1")).containsExactly("id", "name");
        Map<String, Object> row = target.row(alter);
        assertThat(row).containsEntry("ddl_action", "alter");
        assertThat(flag(row, "is_view")).isTrue();
        List<String> previous = artifacts(row);
        assertThat(previous).hasSize(1);
        assertThat(target.columns(previous.get(0))).as("the old definition is the artifact").containsExactly("id");

        MigrationUuid revert = submitOne("revert vitess_migration '" + alter + "'", "");
        awaitStatus(revert, "complete");

        assertThat(target.columns("v1")).containsExactly("id");
        assertThat(target.columns(previous.get(0))).containsExactly("id", "name");
        assertThat(target.tableType("v1")).isEqualTo("VIEW");
    }

    @Test
    void createOrReplaceOfAnExistingViewIsAnAlterView() {
        target.execute("create table t1 (id int primary key, name varchar(10))");
        target.execute("create view v1 as select id from t1");

        MigrationUuid replace = submitOne("create or replace view v1 as select name from t1", "");
        awaitStatus(replace, "complete");

        assertThat(target.columns("v1")).containsExactly("name");
        assertThat(target.row(replace)).containsEntry("ddl_action", "alter");
        assertThat(artifacts(target.row(replace))).hasSize(1);
    }

    @Test
    void dropViewAndItsRevert() {
        target.execute("create table t1 (id int primary key)");
        target.execute("create view v1 as select id from t1");

        MigrationUuid drop = submitOne("drop view v1", "");
        awaitStatus(drop, "complete");
        assertThat(target.exists("v1")).isFalse();

        MigrationUuid revert = submitOne("revert vitess_migration '" + drop + "'", "");
        awaitStatus(revert, "complete");

        assertThat(target.tableType("v1")).isEqualTo("VIEW");
        assertThat(flag(target.row(revert), "is_view")).isTrue();
    }
}
