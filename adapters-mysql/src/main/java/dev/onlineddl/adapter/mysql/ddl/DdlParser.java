package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.ddl.AlterClause.DroppedConstraintKind;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.AlterTableStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.CreateTableStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.DropStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.RevertStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.ViewStatement;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.DdlSubmissionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;

/**
 * Parses one comment-free statement into a {@link ParsedStatement}: statement heads, ALTER
 * clauses, table and view options and DROP lists ourselves, everything inside a clause or a
 * CREATE body with JSQLParser, each JSQLParser result checked against its input token by token.
 */
final class DdlParser {

    private static final Pattern REVERT = Pattern.compile("(?is)^REVERT\\s+VITESS_MIGRATION\\s+'([^']*)'$");
    /** Vitess's legacy form {@code revert <uuid>}. */
    private static final Pattern LEGACY_REVERT = Pattern.compile("(?i)^revert\\s+(\\S*)$");

    /**
     * What JSQLParser is given in place of the table or view name, which is ours to read: JSQLParser
     * treats some names MySQL allows unquoted (e.g. {@code settings}) as keywords.
     */
    private static final String NAME_PLACEHOLDER = "`onlineddl_name`";

    /** A name JSQLParser parses in place of the missing name of {@code ADD CHECK (...)}, then removed. */
    private static final String UNNAMED_CHECK_PLACEHOLDER = "`onlineddl unnamed check`";

    /** Clauses that take a list of partition names, whose commas do not separate clauses. */
    private static final Set<String> PARTITION_LIST_OPERATIONS = Set.of(
            "DROP", "TRUNCATE", "ANALYZE", "CHECK", "OPTIMIZE", "REBUILD", "REPAIR", "DISCARD", "IMPORT", "REORGANIZE");

    private DdlParser() {
    }

    static ParsedStatement parse(String statement) {
        if (statement.regionMatches(true, 0, "REVERT", 0, "REVERT".length())) {
            return parseRevert(statement);
        }
        TokenCursor cursor = TokenCursor.over(statement);
        if (cursor.acceptWords("CREATE")) {
            return parseCreate(cursor, statement);
        }
        if (cursor.acceptWords("ALTER")) {
            return parseAlter(cursor, statement);
        }
        if (cursor.acceptWords("DROP")) {
            return parseDrop(cursor, statement);
        }
        throw DdlSubmissionRules.unsupportedStatement(statement,
                "online DDL migrates CREATE, ALTER and DROP of tables and views, and REVERT VITESS_MIGRATION");
    }

    // ------------------------------------------------------------------ REVERT

    private static RevertStatement parseRevert(String statement) {
        Matcher revert = REVERT.matcher(statement);
        Matcher legacy = LEGACY_REVERT.matcher(statement);
        String uuid;
        if (revert.matches()) {
            uuid = revert.group(1);
        } else if (legacy.matches() && !legacy.group(1).equalsIgnoreCase("VITESS_MIGRATION")) {
            uuid = legacy.group(1);
        } else {
            throw DdlSubmissionRules.unsupportedStatement(statement, "a revert is written REVERT VITESS_MIGRATION '<uuid>'");
        }
        if (!MigrationUuid.isValid(uuid)) {
            throw new InvalidInputException("invalid migration UUID '" + uuid + "' in " + statement
                    + ": REVERT names the migration to revert by its UUID, e.g. a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a");
        }
        return new RevertStatement(MigrationUuid.parse(uuid));
    }

    // ------------------------------------------------------------------ CREATE

    private static ParsedStatement parseCreate(TokenCursor cursor, String statement) {
        boolean orReplace = cursor.acceptWords("OR", "REPLACE");
        if (startsViewDefinition(cursor)) {
            return parseView(cursor, statement, false, orReplace);
        }
        if (cursor.peekWords("TEMPORARY")) {
            throw DdlSubmissionRules.unsupportedStatement(statement, "a temporary table exists only in its own session");
        }
        if (!cursor.acceptWords("TABLE")) {
            throw DdlSubmissionRules.unsupportedStatement(statement, "online DDL creates tables and views only");
        }
        if (orReplace) {
            throw DdlSubmissionRules.unsupportedStatement(statement,
                    "CREATE OR REPLACE TABLE drops the existing table: submit a DROP TABLE and a CREATE TABLE instead");
        }
        boolean ifNotExists = cursor.acceptWords("IF", "NOT", "EXISTS");
        TableName name = readTableName(cursor, statement);
        if (selectsRows(cursor)) {
            throw DdlSubmissionRules.unsupportedStatement(statement,
                    "CREATE TABLE ... SELECT copies data; create the table, then fill it outside online DDL");
        }
        String jsqlText = "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + NAME_PLACEHOLDER + " "
                + cursor.textToEnd(cursor.position());
        CreateTable ast = JsqlParsing.parse(jsqlText, CreateTable.class, statement, statement);
        if (ast.getSelect() != null) {
            throw DdlSubmissionRules.unsupportedStatement(statement,
                    "CREATE TABLE ... SELECT copies data; create the table, then fill it outside online DDL");
        }
        JsqlParsing.requireSameTokens(jsqlText, ast.toString(), statement);
        ast.setTable(new Table(name.text()));
        return new CreateTableStatement(name.value(), ifNotExists, ast);
    }

