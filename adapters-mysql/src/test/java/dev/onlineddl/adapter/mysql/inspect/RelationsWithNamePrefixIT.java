package dev.onlineddl.adapter.mysql.inspect;

import dev.onlineddl.port.out.RelationKind;
import dev.onlineddl.port.out.SchemaInspectionException;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** {@link JdbcSchemaInspector#relationsWithNamePrefix}: the listing table garbage collection starts from. */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelationsWithNamePrefixIT {

    private final TestDatabase db;
    private final TestDatabase other;
    private final JdbcSchemaInspector inspector;

    RelationsWithNamePrefixIT(TestDatabase db) {
        this.db = db;
        this.other = db.createSiblingDatabase("other");
        this.inspector = new JdbcSchemaInspector(db.dataSource());
    }

    @BeforeAll
    void createTables() throws SQLException {
        execute(db, "CREATE TABLE `_vt_PURGE_dd2164646b5211eeba7c0a43f95f28a3_20240301100000` (id INT PRIMARY KEY)",
                "CREATE TABLE `_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20240301100000` (id INT PRIMARY KEY)",
                "CREATE VIEW `_vt_view` AS SELECT 1 AS one",
                // '_' and '%' are plain characters: a LIKE pattern '_vt_%' would match these two
                "CREATE TABLE `xvtx_lookalike` (id INT PRIMARY KEY)",
                "CREATE TABLE `_vt-dash` (id INT PRIMARY KEY)",
                "CREATE TABLE `_VT_upper` (id INT PRIMARY KEY)",
                "CREATE TABLE `orders` (id INT PRIMARY KEY)");
        execute(other, "CREATE TABLE `_vt_elsewhere` (id INT PRIMARY KEY)");
    }

    @Test
    void listsTablesAndViewsWhoseNamesStartWithThePrefixInNameOrder() throws SQLException {
        boolean folds = !"0".equals(queryString("SELECT @@lower_case_table_names"));

        Map<String, RelationKind> relations = inspector.relationsWithNamePrefix(db.name(), "_vt_");

        Map<String, RelationKind> expected = Map.of(
                "_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20240301100000", RelationKind.TABLE,
                "_vt_PURGE_dd2164646b5211eeba7c0a43f95f28a3_20240301100000", RelationKind.TABLE,
                "_vt_view", RelationKind.VIEW);
        if (folds) {
            // the server resolves _VT_upper under the prefix too, whatever case it stored
            assertThat(relations).containsAllEntriesOf(expected).hasSize(4);
            assertThat(relations.keySet()).anyMatch(name -> name.equalsIgnoreCase("_VT_upper"));
        } else {
            assertThat(relations).containsExactly(
                    entry("_vt_HOLD_dd2164646b5211eeba7c0a43f95f28a3_20240301100000", RelationKind.TABLE),
                    entry("_vt_PURGE_dd2164646b5211eeba7c0a43f95f28a3_20240301100000", RelationKind.TABLE),
                    entry("_vt_view", RelationKind.VIEW));
        }
    }

    @Test
    void aPrefixWithPatternCharactersIsMatchedLiterally() {
        assertThat(inspector.relationsWithNamePrefix(db.name(), "_vt-")).containsOnlyKeys("_vt-dash");
        assertThat(inspector.relationsWithNamePrefix(db.name(), "%")).isEmpty();
        assertThat(inspector.relationsWithNamePrefix(db.name(), "x")).containsOnlyKeys("xvtx_lookalike");
    }

    @Test
    void anEmptyPrefixListsEverything() {
        assertThat(inspector.relationsWithNamePrefix(db.name(), "")).containsKeys("orders", "_vt_view", "xvtx_lookalike");
    }

    @Test
    void otherSchemasAreNotListed() {
        assertThat(inspector.relationsWithNamePrefix(db.name(), "_vt_")).doesNotContainKey("_vt_elsewhere");
        assertThat(inspector.relationsWithNamePrefix(other.name(), "_vt_")).containsOnlyKeys("_vt_elsewhere");
        assertThat(inspector.relationsWithNamePrefix(db.name() + "_missing", "_vt_")).isEmpty();
    }

    @Test
    void theListingCannotBeChanged() {
        assertThatThrownBy(() -> inspector.relationsWithNamePrefix(db.name(), "_vt_").put("x", RelationKind.TABLE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anUnreachableServerIsReportedWithWhatWasAsked() throws IOException {
        JdbcSchemaInspector unreachable = new JdbcSchemaInspector(UnreachableServer.dataSource());
        assertThatThrownBy(() -> unreachable.relationsWithNamePrefix("shop", "_vt_"))
                .isInstanceOf(SchemaInspectionException.class)
                .hasMessageContaining("the tables of `shop` named _vt_...")
                .hasMessageContaining("check that the server is running");
    }

    private static void execute(TestDatabase database, String... statements) throws SQLException {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private String queryString(String query) throws SQLException {
        try (Connection connection = db.openConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
