package dev.onlineddl.adapter.mysql.diff;

import dev.onlineddl.adapter.mysql.sql.SqlLexer;
import dev.onlineddl.adapter.mysql.sql.SqlToken;
import dev.onlineddl.domain.naming.ConstraintNames;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.port.out.DiffHints;
import dev.onlineddl.port.out.SchemaDiffException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The ALTER TABLE that turns one {@link TableModel} into another. Clauses come in the order the
 * server needs: constraint, index and column drops, then column additions and changes (in the
 * desired column order, each placed with FIRST/AFTER where it must move), then index and
 * constraint additions, then table options, then partitioning.
 *
 * <p>Why indexes may be dropped and re-added although unchanged: the server prints indexes in
 * groups (primary, unique, other, fulltext), each in creation order, and an added index joins the
 * end of its group. To end with exactly the desired order, only the longest run of unchanged
 * indexes at the head of each desired group, in the same relative order as live, is kept; the
 * rest of the group is re-created behind it.
 */
final class TableDiffer {

    /** Options whose absence from the desired table means "put back the default", and how to say it. */
    private static final Map<String, String> OPTION_RESETS = Map.ofEntries(
            Map.entry("COMMENT", "COMMENT=''"),
            Map.entry("ROW_FORMAT", "ROW_FORMAT=DEFAULT"),
            Map.entry("KEY_BLOCK_SIZE", "KEY_BLOCK_SIZE=0"),
            Map.entry("STATS_PERSISTENT", "STATS_PERSISTENT=DEFAULT"),
            Map.entry("STATS_AUTO_RECALC", "STATS_AUTO_RECALC=DEFAULT"),
            Map.entry("STATS_SAMPLE_PAGES", "STATS_SAMPLE_PAGES=DEFAULT"),
            Map.entry("PACK_KEYS", "PACK_KEYS=DEFAULT"),
            Map.entry("MIN_ROWS", "MIN_ROWS=0"),
            Map.entry("MAX_ROWS", "MAX_ROWS=0"),
            Map.entry("AVG_ROW_LENGTH", "AVG_ROW_LENGTH=0"),
            Map.entry("CHECKSUM", "CHECKSUM=0"),
            Map.entry("DELAY_KEY_WRITE", "DELAY_KEY_WRITE=0"));

    /** Options compared by hand rather than generically. */
    private static final Set<String> SPECIAL_OPTIONS = Set.of(
            "AUTO_INCREMENT", "DEFAULT CHARSET", "DEFAULT CHARACTER SET", "COLLATE");

    private static final String NO_DEFAULT_COLLATION = "\u0000none";

    private final TableModel live;
    private final TableModel desired;
    private final DiffHints hints;
    private final EffectiveCollation liveDefault;
    private final EffectiveCollation desiredDefault;

    /** Lower-case live column name to the desired column it becomes (same name or renamed). */
    private final Map<String, ColumnModel> counterparts = new LinkedHashMap<>();
    /** Lower-case old name to new name, for columns whose name changes (renames and case changes). */
    private final Map<String, String> renamedColumns = new HashMap<>();
    /** Lower-case live names of columns that disappear (dropped, or dropped to be re-added). */
    private final Set<String> droppedColumns = new HashSet<>();

    private TableDiffer(TableModel live, TableModel desired, DiffHints hints) {
        this.live = Objects.requireNonNull(live, "live table");
        this.desired = Objects.requireNonNull(desired, "desired table");
        this.hints = Objects.requireNonNull(hints, "hints");
        this.liveDefault = live.defaultCollation().orElse(EffectiveCollation.defaultOf(NO_DEFAULT_COLLATION));
        this.desiredDefault = desired.defaultCollation().orElse(EffectiveCollation.defaultOf(NO_DEFAULT_COLLATION));
    }

    /**
     * @return the ALTER TABLE on the live table's name, or empty when the tables are the same
     * @throws SchemaDiffException for a difference the differ cannot express faithfully
     */
    static Optional<String> alterStatement(TableModel live, TableModel desired, DiffHints hints) {
        return new TableDiffer(live, desired, hints).diff();
    }

