package dev.onlineddl.adapter.mysql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.DdlStatement;
import dev.onlineddl.domain.ddl.DdlStatementKind;
import dev.onlineddl.domain.ddl.RewrittenAlterTable;
import dev.onlineddl.domain.ddl.RewrittenCreateTable;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus against a real server: for every supported statement, what the analyzer prints
 * builds exactly the schema the original builds, and so does the vreplication strategy's path
 * (copy the table with renamed constraints, apply the rewritten ALTER to the copy). Each case
 * starts from two empty databases: one for the statement as written, one for the analyzer's output.
 */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one pair of databases for all cases
class DdlCorpusIT {

    private static final MigrationUuid MIGRATION = MigrationUuid.parse("a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
    private static final String SHADOW_TABLE = "_a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a_20240101000000_vrepl";
    private static final String VIEW_COPY = "onlineddl_view_copy";
    /** Names the server gives unnamed CHECK and FOREIGN KEY constraints; their numbering depends on history. */
    private static final Pattern SERVER_GENERATED_CONSTRAINT = Pattern.compile("`(CONSTRAINT_\\d+|\\w+_ibfk_\\d+)`");

    private final JsqlDdlAnalyzer analyzer = new JsqlDdlAnalyzer();
    /** Where the corpus statement runs as written. */
    private final Target original;
    /** Where the analyzer's output runs, and the shadow-table copy sits next to the table as in production. */
    private final Target printed;

    DdlCorpusIT(TestDatabase database) throws SQLException {
        this.original = new Target(database);
        this.printed = new Target(database.createSiblingDatabase("printed"));
    }

    /** A database and one connection to it, kept for all cases: a new connection per statement costs more than the DDL. */
    private record Target(TestDatabase database, Connection connection) implements AutoCloseable {
        Target(TestDatabase database) throws SQLException {
            this(database, database.openConnection());
        }

        String name() {
            return database.name();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    @AfterAll
    void closeConnections() throws SQLException {
        try {
            original.close();
        } finally {
            printed.close();
        }
    }

    Stream<DdlCorpus.Case> supportedCases() {
        return DdlCorpus.supportedCases();
    }

    Stream<DdlCorpus.Case> unsupportedCases() {
        return DdlCorpus.unsupportedCases();
    }

    @BeforeEach
    void emptyDatabases() throws SQLException {
        dropEverything(original);
        dropEverything(printed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportedCases")
    void printedStatementBuildsTheSameSchemaAsTheOriginal(DdlCorpus.Case corpusCase) throws SQLException {
        List<DdlStatement> described = analyzer.analyzeSubmission(corpusCase.statement(), corpusCase.allowForeignKeys(),
                Optional.empty());
        for (String statement : corpusCase.setup()) {
            execute(original, statement);
            execute(printed, statement);
        }
        DdlStatement first = described.get(0);
        Optional<ShadowCopy> shadow = first.kind() == DdlStatementKind.ALTER_TABLE
                ? Optional.of(alterShadowCopy(first)) : Optional.empty();

        execute(original, corpusCase.statement());
        for (DdlStatement statement : described) {
            execute(printed, statement.sql());
        }

        Map<String, String> printedSchema = schema(printed);
        printedSchema.remove(SHADOW_TABLE);
        assertThat(printedSchema).isEqualTo(schema(original));
        switch (first.kind()) {
            case CREATE_TABLE -> assertCopyMatches(first.table(), showCreateTable(original, first.table()));
            case ALTER_TABLE -> assertThat(shadow.orElseThrow().withOriginalNames(first.table()))
                    .isEqualTo(withoutServerNames(showCreateTable(original, first.table())));
            case CREATE_VIEW, ALTER_VIEW -> assertViewCopyMatches(first, showCreateView(original, first.table()));
            default -> assertThat(first.kind()).isIn(DdlStatementKind.DROP_TABLE, DdlStatementKind.DROP_VIEW);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedCases")
    void unsupportedStatementIsValidSqlThatTheAnalyzerRejects(DdlCorpus.Case corpusCase) throws SQLException {
        assertThatThrownBy(() -> analyzer.analyzeSubmission(corpusCase.statement(), corpusCase.allowForeignKeys(),
                Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(corpusCase.expectedUnsupported().orElseThrow());

        assumeTrue(corpusCase.runsOnServer(), "the corpus notes why this statement cannot run on the test server");
        for (String statement : corpusCase.setup()) {
            execute(original, statement);
        }
        execute(original, corpusCase.statement()); // fails the test if the corpus holds invalid SQL
    }

    /** A shadow table after the rewritten ALTER, and the constraint renames that made it. */
    private record ShadowCopy(String create, Map<String, String> constraintRenames) {
        String withOriginalNames(String table) {
            return DdlCorpusIT.withOriginalNames(create, table, constraintRenames);
        }
    }

    /**
     * The vreplication path, before the ALTER runs on the table: copy the table with renamed
     * constraints, then apply the rewritten ALTER statements to the copy.
     */
    private ShadowCopy alterShadowCopy(DdlStatement alter) throws SQLException {
        RewrittenCreateTable copy = analyzer.rewriteCreateTableForCopy(showCreateTable(printed, alter.table()),
                alter.table(), SHADOW_TABLE, MIGRATION, true);
        execute(printed, copy.sql());
        RewrittenAlterTable rewritten = analyzer.rewriteAlterTableForShadow(alter.sql(), alter.table(), SHADOW_TABLE,
                MIGRATION, copy.constraintRenames());
        for (String statement : rewritten.statements()) {
            execute(printed, statement);
        }
        return new ShadowCopy(showCreateTable(printed, SHADOW_TABLE), rewritten.constraintRenames());
    }

    /** Vitess's createTableLike on a table the printed CREATE made: same table but for names. */
    private void assertCopyMatches(String table, String originalCreate) throws SQLException {
        RewrittenCreateTable copy = analyzer.rewriteCreateTableForCopy(showCreateTable(printed, table), table,
                SHADOW_TABLE, MIGRATION, true);
        execute(printed, copy.sql());

        String copied = showCreateTable(printed, SHADOW_TABLE);
        assertThat(withOriginalNames(copied, table, copy.constraintRenames())).isEqualTo(withoutServerNames(originalCreate));
    }

    /** Vitess's executeAlterViewOnline builds the new definition as CREATE OR REPLACE under another name. */
    private void assertViewCopyMatches(DdlStatement view, String originalCreate) throws SQLException {
        execute(printed, analyzer.viewAsCreateOrReplace(view.sql(), VIEW_COPY));

        String copy = showCreateView(printed, VIEW_COPY).replace("`" + VIEW_COPY + "`", "`" + view.table() + "`");
        assertThat(copy).isEqualTo(originalCreate);
    }

    private static String withOriginalNames(String create, String table, Map<String, String> renames) {
        String text = create.replace("`" + SHADOW_TABLE + "`", "`" + table + "`");
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            // an unnamed constraint has a server-generated name in the original: compare it as such
            String originalName = rename.getKey().isEmpty() ? "?" : rename.getKey();
            text = text.replace("`" + rename.getValue() + "`", "`" + originalName + "`");
        }
        return withoutServerNames(text);
    }

    private static String withoutServerNames(String create) {
        return SERVER_GENERATED_CONSTRAINT.matcher(create).replaceAll(Matcher.quoteReplacement("`?`"));
    }

    // ------------------------------------------------------------------ server helpers

    /** Drops every view and table, so each case starts from an empty database without the cost of a new one. */
    private static void dropEverything(Target target) throws SQLException {
        List<String> views = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Statement statement = target.connection().createStatement()) {
            try (ResultSet objects = statement.executeQuery("SHOW FULL TABLES")) {
                while (objects.next()) {
                    (objects.getString(2).equals("VIEW") ? views : tables).add(quote(objects.getString(1)));
                }
            }
            statement.execute("SET SESSION foreign_key_checks = 0");
            if (!views.isEmpty()) {
                statement.execute("DROP VIEW " + String.join(", ", views));
            }
            if (!tables.isEmpty()) {
                statement.execute("DROP TABLE " + String.join(", ", tables));
            }
            statement.execute("SET SESSION foreign_key_checks = 1");
        }
    }

    private static void execute(Target target, String sql) throws SQLException {
        try (Statement statement = target.connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("in " + target.name() + ": " + sql + ": " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), e);
        }
    }

    /** Every table and view of the database and its SHOW CREATE, the database name masked. */
    private static Map<String, String> schema(Target target) throws SQLException {
        Map<String, String> schema = new TreeMap<>();
        try (Statement statement = target.connection().createStatement();
                ResultSet tables = statement.executeQuery("SHOW FULL TABLES")) {
            while (tables.next()) {
                schema.put(tables.getString(1), tables.getString(2));
            }
        }
        for (Map.Entry<String, String> entry : schema.entrySet()) {
            entry.setValue(entry.getValue().equals("VIEW") ? showCreateView(target, entry.getKey())
                    : showCreateTable(target, entry.getKey()));
        }
        return schema;
    }

    private static String showCreateTable(Target target, String table) throws SQLException {
        return showCreate(target, "SHOW CREATE TABLE " + quote(table));
    }

    private static String showCreateView(Target target, String view) throws SQLException {
        return showCreate(target, "SHOW CREATE VIEW " + quote(view));
    }

    private static String showCreate(Target target, String query) throws SQLException {
        try (Statement statement = target.connection().createStatement(); ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).as(query).isTrue();
            return result.getString(2).replace("`" + target.name() + "`", "`<database>`");
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
