package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.DdlStatement;
import dev.onlineddl.domain.naming.Identifiers;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;

/**
 * A statement online DDL supports, parsed. The JSQLParser trees inside belong to one parse: a
 * rewrite parses the text again and changes its own copy.
 */
sealed interface ParsedStatement {

    /** The statement, printed: normalised spacing and keyword case, no comments. */
    String sql();

    /**
     * @param table       the table's name, unquoted
     * @param ast         JSQLParser's tree
     */
    record CreateTableStatement(String table, boolean ifNotExists, CreateTable ast) implements ParsedStatement {
        public CreateTableStatement {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(ast, "ast");
        }

        @Override
        public String sql() {
            return SqlLexer.singleSpaced(ast.toString());
        }
    }

    /**
     * @param table     the table's name, unquoted
     * @param tableText the name as written (quoted or not), printed back as is
     * @param clauses   the changes, in order; never empty
     */
    record AlterTableStatement(String table, String tableText, boolean ifExists, List<AlterClause> clauses)
            implements ParsedStatement {
        public AlterTableStatement {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(tableText, "table text");
            clauses = List.copyOf(clauses);
        }

        @Override
        public String sql() {
            return print(tableText, clauses);
        }

        /** {@code ALTER TABLE <tableSql> <clause>, <clause>...} */
        String print(String tableSql, List<? extends AlterClause> someClauses) {
            return "ALTER TABLE " + (ifExists ? "IF EXISTS " : "") + tableSql + " "
                    + someClauses.stream().map(AlterClause::sql).collect(Collectors.joining(", "));
        }
    }

    /**
     * {@code DROP TABLE|VIEW [IF EXISTS] a, b, ...}.
     *
     * @param names the dropped tables or views, unquoted, in order
     */
    record DropStatement(boolean view, boolean ifExists, List<String> names) implements ParsedStatement {
        public DropStatement {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a DROP names at least one table or view");
            }
        }

        @Override
        public String sql() {
            return head() + names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
        }

        /** The statement dropping only {@code name} (a DROP of several tables is one migration per table, as in Vitess). */
        String sqlDropping(String name) {
            return head() + Identifiers.quote(name);
        }

        private String head() {
            return "DROP " + (view ? "VIEW " : "TABLE ") + (ifExists ? "IF EXISTS " : "");
        }
    }

    /**
     * {@code CREATE [OR REPLACE] [options] VIEW ...} or {@code ALTER [options] VIEW ...}.
     *
     * @param alter     an ALTER VIEW (else a CREATE VIEW)
     * @param orReplace CREATE OR REPLACE
     * @param options   ALGORITHM / DEFINER / SQL SECURITY as normalised text, empty if none; JSQLParser
     *                  does not parse them, so we do
     * @param view      the view's name, unquoted
     * @param ast       the rest, parsed by JSQLParser as a plain {@code CREATE VIEW}
     */
    record ViewStatement(boolean alter, boolean orReplace, String options, String view, CreateView ast)
            implements ParsedStatement {
        static final String PLAIN_HEAD = "CREATE VIEW ";

        public ViewStatement {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(ast, "ast");
        }

        boolean ifNotExists() {
            return ast.isIfNotExists();
        }

        @Override
        public String sql() {
            return head(alter, orReplace) + body(SqlLexer.singleSpaced(ast.toString()));
        }

        /**
         * The statement as {@code CREATE OR REPLACE ... VIEW} under another (already quoted) name;
         * IF NOT EXISTS, which MySQL refuses next to OR REPLACE, is left out.
         */
        String sqlAsCreateOrReplace(String quotedName) {
            Table original = ast.getView();
            boolean ifNotExists = ast.isIfNotExists();
            ast.setView(new Table(quotedName));
            ast.setIfNotExists(false);
            try {
                return head(false, true) + body(SqlLexer.singleSpaced(ast.toString()));
            } finally {
                ast.setView(original);
                ast.setIfNotExists(ifNotExists);
            }
        }

        private String head(boolean asAlter, boolean asOrReplace) {
            return (asAlter ? "ALTER " : asOrReplace ? "CREATE OR REPLACE " : "CREATE ")
                    + (options.isEmpty() ? "" : options + " ") + "VIEW ";
        }

        /** JSQLParser's text after {@code CREATE VIEW }; the tree is parsed without OR REPLACE so it prints that way. */
        private static String body(String printed) {
            if (!printed.startsWith(PLAIN_HEAD)) {
                throw new IllegalStateException("JSQLParser printed a view as \"" + printed + "\", expected it to start with "
                        + PLAIN_HEAD);
            }
            return printed.substring(PLAIN_HEAD.length());
        }
    }

    /** {@code REVERT VITESS_MIGRATION '<uuid>'}. */
    record RevertStatement(MigrationUuid revertedMigration) implements ParsedStatement {
        public RevertStatement {
            Objects.requireNonNull(revertedMigration, "reverted migration");
        }

        @Override
        public String sql() {
            return DdlStatement.revert(revertedMigration).sql();
        }
    }
}