    /** Whether a SELECT follows at the top level (CREATE TABLE ... [AS] SELECT), without consuming anything. */
    private static boolean selectsRows(TokenCursor cursor) {
        int depth = 0;
        for (SqlToken token : cursor.tokens(cursor.position(), cursor.size())) {
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("SELECT")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ ALTER

    private static ParsedStatement parseAlter(TokenCursor cursor, String statement) {
        if (startsViewDefinition(cursor)) {
            return parseView(cursor, statement, true, false);
        }
        if (cursor.peekWords("ONLINE") || cursor.peekWords("IGNORE")) {
            throw DdlSubmissionRules.unsupportedStatement(statement, "ALTER " + cursor.peek().orElseThrow().upper()
                    + " TABLE is not supported: online DDL decides how the table is changed; remove "
                    + cursor.peek().orElseThrow().upper());
        }
        if (!cursor.acceptWords("TABLE")) {
            throw DdlSubmissionRules.unsupportedStatement(statement, "online DDL alters tables and views only");
        }
        boolean ifExists = cursor.acceptWords("IF", "EXISTS");
        TableName name = readTableName(cursor, statement);
        if (cursor.atEnd()) {
            throw new InvalidInputException("ALTER TABLE without any change: " + statement
                    + ": add the change to make, e.g. ALTER TABLE " + name.text() + " ENGINE=InnoDB to rebuild the table");
        }
        List<AlterClause> clauses = new ArrayList<>();
        for (int[] range : clauseRanges(cursor)) {
            clauses.addAll(parseClause(new TokenCursor(statement, cursor.tokens(range[0], range[1])), statement));
        }
        return new AlterTableStatement(name.value(), name.text(), ifExists, clauses);
    }

    /** Token index ranges of the comma-separated clauses from the cursor to the end. */
    private static List<int[]> clauseRanges(TokenCursor cursor) {
        List<int[]> ranges = new ArrayList<>();
        int depth = 0;
        int start = cursor.position();
        for (int i = cursor.position(); i < cursor.size(); i++) {
            SqlToken token = cursor.tokenAt(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (token.isSymbol(",") && depth == 0) {
                ranges.add(new int[] {start, i});
                start = i + 1;
            }
        }
        ranges.add(new int[] {start, cursor.size()});
        return mergePartitionNameLists(cursor, ranges);
    }

    /**
     * {@code DROP PARTITION p1, p2} is one clause: a range that is just a partition name (or a
     * name followed by INTO / TABLESPACE) belongs to the partition clause before it.
     */
    private static List<int[]> mergePartitionNameLists(TokenCursor cursor, List<int[]> ranges) {
        List<int[]> merged = new ArrayList<>();
        boolean previousTakesNames = false;
        for (int[] range : ranges) {
            List<SqlToken> tokens = cursor.tokens(range[0], range[1]);
            boolean continuesNameList = previousTakesNames && !tokens.isEmpty() && tokens.get(0).isIdentifier()
                    && (tokens.size() == 1 || tokens.get(1).isWord("INTO") || tokens.get(1).isWord("TABLESPACE"));
            if (continuesNameList) {
                merged.get(merged.size() - 1)[1] = range[1];
            } else {
                merged.add(range.clone());
                previousTakesNames = tokens.size() >= 2 && PARTITION_LIST_OPERATIONS.contains(tokens.get(0).upper())
                        && tokens.get(1).isWord("PARTITION");
            }
        }
        return merged;
    }

    private static List<AlterClause> parseClause(TokenCursor clause, String statement) {
        String text = clause.textToEnd(0);
        if (clause.atEnd()) {
            throw new InvalidInputException("cannot parse DDL statement: " + statement
                    + ": it has an empty clause (two commas in a row, or a comma at the end); remove the extra comma");
        }
        if (clause.peekWords("ALGORITHM") || clause.peekWords("LOCK")) {
            boolean algorithm = clause.next().isWord("ALGORITHM");
            clause.acceptSymbol("=");
            if (clause.size() - clause.position() != 1 || !clause.peek().orElseThrow().isIdentifier()) {
                throw JsqlParsing.cannotParse(text, statement, "expected " + (algorithm ? "ALGORITHM" : "LOCK")
                        + " [=] <value>");
            }
            String value = clause.next().upper();
            return List.of(algorithm ? new AlterClause.Algorithm(value) : new AlterClause.Lock(value));
        }
        if (TableOptions.peekName(clause).isPresent()) {
            return List.copyOf(TableOptions.readAll(clause).orElseThrow(() -> JsqlParsing.cannotParse(text, statement,
                    "expected table options, each written NAME [=] value")));
        }
        if (clause.peekWords("DROP", "FOREIGN", "KEY") || clause.peekWords("DROP", "CHECK")
                || clause.peekWords("DROP", "CONSTRAINT")) {
            return List.of(parseDropConstraint(clause, text, statement));
        }
        String jsqlText = text;
        boolean unnamedCheck = false;
        if (clause.peekWords("ADD", "CONSTRAINT") && clause.peek(2).map(token -> token.isWord("CHECK")
                || token.isWord("FOREIGN") || token.isWord("PRIMARY") || token.isWord("UNIQUE")).orElse(false)) {
            // CONSTRAINT without a name means nothing: MySQL names the constraint itself
            jsqlText = "ADD " + clause.textToEnd(2);
        }
        if (jsqlText.regionMatches(true, 0, "ADD ", 0, 4) && TokenCursor.over(jsqlText).peekWords("ADD", "CHECK")) {
            // JSQLParser 5.4 requires a name here; parse with a placeholder and remove it after
            jsqlText = "ADD CONSTRAINT " + UNNAMED_CHECK_PLACEHOLDER + jsqlText.substring("ADD".length());
            unnamedCheck = true;
        }
        Alter alter = JsqlParsing.parse("ALTER TABLE t " + jsqlText, Alter.class, statement, text);
        List<AlterExpression> expressions = alter.getAlterExpressions();
        if (expressions == null || expressions.size() != 1
                || expressions.get(0).getOperation() == AlterOperation.UNSPECIFIC) {
            throw JsqlParsing.cannotParse(text, statement, "not understood as one ALTER TABLE change");
        }
        AlterExpression expression = expressions.get(0);
        JsqlParsing.requireSameTokens(jsqlText, expression.toString(), statement);
        if (unnamedCheck) {
            ((CheckConstraint) expression.getIndex()).setName((String) null);
        }
        return List.of(new AlterClause.Parsed(expression));
    }

    private static AlterClause.DropConstraint parseDropConstraint(TokenCursor clause, String text, String statement) {
        clause.acceptWords("DROP");
        DroppedConstraintKind kind = clause.acceptWords("FOREIGN", "KEY") ? DroppedConstraintKind.FOREIGN_KEY
                : clause.acceptWords("CHECK") ? DroppedConstraintKind.CHECK
                : clause.acceptWords("CONSTRAINT") ? DroppedConstraintKind.CONSTRAINT : null;
        boolean ifExists = clause.acceptWords("IF", "EXISTS");
        if (kind == null || clause.size() - clause.position() != 1 || !clause.peek().orElseThrow().isIdentifier()) {
            throw JsqlParsing.cannotParse(text, statement, "expected DROP FOREIGN KEY|CHECK|CONSTRAINT [IF EXISTS] <name>");
        }
        return new AlterClause.DropConstraint(kind, ifExists, clause.next().identifierValue());
    }

    // ------------------------------------------------------------------ DROP

    private static DropStatement parseDrop(TokenCursor cursor, String statement) {
        if (cursor.peekWords("TEMPORARY")) {
            throw DdlSubmissionRules.unsupportedStatement(statement, "a temporary table exists only in its own session");
        }
        boolean view = cursor.acceptWords("VIEW");
        if (!view && !cursor.acceptWords("TABLE")) {
            throw DdlSubmissionRules.unsupportedStatement(statement, "online DDL drops tables and views only");
        }
        boolean ifExists = cursor.acceptWords("IF", "EXISTS");
        List<String> names = new ArrayList<>();
        do {
            names.add(readTableName(cursor, statement).value());
        } while (cursor.acceptSymbol(","));
        // RESTRICT and CASCADE are accepted by MySQL and do nothing
        if (!cursor.acceptWords("RESTRICT")) {
            cursor.acceptWords("CASCADE");
        }
        if (!cursor.atEnd()) {
            throw JsqlParsing.cannotParse(cursor.textToEnd(cursor.position()), statement,
                    "expected DROP " + (view ? "VIEW" : "TABLE") + " [IF EXISTS] <name> [, <name> ...]");
        }
        return new DropStatement(view, ifExists, names);
    }

    // ------------------------------------------------------------------ VIEWS

    private static boolean startsViewDefinition(TokenCursor cursor) {
        return cursor.peekWords("VIEW") || cursor.peekWords("ALGORITHM") || cursor.peekWords("DEFINER")
                || cursor.peekWords("SQL", "SECURITY");
    }

    private static ViewStatement parseView(TokenCursor cursor, String statement, boolean alter, boolean orReplace) {
        List<String> options = new ArrayList<>();
        while (!cursor.peekWords("VIEW")) {
            int start = cursor.position();
            if (cursor.acceptWords("ALGORITHM") && cursor.acceptSymbol("=") && nextIsIdentifier(cursor)) {
                options.add("ALGORITHM = " + cursor.next().upper());
            } else if (cursor.acceptWords("SQL", "SECURITY") && nextIsIdentifier(cursor)) {
                options.add("SQL SECURITY " + cursor.next().upper());
            } else if (cursor.acceptWords("DEFINER") && cursor.acceptSymbol("=")) {
                StringBuilder definer = new StringBuilder();
                while (!cursor.atEnd() && !cursor.peekWords("VIEW") && !cursor.peekWords("SQL", "SECURITY")) {
                    definer.append(cursor.next().text());
                }
                if (definer.isEmpty()) {
                    throw JsqlParsing.cannotParse(cursor.textToEnd(start), statement, "DEFINER = <user> expected");
                }
                options.add("DEFINER = " + definer);
            } else {
                throw JsqlParsing.cannotParse(cursor.textToEnd(start), statement,
                        "expected ALGORITHM = ..., DEFINER = ..., SQL SECURITY ... or VIEW");
            }
        }
        cursor.acceptWords("VIEW");
        int bodyStart = cursor.position();
        boolean ifNotExists = cursor.acceptWords("IF", "NOT", "EXISTS");
        TableName name = readTableName(cursor, statement);
        if (alter && ifNotExists) {
            throw JsqlParsing.cannotParse(cursor.textToEnd(bodyStart), statement, "ALTER VIEW takes no IF NOT EXISTS");
        }
        String jsqlText = ViewStatement.PLAIN_HEAD + (ifNotExists ? "IF NOT EXISTS " : "") + NAME_PLACEHOLDER + " "
                + cursor.textToEnd(cursor.position());
        CreateView ast = JsqlParsing.parse(jsqlText, CreateView.class, statement, statement);
        JsqlParsing.requireSameTokens(jsqlText, ast.toString(), statement);
        ast.setView(new Table(name.text()));
        return new ViewStatement(alter, orReplace, String.join(" ", options), name.value(), ast);
    }

    private static boolean nextIsIdentifier(TokenCursor cursor) {
        return cursor.peek().map(SqlToken::isIdentifier).orElse(false);
    }

    // ------------------------------------------------------------------ names

    /** A table or view name as written and as stored. */
    record TableName(String value, String text) {
    }

    private static TableName readTableName(TokenCursor cursor, String statement) {
        if (!nextIsIdentifier(cursor)) {
            throw JsqlParsing.cannotParse(cursor.atEnd() ? statement : cursor.textToEnd(cursor.position()), statement,
                    "a table or view name was expected");
        }
        SqlToken name = cursor.next();
        if (cursor.peekSymbol(".")) {
            throw DdlSubmissionRules.unsupportedStatement(statement, "the schema-qualified name " + name.text()
                    + "." + cursor.peek(1).map(SqlToken::text).orElse("") + " is not supported: online DDL changes tables of"
                    + " the database it runs for; remove the " + name.text() + ". prefix");
        }
        return new TableName(name.identifierValue(), name.text());
    }
}
