package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.domain.naming.Identifiers;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpressionPartition;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/** One comma-separated change of an ALTER TABLE. */
sealed interface AlterClause {

    /** The clause as printed into the ALTER. */
    String sql();

    /**
     * A clause JSQLParser understood. The expression is owned by one parse of one statement, and
     * is only changed by the rewrite that made that parse.
     */
    record Parsed(AlterExpression expression) implements AlterClause {
        public Parsed {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String sql() {
            return SqlLexer.singleSpaced(expression.toString());
        }

        AlterOperation operation() {
            return expression.getOperation();
        }

        /** The index, key or constraint an ADD adds. */
        Optional<Index> addedIndex() {
            return operation() == AlterOperation.ADD ? Optional.ofNullable(expression.getIndex()) : Optional.empty();
        }

        boolean addsFulltextIndex() {
            return addedIndex().map(index -> index.getType() != null
                    && index.getType().toUpperCase(Locale.ROOT).startsWith("FULLTEXT")).orElse(false);
        }

        boolean addsForeignKey() {
            return addedIndex().map(ForeignKeyIndex.class::isInstance).orElse(false) || columnReferencesATable();
        }

        boolean addsCheckConstraint() {
            return addedIndex().map(CheckConstraint.class::isInstance).orElse(false);
        }

        /** A column definition with an inline {@code REFERENCES}, which MariaDB turns into a FOREIGN KEY. */
        private boolean columnReferencesATable() {
            List<AlterExpression.ColumnDataType> columns = expression.getColDataTypeList();
            return columns != null && columns.stream().anyMatch(column -> column.getColumnSpecs() != null
                    && column.getColumnSpecs().stream().anyMatch(spec -> spec.equalsIgnoreCase("REFERENCES")
                            || spec.toUpperCase(Locale.ROOT).startsWith("REFERENCES ")));
        }

        /** DROP/ADD/TRUNCATE/... PARTITION, REMOVE PARTITIONING, PARTITION BY: everything about partitions. */
        boolean isPartitionClause() {
            return expression instanceof AlterExpressionPartition;
        }
    }

    /**
     * A table option, e.g. {@code ROW_FORMAT=COMPRESSED} or {@code DEFAULT CHARSET utf8mb4}: parsed
     * by us because JSQLParser only keeps a few of them apart.
     *
     * @param name      the option's keywords, upper case, single spaces
     * @param hasEquals whether {@code =} was written between name and value
     * @param value     the value as written
     */
    record TableOption(String name, boolean hasEquals, String value) implements AlterClause {
        public TableOption {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String sql() {
            return name + (hasEquals ? " = " : " ") + value;
        }
    }

    /** {@code ALGORITHM [=] value}. */
    record Algorithm(String value) implements AlterClause {
        public Algorithm {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String sql() {
            return "ALGORITHM = " + value;
        }
    }

    /** {@code LOCK [=] value}. */
    record Lock(String value) implements AlterClause {
        public Lock {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String sql() {
            return "LOCK = " + value;
        }
    }

    /** How a dropped constraint was named by the user. */
    enum DroppedConstraintKind {
        /** {@code DROP FOREIGN KEY}: kept, since it is the only form MySQL 5.7 knows. */
        FOREIGN_KEY,
        /** {@code DROP CHECK} (MySQL 8.0.16+): printed as DROP CONSTRAINT, which MariaDB and MySQL 8.0.19+ accept. */
        CHECK,
        /** {@code DROP CONSTRAINT}. */
        CONSTRAINT
    }

    /**
     * {@code DROP FOREIGN KEY x}, {@code DROP CHECK x} or {@code DROP CONSTRAINT x}; parsed by us
     * because JSQLParser 5.4 does not know the first two.
     *
     * @param name the constraint's name, unquoted
     */
    record DropConstraint(DroppedConstraintKind kind, boolean ifExists, String name) implements AlterClause {
        public DropConstraint {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String sql() {
            return (kind == DroppedConstraintKind.FOREIGN_KEY ? "DROP FOREIGN KEY " : "DROP CONSTRAINT ")
                    + (ifExists ? "IF EXISTS " : "") + Identifiers.quote(name);
        }

        DropConstraint renamed(String newName) {
            return new DropConstraint(kind, ifExists, newName);
        }
    }
}
