package dev.onlineddl.service.it;

import static dev.onlineddl.service.it.TargetDatabase.artifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Vitess's onlineddl end-to-end tests, the declarative and foreign-key scenarios that need no schema diff and no row
 * copy; a declarative CREATE of an existing table or view is {@link DeclarativeMigrationsIT}'s.
 */
class DeclarativeAndForeignKeysIT extends ExecutorItSupport {

    private static final String DECLARATIVE = ONLINE + " --declarative";

    @Test
    void declarativeCreateOfAMissingTableCreatesIt() {
        MigrationUuid create = submitOne("create table t1 (id int primary key)", DECLARATIVE);

        awaitStatus(create, "complete");

        assertThat(target.exists("t1")).isTrue();
        assertThat(artifacts(target.row(create))).hasSize(1);
    }

    @Test
    void declarativeDropOfAnExistingTableDropsItAndOfAMissingOneChangesNothing() {
        target.execute("create table t1 (id int primary key)");

        MigrationUuid drop = submitOne("drop table t1", DECLARATIVE);
        awaitStatus(drop, "complete");
        MigrationUuid dropAgain = submitOne("drop table t1", DECLARATIVE);
        awaitStatus(dropAgain, "complete");

        assertThat(target.exists("t1")).isFalse();
        assertThat(artifacts(target.row(drop))).hasSize(1);
        assertThat(target.row(dropAgain)).containsEntry("message", "no change");
        assertThat(artifacts(target.row(dropAgain))).isEmpty();

        MigrationUuid revertOfNoop = submitOne("revert vitess_migration '" + dropAgain + "'", DECLARATIVE);
        awaitStatus(revertOfNoop, "complete");
        assertThat(target.exists("t1")).as("reverting a drop that dropped nothing brings nothing back").isFalse();
    }

    @Test
    void declarativeRejectsAlterAndTheIfExistsIfNotExistsAndOrReplaceForms() {
        target.execute("create table t1 (id int primary key)");
        target.execute("create view v1 as select id from t1");

        MigrationUuid alter = submitOne("alter table t1 add column i int", DECLARATIVE);
        MigrationUuid createIfNotExists = submitOne("create table if not exists t2 (id int primary key)", DECLARATIVE);
        MigrationUuid dropIfExists = submitOne("drop table if exists t1", DECLARATIVE);
        MigrationUuid orReplace = submitOne("create or replace view v1 as select id from t1", DECLARATIVE);
        MigrationUuid alterView = submitOne("alter view v1 as select id from t1", DECLARATIVE);

        awaitStatus(alter, "failed");
        awaitStatus(createIfNotExists, "failed");
        awaitStatus(dropIfExists, "failed");
        awaitStatus(orReplace, "failed");
        awaitStatus(alterView, "failed");

        assertThat(target.row(alter)).containsEntry("message",
                "strategy is declarative. ALTER cannot run in declarative mode for migration " + alter);
        assertThat(target.row(createIfNotExists)).containsEntry("message",
                "strategy is declarative. IF NOT EXISTS does not work in declarative mode for migration " + createIfNotExists);
        assertThat(target.row(dropIfExists)).containsEntry("message",
                "strategy is declarative. IF EXISTS does not work in declarative mode for migration " + dropIfExists);
        assertThat(target.row(orReplace)).containsEntry("message",
                "strategy is declarative. OR REPLACE does not work in declarative mode for migration " + orReplace);
        assertThat(target.tables()).containsExactly("t1", "v1");
        assertThat(target.columns("t1")).containsExactly("id");
    }

    @Test
    void nonDeclarativeCreateIfNotExistsWorks() {
        MigrationUuid create = submitOne("create table if not exists t1 (id int primary key)", ONLINE);

        awaitStatus(create, "complete");

        assertThat(target.exists("t1")).isTrue();
    }

    @Test
    void aContextTaggedStatementAndItsExactDuplicateBothComplete() {
        MigrationUuid first = submitOne("create table t1 (id int primary key)", DECLARATIVE, "decl:dup", null);
        awaitStatus(first, "complete");
        MigrationUuid duplicate = submitOne("create table t1 (id int primary key)", DECLARATIVE, "decl:dup", null);

        awaitStatus(duplicate, "complete");

        assertThat((String) target.row(duplicate).get("message")).startsWith("duplicate DDL as " + first);
    }

    @Test
    void zeroDateDefaultsNeedAllowZeroInDate() throws SQLException {
        String create = "create table zd (id int primary key, dt datetime not null default '0000-00-00 00:00:00')";
        try (Connection admin = target.database().server().openAdminConnection(); Statement statement = admin.createStatement()) {
            String original = globalSqlMode(statement);
            statement.execute("SET GLOBAL sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE'");
            try {
                MigrationUuid plain = submitOne(create, ONLINE);
                awaitStatus(plain, "failed");
                assertThat((String) target.row(plain).get("message")).contains("Invalid default value for 'dt'");
                assertThat(target.exists("zd")).isFalse();

                MigrationUuid allowed = submitOne(create, ONLINE + " --allow-zero-in-date");
                awaitStatus(allowed, "complete");
                assertThat(target.exists("zd")).isTrue();
            } finally {
                try (PreparedStatement restore = admin.prepareStatement("SET GLOBAL sql_mode = ?")) {
                    restore.setString(1, original);
                    restore.execute();
                }
            }
        }
    }

    private static String globalSqlMode(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT @@GLOBAL.sql_mode")) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void foreignKeysAreRejectedAtSubmitUnlessAllowed() {
        target.execute("create table parent_table (id int primary key)");
        target.execute("create table child_table (id int primary key, parent_id int)");

        assertThatThrownBy(() -> submit("alter table child_table add constraint child_parent_fk foreign key (parent_id) "
                + "references parent_table (id)", ONLINE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("foreign key constraints are not supported in online DDL");
        assertThat(target.migrationRows()).isEmpty();

        MigrationUuid allowed = submitOne("alter table child_table add constraint child_parent_fk foreign key (parent_id) "
                + "references parent_table (id)", ONLINE + " --unsafe-allow-foreign-keys");
        awaitStatus(allowed, "complete");
        assertThat(target.query("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = ?", target.name())).singleElement()
                .satisfies(row -> assertThat(row.get("CONSTRAINT_NAME")).isEqualTo("child_parent_fk"));
    }
}