    private Optional<String> diff() {
        requireSameUnmodelledElements();
        matchColumns();

        List<String> constraintDrops = new ArrayList<>();
        List<String> constraintAdditions = new ArrayList<>();
        diffForeignKeys(constraintDrops, constraintAdditions);
        diffChecks(constraintDrops, constraintAdditions);
        List<String> indexDrops = new ArrayList<>();
        List<String> indexAdditions = new ArrayList<>();
        diffIndexes(indexDrops, indexAdditions);

        List<String> clauses = new ArrayList<>(constraintDrops);
        clauses.addAll(indexDrops);
        for (ColumnModel column : live.columns()) {
            if (droppedColumns.contains(column.lowerName())) {
                clauses.add("DROP COLUMN " + Identifiers.quote(column.name()));
            }
        }
        clauses.addAll(columnClauses());
        clauses.addAll(indexAdditions);
        clauses.addAll(constraintAdditions);
        clauses.addAll(optionClauses());

        String partitioning = partitioningClause();
        if (clauses.isEmpty() && partitioning.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder statement = new StringBuilder("ALTER TABLE ").append(Identifiers.quote(live.name()));
        if (!clauses.isEmpty()) {
            statement.append(' ').append(String.join(", ", clauses));
        }
        if (!partitioning.isEmpty()) {
            // partition options follow the alter list without a comma
            statement.append(' ').append(partitioning);
        }
        return Optional.of(statement.toString());
    }

    // ---- columns ----

    private void matchColumns() {
        Map<String, ColumnModel> desiredByName = new HashMap<>();
        desired.columns().forEach(column -> desiredByName.put(column.lowerName(), column));
        Map<String, ColumnModel> renames = hints.columnRenames() == DiffHints.ColumnRenameStrategy.HEURISTIC
                ? ColumnRenames.detect(live.columns(), desired.columns(), this::sameDefinitionIgnoringName)
                : Map.of();
        for (ColumnModel column : live.columns()) {
            ColumnModel target = desiredByName.getOrDefault(column.lowerName(), renames.get(column.lowerName()));
            if (target == null || mustRecreate(column, target)) {
                droppedColumns.add(column.lowerName());
            } else {
                counterparts.put(column.lowerName(), target);
                if (!column.name().equals(target.name())) {
                    renamedColumns.put(column.lowerName(), target.name());
                }
            }
        }
    }

    /**
     * The server refuses to MODIFY a column into or out of VIRTUAL generation ("This is not yet
     * supported for generated columns"); a virtual column holds no data, so it is dropped and added.
     */
    private static boolean mustRecreate(ColumnModel live, ColumnModel desired) {
        return live.generation() != desired.generation()
                && (live.generation() == ColumnModel.Generation.VIRTUAL
                || desired.generation() == ColumnModel.Generation.VIRTUAL);
    }

    private boolean sameDefinitionIgnoringName(ColumnModel liveColumn, ColumnModel desiredColumn) {
        return liveColumn.definitionWithoutCharset().equals(desiredColumn.definitionWithoutCharset())
                && liveColumn.effectiveCollation(liveDefault).equals(desiredColumn.effectiveCollation(desiredDefault));
    }

    /** Same definition once the live table's renames are applied to its expressions. */
    private boolean sameDefinition(ColumnModel liveColumn, ColumnModel desiredColumn) {
        return IdentifierRenamer.rename(liveColumn.definitionWithoutCharset(), renamedColumns)
                .equals(desiredColumn.definitionWithoutCharset())
                && liveColumn.effectiveCollation(liveDefault).equals(desiredColumn.effectiveCollation(desiredDefault));
    }

    /**
     * ADD, CHANGE and MODIFY clauses in desired order. The server applies them in statement order,
     * placing each FIRST/AFTER column right behind a column already in place, so naming the
     * desired predecessor of every moved or new column rebuilds the desired order; columns on the
     * longest run already in desired relative order stay where they are.
     */
    private List<String> columnClauses() {
        Map<String, ColumnModel> liveByTarget = new HashMap<>();
        List<Integer> desiredPositions = new ArrayList<>();
        Map<String, Integer> desiredIndex = new HashMap<>();
        for (int index = 0; index < desired.columns().size(); index++) {
            desiredIndex.put(desired.columns().get(index).lowerName(), index);
        }
        List<String> keptInLiveOrder = new ArrayList<>();
        for (ColumnModel column : live.columns()) {
            ColumnModel target = counterparts.get(column.lowerName());
            if (target != null) {
                liveByTarget.put(target.lowerName(), column);
                desiredPositions.add(desiredIndex.get(target.lowerName()));
                keptInLiveOrder.add(target.lowerName());
            }
        }
        Set<String> staying = new HashSet<>();
        for (int position : LongestIncreasingRun.indexesOf(desiredPositions)) {
            staying.add(keptInLiveOrder.get(position));
        }

        List<String> clauses = new ArrayList<>();
        List<ColumnModel> columns = desired.columns();
        for (int index = 0; index < columns.size(); index++) {
            ColumnModel column = columns.get(index);
            String placement = index == 0 ? "FIRST" : "AFTER " + Identifiers.quote(columns.get(index - 1).name());
            ColumnModel liveColumn = liveByTarget.get(column.lowerName());
            String definition = Identifiers.quote(column.name()) + " " + column.definition();
            if (liveColumn == null) {
                boolean appendedAtEnd = columns.subList(index, columns.size()).stream()
                        .noneMatch(later -> liveByTarget.containsKey(later.lowerName()));
                clauses.add("ADD COLUMN " + definition + (appendedAtEnd ? "" : " " + placement));
                continue;
            }
            boolean moves = !staying.contains(column.lowerName());
            String move = moves ? " " + placement : "";
            if (!liveColumn.name().equals(column.name())) {
                clauses.add("CHANGE COLUMN " + Identifiers.quote(liveColumn.name()) + " " + definition + move);
            } else if (moves || !sameDefinition(liveColumn, column)) {
                clauses.add("MODIFY COLUMN " + definition + move);
            }
        }
        return clauses;
    }

    // ---- indexes ----

    private void diffIndexes(List<String> drops, List<String> additions) {
        Map<String, IndexModel> liveByKey = new LinkedHashMap<>();
        live.indexes().forEach(index -> liveByKey.put(indexKey(index, live), index));
        boolean keyBlockSizeChanges = !live.optionValue("KEY_BLOCK_SIZE").orElse("0")
                .equals(desired.optionValue("KEY_BLOCK_SIZE").orElse("0"));

        // the live and the desired object of each kept pair, by identity rather than record equality
        Set<IndexModel> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int group = 0; group <= maxPrintGroup(); group++) {
            int lastLivePosition = -1;
            for (IndexModel index : desired.indexes()) {
                if (index.kind().printGroup() != group) {
                    continue;
                }
                IndexModel liveIndex = liveByKey.get(indexKey(index, desired));
                if (liveIndex == null || !sameIndex(liveIndex, index, keyBlockSizeChanges)) {
                    break;
                }
                int livePosition = live.indexes().indexOf(liveIndex);
                if (livePosition < lastLivePosition) {
                    break;
                }
                lastLivePosition = livePosition;
                kept.add(liveIndex);
                kept.add(index);
            }
        }
        for (IndexModel index : live.indexes()) {
            if (!kept.contains(index)) {
                drops.add(index.kind() == IndexModel.Kind.PRIMARY
                        ? "DROP PRIMARY KEY"
                        : "DROP INDEX " + Identifiers.quote(index.name()));
            }
        }
        List<String> inPlaceChanges = new ArrayList<>();
        for (IndexModel index : desired.indexes()) {
            IndexModel liveIndex = liveByKey.get(indexKey(index, desired));
            if (!kept.contains(index)) {
                requireRecreationTakesEffect(liveIndex, index);
                additions.add("ADD " + index.text());
                continue;
            }
            if (liveIndex.ignored() != index.ignored()) {
                inPlaceChanges.add("ALTER INDEX " + Identifiers.quote(liveIndex.name())
                        + (index.ignored() ? " IGNORED" : " NOT IGNORED"));
            }
        }
        additions.addAll(inPlaceChanges);
    }

