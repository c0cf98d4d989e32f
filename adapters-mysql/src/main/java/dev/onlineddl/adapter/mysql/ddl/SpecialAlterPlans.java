package dev.onlineddl.adapter.mysql.ddl;

import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.AlterTableStatement;
import dev.onlineddl.adapter.mysql.ddl.ParsedStatement.CreateTableStatement;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.ddl.InstantDdlCapabilities;
import dev.onlineddl.domain.ddl.SpecialAlterPlan;
import dev.onlineddl.domain.ddl.SpecialPlanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpressionDrop;
import net.sf.jsqlparser.statement.alter.AlterExpressionPartition;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.PartitionDefinition;
import net.sf.jsqlparser.statement.create.table.TablePartitioning;

/**
 * Which special plan an ALTER TABLE qualifies for (Vitess
 * {@code analyzeSpecialAlterPlan}): the range-partition rotations when
 * {@code --fast-range-rotation} is set, then INSTANT when {@code --prefer-instant-ddl} is set.
 */
final class SpecialAlterPlans {

    private SpecialAlterPlans() {
    }

    /**
     * @param alter the migration's ALTER (a fresh parse: the INSTANT plan changes nothing in it,
     *              but the column comparison briefly does)
     * @param table the table's current definition, freshly parsed
     */
    static Optional<SpecialAlterPlan> analyze(AlterTableStatement alter, CreateTableStatement table,
            SpecialPlanOptions options) {
        if (options.fastRangeRotation()) {
            Optional<SpecialAlterPlan> rotation = dropRangePartition(alter, table);
            if (rotation.isEmpty()) {
                rotation = addRangePartition(alter, table);
            }
            if (rotation.isPresent()) {
                return rotation;
            }
        }
        if (options.preferInstantDdl() && isInstantEligible(alter, table, options.capabilities())) {
            return Optional.of(new SpecialAlterPlan.InstantDdl(withInstantAlgorithm(alter)));
        }
        return Optional.empty();
    }

    /** The one partition clause of an ALTER that has nothing else, if it is of this operation. */
    private static Optional<AlterExpressionPartition> onlyPartitionClause(AlterTableStatement alter,
            AlterOperation operation) {
        if (alter.clauses().size() != 1 || !(alter.clauses().get(0) instanceof AlterClause.Parsed parsed)
                || !(parsed.expression() instanceof AlterExpressionPartition partition)
                || partition.getOperation() != operation) {
            return Optional.empty();
        }
        return Optional.of(partition);
    }

