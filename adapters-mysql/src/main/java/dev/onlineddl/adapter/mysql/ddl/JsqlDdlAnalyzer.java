package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.AlterTableStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.CreateTableStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.DropStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.RevertStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.ViewStatement;
import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.AlterColumnChanges;
import dev.onlineddl.domain.ddl.DdlStatement;
import dev.onlineddl.domain.ddl.DdlStatementKind;
import dev.onlineddl.domain.ddl.DdlSubmissionRules;
import dev.onlineddl.domain.ddl.RewrittenAlterTable;
import dev.onlineddl.domain.ddl.RewrittenCreateTable;
import dev.onlineddl.domain.ddl.SpecialAlterPlan;
import dev.onlineddl.domain.ddl.SpecialPlanOptions;
import dev.onlineddl.domain.naming.ConstraintRenamer;
import dev.onlineddl.domain.naming.ConstraintType;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.port.out.DdlAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpressionDrop;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;

/**
 * {@link DdlAnalyzer} for MySQL and MariaDB DDL, built on JSQLParser 5.4 and our own lexer (see
 * the package documentation for which does what). Stateless and thread-safe.
 */
public final class JsqlDdlAnalyzer implements DdlAnalyzer {

    @Override
    public List<DdlStatement> analyzeSubmission(String sql, boolean allowForeignKeys, Optional<MigrationUuid> providedUuid) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(providedUuid, "provided UUID");
        List<String> statements = SqlScript.statements(sql);
        if (statements.isEmpty()) {
            throw new InvalidInputException("no DDL statement submitted: the SQL is empty or only comments");
        }
        List<DdlStatement> described = new ArrayList<>();
        for (String statement : statements) {
            ParsedStatement parsed = DdlParser.parse(statement);
            checkSubmittable(parsed, allowForeignKeys);
            described.addAll(descriptions(parsed, statement));
        }
        DdlSubmissionRules.requireSingleMigrationForProvidedUuid(providedUuid, described);
        return List.copyOf(described);
    }

    @Override
    public DdlStatement describe(String sql) {
        String statement = single(sql, "a migration statement");
        List<DdlStatement> described = descriptions(DdlParser.parse(statement), statement);
        if (described.size() != 1) {
            throw new InvalidInputException("expected a statement for one migration, got one for " + described.size()
                    + " tables: " + statement + ": drop one table per statement");
        }
        return described.get(0);
    }

    @Override
    public RewrittenCreateTable rewriteCreateTableForCopy(String showCreateTable, String originalTable, String newTable,
            MigrationUuid migration, boolean allowForeignKeys) {
        Objects.requireNonNull(originalTable, "original table");
        Objects.requireNonNull(newTable, "new table");
        Objects.requireNonNull(migration, "migration");
        String statement = single(showCreateTable, "a SHOW CREATE TABLE result");
        CreateTableStatement create = expect(DdlParser.parse(statement), CreateTableStatement.class, statement,
                "SHOW CREATE TABLE of " + originalTable);
        if (!allowForeignKeys && hasForeignKey(create.ast())) {
            throw DdlSubmissionRules.foreignKeyNotAllowed(originalTable, statement);
        }
        CreateTable ast = create.ast();
        ast.setTable(new Table(Identifiers.quote(Identifiers.requireWithinLengthLimit(newTable, "table copy name"))));
        ConstraintRenamer renamer = new ConstraintRenamer(migration, originalTable, Map.of());
        if (ast.getIndexes() != null) {
            for (Index index : ast.getIndexes()) {
                renameConstraint(index, renamer);
            }
        }
        String sql = create.sql();
        requireStableReparse(sql, statement);
        return new RewrittenCreateTable(sql, renamer.renames());
    }

    @Override
    public RewrittenAlterTable rewriteAlterTableForShadow(String alterSql, String originalTable, String shadowTable,
            MigrationUuid migration, Map<String, String> constraintRenames) {
        Objects.requireNonNull(originalTable, "original table");
        Objects.requireNonNull(shadowTable, "shadow table");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(constraintRenames, "constraint renames");
        String statement = single(alterSql, "an ALTER TABLE");
        AlterTableStatement alter = expect(DdlParser.parse(statement), AlterTableStatement.class, statement,
                "the ALTER TABLE of migration " + migration);
        // checked at submit already; a RENAME here would move the shadow table away under the migration
        checkSubmittable(alter, true);
        ConstraintRenamer renamer = new ConstraintRenamer(migration, originalTable, constraintRenames);
        String shadow = Identifiers.quote(shadowTable);
        AlterClause copyAlgorithm = new AlterClause.Algorithm("COPY");

        List<AlterClause> mainClauses = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        List<String> extraFulltextStatements = new ArrayList<>();
        boolean fulltextSeen = false;
        boolean partitioning = false;
        for (AlterClause clause : alter.clauses()) {
            if (clause instanceof AlterClause.Algorithm) {
                continue; // we choose the algorithm for the shadow table ourselves
            }
            if (clause instanceof AlterClause.DropConstraint drop) {
                mainClauses.add(mappedDrop(drop, renamer));
                continue;
            }
            if (clause instanceof AlterClause.Parsed parsed) {
                parsed.addedIndex().ifPresent(index -> renameConstraint(index, renamer));
                partitioning |= parsed.isPartitionClause();
                if (parsed.addsFulltextIndex()) {
                    if (fulltextSeen) {
                        // InnoDB builds one FULLTEXT index per ALTER: each further one gets its own
                        extraFulltextStatements.add(shadowAlter(alter, shadow, List.of(clause, copyAlgorithm)));
                        continue;
                    }
                    fulltextSeen = true;
                }
            }
            mainClauses.add(clause);
        }
        // partition maintenance (DROP PARTITION ...) takes no ALGORITHM on MariaDB, in any position
        if (!partitioning) {
            mainClauses.add(copyAlgorithm);
        }
        statements.add(shadowAlter(alter, shadow, mainClauses));
        statements.addAll(extraFulltextStatements);
        for (String rewritten : statements) {
            requireStableReparse(rewritten, statement);
        }
        return new RewrittenAlterTable(statements, renamer.renames());
    }

    @Override
    public Optional<SpecialAlterPlan> analyzeSpecialAlterPlan(String alterSql, String showCreateTable,
            SpecialPlanOptions options) {
        Objects.requireNonNull(options, "options");
        String alterStatement = single(alterSql, "an ALTER TABLE");
        ParsedStatement parsed = DdlParser.parse(alterStatement);
        if (!(parsed instanceof AlterTableStatement alter)) {
            return Optional.empty(); // special plans are for ALTER TABLE only
        }
        String createStatement = single(showCreateTable, "a SHOW CREATE TABLE result");
        CreateTableStatement table = expect(DdlParser.parse(createStatement), CreateTableStatement.class, createStatement,
                "SHOW CREATE TABLE of " + alter.table());
        Optional<SpecialAlterPlan> plan = SpecialAlterPlans.analyze(alter, table, options);
        plan.filter(SpecialAlterPlan.InstantDdl.class::isInstance)
                .ifPresent(instant -> requireStableReparse(((SpecialAlterPlan.InstantDdl) instant).instantAlterSql(),
                        alterStatement));
        return plan;
    }

    @Override
    public String viewAsCreateOrReplace(String viewSql, String newViewName) {
        Objects.requireNonNull(newViewName, "new view name");
        String statement = single(viewSql, "a CREATE VIEW or ALTER VIEW");
        ViewStatement view = expect(DdlParser.parse(statement), ViewStatement.class, statement, "a view definition");
        String sql = view.sqlAsCreateOrReplace(Identifiers.quote(newViewName));
        requireStableReparse(sql, statement);
        return sql;
    }

    @Override
    public AlterColumnChanges alterColumnChanges(String alterSql) {
        String statement = single(alterSql, "an ALTER TABLE");
        AlterTableStatement alter = expect(DdlParser.parse(statement), AlterTableStatement.class, statement,
                "an ALTER TABLE");
        Set<String> dropped = new LinkedHashSet<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        boolean renamesTable = false;
        boolean setsAutoIncrement = false;
        for (AlterClause clause : alter.clauses()) {
            if (clause instanceof AlterClause.TableOption option) {
                setsAutoIncrement |= option.name().equals("AUTO_INCREMENT");
            } else if (clause instanceof AlterClause.Parsed parsed) {
                AlterExpression expression = parsed.expression();
                switch (expression.getOperation()) {
                    // DROP INDEX/KEY are DROPs too, but name no column
                    case DROP -> {
                        if (expression instanceof AlterExpressionDrop && expression.getColumnName() != null) {
                            dropped.add(ColumnShape.unquote(expression.getColumnName()));
                        }
                    }
                    // CHANGE old new: a rename even when the name stays, so the copy maps old to new either way
                    case CHANGE -> renamed.put(ColumnShape.unquote(expression.getColumnOldName()),
                            ColumnShape.unquote(expression.getColDataTypeList().get(0).getColumnName()));
                    case RENAME -> renamed.put(ColumnShape.unquote(expression.getColumnOldName()),
                            ColumnShape.unquote(expression.getColumnName()));
                    case RENAME_TABLE -> renamesTable = true;
                    default -> {
                        // adds, modifies, indexes, partitions: no column of the old table goes or changes its name
                    }
                }
            }
        }
        return new AlterColumnChanges(dropped, renamed, renamesTable, setsAutoIncrement);
    }

    // ------------------------------------------------------------------ description and checks

    /** One description per migration the statement makes, each checked to read back as itself. */
    private static List<DdlStatement> descriptions(ParsedStatement parsed, String statement) {
        List<DdlStatement> described = new ArrayList<>();
        if (parsed instanceof CreateTableStatement create) {
            described.add(DdlStatement.of(DdlStatementKind.CREATE_TABLE, create.table(), false, create.ifNotExists(), false,
                    create.sql()));
        } else if (parsed instanceof AlterTableStatement alter) {
            described.add(DdlStatement.of(DdlStatementKind.ALTER_TABLE, alter.table(), alter.ifExists(), false, false,
                    alter.sql()));
        } else if (parsed instanceof DropStatement drop) {
            DdlStatementKind kind = drop.view() ? DdlStatementKind.DROP_VIEW : DdlStatementKind.DROP_TABLE;
            for (String name : drop.names()) {
                described.add(DdlStatement.of(kind, name, drop.ifExists(), false, false, drop.sqlDropping(name)));
            }
        } else if (parsed instanceof ViewStatement view) {
            described.add(DdlStatement.of(view.alter() ? DdlStatementKind.ALTER_VIEW : DdlStatementKind.CREATE_VIEW,
                    view.view(), false, view.ifNotExists(), view.orReplace(), view.sql()));
        } else if (parsed instanceof RevertStatement revert) {
            described.add(DdlStatement.revert(revert.revertedMigration()));
        }
        for (DdlStatement each : described) {
            requireStableReparse(each.sql(), statement);
        }
        return described;
    }

    private static void checkSubmittable(ParsedStatement parsed, boolean allowForeignKeys) {
        if (parsed instanceof CreateTableStatement create && !allowForeignKeys && hasForeignKey(create.ast())) {
            throw DdlSubmissionRules.foreignKeyNotAllowed(create.table(), create.sql());
        }
        if (parsed instanceof AlterTableStatement alter) {
            for (AlterClause clause : alter.clauses()) {
                if (clause instanceof AlterClause.Parsed each) {
                    if (each.operation() == AlterOperation.RENAME_TABLE) {
                        throw DdlSubmissionRules.alterRenameNotAllowed(alter.table(), alter.sql());
                    }
                    if (!allowForeignKeys && each.addsForeignKey()) {
                        throw DdlSubmissionRules.foreignKeyNotAllowed(alter.table(), alter.sql());
                    }
                }
            }
        }
    }

    private static boolean hasForeignKey(CreateTable create) {
        if (create.getIndexes() != null && create.getIndexes().stream().anyMatch(ForeignKeyIndex.class::isInstance)) {
            return true;
        }
        // a column's inline REFERENCES: MariaDB (and MySQL 9) make it a FOREIGN KEY
        List<ColumnDefinition> columns = create.getColumnDefinitions();
        return columns != null && columns.stream().anyMatch(column -> column.getColumnSpecs() != null
                && column.getColumnSpecs().stream().anyMatch(spec -> spec.regionMatches(true, 0, "REFERENCES", 0, 10)));
    }

    // ------------------------------------------------------------------ rewriting

    /** Renames a CHECK or FOREIGN KEY constraint; leaves other indexes alone. */
    private static void renameConstraint(Index index, ConstraintRenamer renamer) {
        ConstraintType type = index instanceof CheckConstraint ? ConstraintType.CHECK
                : index instanceof ForeignKeyIndex ? ConstraintType.FOREIGN_KEY : null;
        if (type == null) {
            return;
        }
        NamedConstraint constraint = (NamedConstraint) index;
        String oldName = constraint.getName() == null ? "" : ColumnShape.unquote(constraint.getName());
        constraint.setName((String) null);
        // the hash input: what the constraint is, without its name
        String body = SqlLexer.singleSpaced(constraint.toString());
        String newName = renamer.rename(type, oldName, body);
        constraint.setName(Identifiers.quote(newName));
    }

    private static AlterClause mappedDrop(AlterClause.DropConstraint drop, ConstraintRenamer renamer) {
        Optional<String> renamed = renamer.renamed(drop.name());
        if (renamed.isPresent()) {
            return drop.renamed(renamed.get());
        }
        if (drop.ifExists()) {
            return drop; // not on the table, so not on its copy either: IF EXISTS makes it a no-op on both
        }
        return drop.renamed(renamer.nameForDrop(drop.name(), drop.sql()));
    }

    private static String shadowAlter(AlterTableStatement alter, String shadow, List<AlterClause> clauses) {
        return new AlterTableStatement(alter.table(), shadow, false, clauses).sql();
    }

    // ------------------------------------------------------------------ helpers

    private static String single(String sql, String what) {
        Objects.requireNonNull(sql, what);
        List<String> statements = SqlScript.statements(sql);
        if (statements.size() != 1) {
            throw new InvalidInputException("expected " + what + " as exactly one statement, got " + statements.size()
                    + ": " + sql.strip());
        }
        return statements.get(0);
    }

    private static <T extends ParsedStatement> T expect(ParsedStatement parsed, Class<T> type, String statement,
            String what) {
        if (!type.isInstance(parsed)) {
            throw new InvalidInputException("expected " + what + ", got: " + statement);
        }
        return type.cast(parsed);
    }

    /**
     * Parses printed SQL again and requires it to print identically: a rewrite must never hand out
     * text that reads back as something else.
     */
    private static void requireStableReparse(String printed, String original) {
        ParsedStatement reparsed;
        try {
            reparsed = DdlParser.parse(printed);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("rewriting " + original + " produced " + printed
                    + ", which does not parse back: " + e.getMessage(), e);
        }
        String reprinted = reparsed instanceof DropStatement drop && drop.names().size() == 1
                ? drop.sqlDropping(drop.names().get(0)) : reparsed.sql();
        if (!reprinted.equals(printed)) {
            throw new IllegalStateException("rewriting " + original + " produced " + printed + ", which reads back as "
                    + reprinted);
        }
    }
}