    /**
     * When one ALTER drops an index and adds it back with the same name and columns, MariaDB
     * (11.4) keeps the old index's IGNORED state, so such a re-creation cannot change it.
     */
    private void requireRecreationTakesEffect(IndexModel liveIndex, IndexModel desiredIndex) {
        if (liveIndex != null && liveIndex.ignored() != desiredIndex.ignored()
                && liveIndex.name().equalsIgnoreCase(desiredIndex.name())
                && IdentifierRenamer.rename(liveIndex.body(), renamedColumns).equals(desiredIndex.body())) {
            String table = Identifiers.quote(live.name());
            String index = Identifiers.quote(desiredIndex.name());
            throw new SchemaDiffException("index " + index + " of table " + table + " must be re-created to keep the"
                    + " desired index order, and its IGNORED state changes: the server would keep the old state on a"
                    + " re-created identical index. Run ALTER TABLE " + table + " ALTER INDEX " + index
                    + (desiredIndex.ignored() ? " IGNORED" : " NOT IGNORED")
                    + " first, then submit the declarative migration again");
        }
    }

    private static int maxPrintGroup() {
        int max = 0;
        for (IndexModel.Kind kind : IndexModel.Kind.values()) {
            max = Math.max(max, kind.printGroup());
        }
        return max;
    }