    /** The table's RANGE partitions, if it is RANGE (or RANGE COLUMNS) partitioned with at least one. */
    private static Optional<List<PartitionDefinition>> rangePartitions(CreateTableStatement table) {
        TablePartitioning partitioning = table.ast().getPartitioning();
        if (partitioning == null || partitioning.getType() != TablePartitioning.Type.RANGE
                || partitioning.getPartitionDefinitions() == null || partitioning.getPartitionDefinitions().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(partitioning.getPartitionDefinitions());
    }

    private static Optional<SpecialAlterPlan> dropRangePartition(AlterTableStatement alter, CreateTableStatement table) {
        Optional<AlterExpressionPartition> drop = onlyPartitionClause(alter, AlterOperation.DROP_PARTITION);
        if (drop.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = drop.get().getPartitionNames();
        if (names == null || names.size() != 1) {
            throw new InvalidInputException("vitess only supports dropping a single partition per query: " + alter.sql()
                    + " (table " + alter.table() + "): drop one partition per migration");
        }
        String dropped = ColumnShape.unquote(names.get(0));
        Optional<List<PartitionDefinition>> partitions = rangePartitions(table);
        if (partitions.isEmpty()) {
            return Optional.empty();
        }
        List<PartitionDefinition> definitions = partitions.get();
        for (int i = 0; i < definitions.size(); i++) {
            // partition names are case-insensitive in MySQL
            if (ColumnShape.unquote(definitions.get(i).getPartitionName()).equalsIgnoreCase(dropped)) {
                String next = i + 1 < definitions.size() ? ColumnShape.unquote(definitions.get(i + 1).getPartitionName()) : "";
                return Optional.of(new SpecialAlterPlan.DropRangePartition(
                        ColumnShape.unquote(definitions.get(i).getPartitionName()), definitions.get(i).toString(), next));
            }
        }
        // no such partition: the normal path runs the ALTER, and MySQL reports the error
        return Optional.empty();
    }

    private static Optional<SpecialAlterPlan> addRangePartition(AlterTableStatement alter, CreateTableStatement table) {
        Optional<AlterExpressionPartition> add = onlyPartitionClause(alter, AlterOperation.ADD_PARTITION);
        if (add.isEmpty() || add.get().getPartitionDefinitions() == null
                || add.get().getPartitionDefinitions().size() != 1 || rangePartitions(table).isEmpty()) {
            return Optional.empty();
        }
        PartitionDefinition added = add.get().getPartitionDefinitions().get(0);
        return Optional.of(new SpecialAlterPlan.AddRangePartition(
                ColumnShape.unquote(added.getPartitionName()), added.toString()));
    }

    private static boolean isInstantEligible(AlterTableStatement alter, CreateTableStatement table,
            InstantDdlCapabilities capabilities) {
        if (!capabilities.instantDdl()) {
            return false;
        }
        List<ColumnShape> columns = new ArrayList<>();
        if (table.ast().getColumnDefinitions() != null) {
            for (ColumnDefinition column : table.ast().getColumnDefinitions()) {
                columns.add(ColumnShape.of(column));
            }
        }
        boolean compressed = isCompressed(table);
        for (AlterClause clause : alter.clauses()) {
            if (!(clause instanceof AlterClause.Parsed parsed) || parsed.isPartitionClause()
                    || !isInstantEligible(parsed.expression(), columns, compressed, capabilities)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInstantEligible(AlterExpression expression, List<ColumnShape> columns, boolean compressed,
            InstantDdlCapabilities capabilities) {
        AlterOperation operation = expression.getOperation();
        if (operation == AlterOperation.ADD && expression.getIndex() == null && expression.getColDataTypeList() != null) {
            boolean positioned = expression.getColDataTypeList().stream().anyMatch(column -> ColumnShape.of(column).positioned());
            return positioned ? capabilities.addDropColumn() : capabilities.addLastColumn();
        }
        if (expression instanceof AlterExpressionDrop && operation == AlterOperation.DROP
                && expression.getColumnName() != null && expression.getIndex() == null) {
            if (compressed) {
                return false;
            }
            String dropped = ColumnShape.unquote(expression.getColumnName());
            boolean virtual = columns.stream().anyMatch(column -> column.name().equalsIgnoreCase(dropped) && column.virtualGenerated());
            return virtual ? capabilities.addDropVirtualColumn() : capabilities.addDropColumn();
        }
        if (operation == AlterOperation.MODIFY && expression.getColDataTypeList() != null
                && expression.getColDataTypeList().size() == 1) {
            ColumnShape modified = ColumnShape.of(expression.getColDataTypeList().get(0));
            Optional<ColumnShape> existing = columns.stream()
                    .filter(column -> column.name().equalsIgnoreCase(modified.name())).findFirst();
            return existing.isPresent() && isInstantModify(existing.get(), modified, capabilities);
        }
        // CHANGE COLUMN (a rename, which Vitess never makes instant), indexes, options, ALGORITHM...
        return false;
    }

    private static boolean isInstantModify(ColumnShape existing, ColumnShape modified, InstantDdlCapabilities capabilities) {
        if (existing.sameIgnoringDefault(modified)) {
            return capabilities.changeColumnDefault();
        }
        boolean bothEnum = existing.isEnum() && modified.isEnum();
        boolean bothSet = existing.isSet() && modified.isSet();
        if (!bothEnum && !bothSet) {
            return false;
        }
        List<String> oldValues = existing.enumValues();
        List<String> newValues = modified.enumValues();
        if (oldValues.isEmpty() || newValues.size() < oldValues.size()
                || !newValues.subList(0, oldValues.size()).equals(oldValues)) {
            return false;
        }
        // appending must not grow the storage: ENUM takes 2 bytes beyond 255 values, SET one byte per 8
        if (bothEnum && oldValues.size() <= 255 && newValues.size() > 255) {
            return false;
        }
        if (bothSet && (oldValues.size() + 7) / 8 != (newValues.size() + 7) / 8) {
            return false;
        }
        return existing.sameIgnoringDefaultAndValues(modified) && capabilities.expandEnum();
    }

    private static boolean isCompressed(CreateTableStatement table) {
        List<String> options = table.ast().getTableOptionsStrings();
        if (options == null) {
            return false;
        }
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equalsIgnoreCase("ROW_FORMAT")) {
                int value = i + 1 < options.size() && options.get(i + 1).equals("=") ? i + 2 : i + 1;
                return value < options.size() && options.get(value).equalsIgnoreCase("COMPRESSED");
            }
        }
        return false;
    }

    /** The ALTER with its ALGORITHM set to INSTANT, appended when it has none (Vitess {@code addInstantAlgorithm}). */
    private static String withInstantAlgorithm(AlterTableStatement alter) {
        List<AlterClause> clauses = new ArrayList<>();
        boolean replaced = false;
        for (AlterClause clause : alter.clauses()) {
            if (clause instanceof AlterClause.Algorithm) {
                clauses.add(new AlterClause.Algorithm("INSTANT"));
                replaced = true;
            } else {
                clauses.add(clause);
            }
        }
        if (!replaced) {
            clauses.add(new AlterClause.Algorithm("INSTANT"));
        }
        return new AlterTableStatement(alter.table(), alter.tableText(), alter.ifExists(), clauses).sql();
    }
}