    /**
     * Indexes match by name, case-insensitively as the server compares them; a difference in
     * letter case alone is kept as live spells it, because MariaDB 11.4 cannot apply it (a
     * case-only RENAME INDEX leaves the InnoDB table unreadable with error 1030, and a drop and
     * re-add keeps the old spelling). The exception is the index a foreign key created under its
     * own name: that one follows its constraint, whose name may carry the online DDL suffix (and
     * after a change of the key, the index keeps the old name while the constraint takes the new one).
     */
    private static String indexKey(IndexModel index, TableModel table) {
        if (index.kind() == IndexModel.Kind.PRIMARY) {
            return "primary";
        }
        String original = originalName(index.name());
        if (table.foreignKeys().stream().anyMatch(key -> originalName(key.name()).equals(original))) {
            return "fk:" + original;
        }
        return "name:" + index.lowerName();
    }

    private boolean sameIndex(IndexModel liveIndex, IndexModel desiredIndex, boolean keyBlockSizeChanges) {
        if (liveIndex.kind() != desiredIndex.kind()) {
            return false;
        }
        if (liveIndex.columns().stream().anyMatch(droppedColumns::contains)) {
            return false; // the server removes a dropped column from its indexes
        }
        if (keyBlockSizeChanges && !liveIndex.statesKeyBlockSize()) {
            return false; // the index keeps the block size it was built with, unlike the table
        }
        return IdentifierRenamer.rename(liveIndex.body(), renamedColumns).equals(desiredIndex.body());
    }

    // ---- constraints ----

    private void diffForeignKeys(List<String> drops, List<String> additions) {
        Map<String, ForeignKeyModel> liveByName = new LinkedHashMap<>();
        live.foreignKeys().forEach(key -> liveByName.put(originalName(key.name()), key));
        Set<String> matched = new HashSet<>();
        for (ForeignKeyModel key : desired.foreignKeys()) {
            String original = originalName(key.name());
            ForeignKeyModel liveKey = liveByName.get(original);
            if (liveKey != null) {
                matched.add(original);
                if (sameForeignKey(liveKey, key)) {
                    continue;
                }
                if (liveKey.name().equalsIgnoreCase(key.name())) {
                    throw new SchemaDiffException("foreign key " + Identifiers.quote(key.name()) + " of table "
                            + Identifiers.quote(live.name()) + " changes from '" + liveKey.body() + "' to '"
                            + key.body() + "', and the server cannot drop and re-create a foreign key under the same"
                            + " name in one ALTER TABLE: give the new definition another name in the desired CREATE"
                            + " TABLE, or change it with an explicit ALTER TABLE");
                }
                drops.add("DROP FOREIGN KEY " + Identifiers.quote(liveKey.name()));
            }
            additions.add("ADD " + key.text());
        }
        liveByName.forEach((original, liveKey) -> {
            if (!matched.contains(original)) {
                drops.add("DROP FOREIGN KEY " + Identifiers.quote(liveKey.name()));
            }
        });
    }

    private boolean sameForeignKey(ForeignKeyModel liveKey, ForeignKeyModel desiredKey) {
        boolean usesDroppedColumn = SqlLexer.serverTokens(liveKey.columns()).stream()
                .anyMatch(token -> token.type() == SqlToken.Type.QUOTED_IDENTIFIER
                        && droppedColumns.contains(token.identifierValue().toLowerCase(Locale.ROOT)));
        return !usesDroppedColumn
                && liveKey.bodyAfterRenames(renamedColumns, live.name()).equals(desiredKey.body());
    }

    private void diffChecks(List<String> drops, List<String> additions) {
        Map<String, CheckModel> liveByName = new LinkedHashMap<>();
        live.checks().forEach(check -> liveByName.put(originalName(check.name()), check));
        Set<String> matched = new HashSet<>();
        for (CheckModel check : desired.checks()) {
            String original = originalName(check.name());
            CheckModel liveCheck = liveByName.get(original);
            if (liveCheck != null) {
                matched.add(original);
                if (IdentifierRenamer.rename(liveCheck.body(), renamedColumns).equals(check.body())
                        && !mentionsDroppedColumn(liveCheck.body())) {
                    continue;
                }
                drops.add("DROP CONSTRAINT " + Identifiers.quote(liveCheck.name()));
            }
            additions.add("ADD " + check.text());
        }
        liveByName.forEach((original, liveCheck) -> {
            if (!matched.contains(original)) {
                drops.add("DROP CONSTRAINT " + Identifiers.quote(liveCheck.name()));
            }
        });
    }

    private boolean mentionsDroppedColumn(String expression) {
        return SqlLexer.serverTokens(expression).stream()
                .anyMatch(token -> token.type() == SqlToken.Type.QUOTED_IDENTIFIER
                        && droppedColumns.contains(token.identifierValue().toLowerCase(Locale.ROOT)));
    }

    /** Constraint names are compared without the suffix online DDL gives copies (Vitess {@code ExtractConstraintOriginalName}). */
    private static String originalName(String constraintName) {
        return ConstraintNames.extractOriginalName(constraintName).toLowerCase(Locale.ROOT);
    }

    // ---- table options ----

    private List<String> optionClauses() {
        List<String> clauses = new ArrayList<>();
        if (!liveDefault.equals(desiredDefault)) {
            Optional<String> charset = desired.optionValue("DEFAULT CHARSET").or(() -> desired.optionValue("DEFAULT CHARACTER SET"));
            charset.ifPresent(name -> clauses.add("DEFAULT CHARSET=" + name));
            desired.optionValue("COLLATE").ifPresent(name -> clauses.add("COLLATE=" + name));
        }
        for (TableOption option : desired.options()) {
            if (SPECIAL_OPTIONS.contains(option.name())) {
                continue;
            }
            Optional<TableOption> liveOption = live.option(option.name());
            if (liveOption.isEmpty() || !liveOption.get().value().equals(option.value())) {
                clauses.add(optionClause(option));
            }
        }
        for (TableOption option : live.options()) {
            if (SPECIAL_OPTIONS.contains(option.name()) || desired.option(option.name()).isPresent()) {
                continue;
            }
            String reset = OPTION_RESETS.get(option.name());
            if (reset == null) {
                throw new SchemaDiffException("table " + Identifiers.quote(live.name()) + " has the option "
                        + option.text() + " which the desired CREATE TABLE does not state, and the differ does"
                        + " not know how to remove it: state the option with the value you want in the desired"
                        + " CREATE TABLE, or remove it with an explicit ALTER TABLE");
            }
            clauses.add(reset);
        }
        autoIncrementClause().ifPresent(clauses::add);
        return clauses;
    }

    private String optionClause(TableOption option) {
        if (option.name().equals("WITH SYSTEM VERSIONING")) {
            return "ADD SYSTEM VERSIONING";
        }
        if (option.value().isEmpty()) {
            throw new SchemaDiffException("the desired table " + Identifiers.quote(live.name()) + " has the option "
                    + option.text() + " which the differ cannot add with ALTER TABLE: add it with an explicit ALTER TABLE");
        }
        return option.text();
    }

    private Optional<String> autoIncrementClause() {
        Optional<String> wanted = desired.optionValue("AUTO_INCREMENT");
        if (wanted.isEmpty() || hints.autoIncrement() == DiffHints.AutoIncrementStrategy.IGNORE) {
            return Optional.empty();
        }
        BigInteger desiredValue = new BigInteger(wanted.get());
        BigInteger liveValue = live.optionValue("AUTO_INCREMENT").map(BigInteger::new).orElse(BigInteger.ONE);
        boolean apply = switch (hints.autoIncrement()) {
            case APPLY_HIGHER -> desiredValue.compareTo(liveValue) > 0;
            case APPLY_ALWAYS -> desiredValue.compareTo(liveValue) != 0;
            case IGNORE -> false;
        };
        return apply ? Optional.of("AUTO_INCREMENT=" + desiredValue) : Optional.empty();
    }

    private String partitioningClause() {
        if (live.partitioning().equals(desired.partitioning())) {
            return "";
        }
        return desired.partitioning().orElse("REMOVE PARTITIONING");
    }

    // ---- what the differ does not model ----

    private void requireSameUnmodelledElements() {
        if (!new HashSet<>(live.otherElements()).equals(new HashSet<>(desired.otherElements()))) {
            throw new SchemaDiffException("table " + Identifiers.quote(live.name()) + " differs in elements the"
                    + " differ does not support (live: " + live.otherElements() + ", desired: "
                    + desired.otherElements() + "): change them with an explicit ALTER TABLE");
        }
        boolean liveVersioned = live.option("WITH SYSTEM VERSIONING").isPresent();
        boolean desiredVersioned = desired.option("WITH SYSTEM VERSIONING").isPresent();
        if (liveVersioned && !desiredVersioned) {
            throw new SchemaDiffException("table " + Identifiers.quote(live.name()) + " is system-versioned and the"
                    + " desired CREATE TABLE is not: dropping system versioning discards the table's history, so"
                    + " run ALTER TABLE ... DROP SYSTEM VERSIONING explicitly if that is meant");
        }
    }
}
