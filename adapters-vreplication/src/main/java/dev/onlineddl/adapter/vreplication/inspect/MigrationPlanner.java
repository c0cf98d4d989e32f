package dev.onlineddl.adapter.vreplication.inspect;

import dev.onlineddl.domain.ddl.AlterColumnChanges;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.port.out.SchemaAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans the copy of a table into its altered shadow table from the two tables' shapes and the
 * ALTER's column changes, by the rules of Vitess v16's vrepl analysis: which columns are shared,
 * which unique key the copy iterates by, which unique keys are added or removed, which columns are
 * expanded or dropped without a default, and how each copied column is selected.
 *
 * <p>Pure and stateless: everything it knows comes in through {@link #plan}.
 */
public final class MigrationPlanner {

    /** Data type pairs (source:target) where the target holds every value of the source, as Vitess lists them. */
    private static final Set<String> EXPANDED_DATA_TYPES = Set.of(
            "time:datetime", "date:datetime", "timestamp:datetime", "time:timestamp", "date:timestamp", "timestamp:date");

    /** Character sets that are subsets of utf8mb4 (or raw bytes): their text is copied as is. */
    private static final Set<String> TRIVIAL_CHARSETS = Set.of("", "ascii", "utf8", "utf8mb3", "utf8mb4", "binary");

    /** The character sets of MySQL 8.0 and MariaDB 11, which the copy can convert from and to. */
    private static final Set<String> KNOWN_CHARSETS = Set.of("armscii8", "ascii", "big5", "binary", "cp1250", "cp1251",
            "cp1256", "cp1257", "cp850", "cp852", "cp866", "cp932", "dec8", "eucjpms", "euckr", "filename", "gb18030",
            "gb2312", "gbk", "geostd8", "greek", "hebrew", "hp8", "keybcs2", "koi8r", "koi8u", "latin1", "latin2",
            "latin5", "latin7", "macce", "macroman", "sjis", "swe7", "tis620", "ucs2", "ujis", "utf16", "utf16le",
            "utf32", "utf8", "utf8mb3", "utf8mb4");

    public MigrationPlanner() {
    }

    /**
     * @param source  the original table
     * @param target  the shadow table, with the ALTER already applied
     * @param changes the ALTER's column changes ({@link AlterColumnChanges#NONE} for a revert)
     * @throws AnalysisException when the ALTER renames the table, when no unique key can be
     *         iterated by on both sides, or when a copied text column has a character set the copy
     *         cannot convert
     */
    public MigrationPlan plan(TableShape source, TableShape target, AlterColumnChanges changes) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(changes, "changes");
        if (changes.renamesTable()) {
            throw new AnalysisException("Renaming the table is not supported in ALTER TABLE: the ALTER of "
                    + Identifiers.quote(source.table()) + " has a RENAME clause; remove it, online DDL keeps the table's name");
        }
        Map<String, String> renames = caseInsensitive(changes.renamedColumns());
        Columns columns = sharedColumns(source, target, changes, renames);

        if (source.uniqueKeys().isEmpty()) {
            throw new AnalysisException("Found no possible unique key on " + Identifiers.quote(source.table()));
        }
        if (target.uniqueKeys().isEmpty()) {
            throw new AnalysisException("Found no possible unique key on " + Identifiers.quote(target.table()));
        }
        KeyPair keys = chooseKeys(source, target, columns, renames);

        Map<String, String> reverseRenames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        renames.forEach((from, to) -> reverseRenames.put(to, from));
        List<UniqueKeyInfo> added = addedUniqueKeys(source.uniqueKeys(), target.uniqueKeys(), renames);
        List<UniqueKeyInfo> removed = addedUniqueKeys(target.uniqueKeys(), source.uniqueKeys(), reverseRenames);

        List<ColumnPair> pairs = new ArrayList<>();
        for (ColumnPair pair : columns.shared()) {
            pairs.add(new ColumnPair(pair.source(), pair.target(), selectExpression(pair, keys)));
        }
        List<String> sourceKeyTargetColumns = keys.source().columns().stream()
                .map(column -> columns.targetOf(column).name())
                .toList();
        return new MigrationPlan(pairs, keys.source(), keys.target(), sourceKeyTargetColumns,
                columns.droppedNonGenerated().stream().map(ColumnInfo::name).toList(),
                added.stream().map(UniqueKeyInfo::name).toList(),
                removed.stream().map(UniqueKeyInfo::name).toList(),
                analysis(pairs, columns.droppedNonGenerated(), added, removed));
    }

    // ------------------------------------------------------------------ columns

    /** Shared pairs in source order, and the source columns whose data the target does not keep. */
    private record Columns(List<ColumnPair> shared, List<ColumnInfo> droppedNonGenerated) {
        ColumnInfo targetOf(String sourceColumn) {
            return shared.stream().filter(pair -> pair.source().name().equalsIgnoreCase(sourceColumn))
                    .findFirst().orElseThrow().target();
        }

        boolean sharesSource(String sourceColumn) {
            return shared.stream().anyMatch(pair -> pair.source().name().equalsIgnoreCase(sourceColumn));
        }

        boolean sharesTarget(String targetColumn) {
            return shared.stream().anyMatch(pair -> pair.target().name().equalsIgnoreCase(targetColumn));
        }
    }

    /**
     * A source column is shared when the target has it under its name or its new name, unless the
     * ALTER drops it or it is generated on either side (the server computes those values, so the
     * copy must neither read them as data nor write them).
     */
    private static Columns sharedColumns(TableShape source, TableShape target, AlterColumnChanges changes,
            Map<String, String> renames) {
        Set<String> dropped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        dropped.addAll(changes.droppedColumns());
        List<ColumnPair> shared = new ArrayList<>();
        List<ColumnInfo> droppedNonGenerated = new ArrayList<>();
        for (ColumnInfo column : source.columns()) {
            String mapped = renames.getOrDefault(column.name(), column.name());
            Optional<ColumnInfo> targetColumn = target.column(mapped);
            boolean isShared = targetColumn.isPresent()
                    && !dropped.contains(column.name())
                    && !column.generated()
                    && !targetColumn.get().generated()
                    // Vitess also skips a column whose old name is generated on the target
                    && !target.column(column.name()).map(ColumnInfo::generated).orElse(false);
            if (isShared) {
                shared.add(new ColumnPair(column, targetColumn.get(), quote(column)));
            } else if (!column.generated()) {
                droppedNonGenerated.add(column);
            }
        }
        return new Columns(List.copyOf(shared), List.copyOf(droppedNonGenerated));
    }

    // ------------------------------------------------------------------ unique keys

    private record KeyPair(UniqueKeyInfo source, UniqueKeyInfo target) {
    }

    /**
     * The first pair of keys, in the tables' key order, with the same columns (through renames)
     * and both valid for iteration; else, independently on each side, the first valid key whose
     * columns are all copied. Every chosen key's columns are copied columns, so the copy can
     * read and compare them on both sides.
     */
    private static KeyPair chooseKeys(TableShape source, TableShape target, Columns columns, Map<String, String> renames) {
        for (UniqueKeyInfo sourceKey : source.uniqueKeys()) {
            if (!sourceKey.validForIteration() || !sourceKey.columns().stream().allMatch(columns::sharesSource)) {
                continue;
            }
            for (UniqueKeyInfo targetKey : target.uniqueKeys()) {
                if (targetKey.validForIteration() && sameColumns(sourceKey, targetKey, renames)) {
                    return new KeyPair(sourceKey, targetKey);
                }
            }
        }
        UniqueKeyInfo sourceKey = source.uniqueKeys().stream()
                .filter(key -> key.validForIteration() && key.columns().stream().allMatch(columns::sharesSource))
                .findFirst()
                .orElseThrow(() -> new AnalysisException("Found no possible unique key on " + Identifiers.quote(source.table())
                        + " whose columns are in target table " + Identifiers.quote(target.table())));
        UniqueKeyInfo targetKey = target.uniqueKeys().stream()
                .filter(key -> key.validForIteration() && key.columns().stream().allMatch(columns::sharesTarget))
                .findFirst()
                .orElseThrow(() -> new AnalysisException("Found no possible unique key on " + Identifiers.quote(target.table())
                        + " whose columns are in source table " + Identifiers.quote(source.table())));
        return new KeyPair(sourceKey, targetKey);
    }

    /** Same number of columns, and at each position the source column (renamed) is the target's. */
    private static boolean sameColumns(UniqueKeyInfo sourceKey, UniqueKeyInfo targetKey, Map<String, String> renames) {
        if (sourceKey.columns().size() != targetKey.columns().size()) {
            return false;
        }
        for (int i = 0; i < sourceKey.columns().size(); i++) {
            String column = sourceKey.columns().get(i);
            if (!renames.getOrDefault(column, column).equalsIgnoreCase(targetKey.columns().get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The keys of {@code after} that no key of {@code before} is as or more constrained than: a
     * new constraint, even if a key of that name existed (e.g. {@code uk(a, b)} becoming
     * {@code uk(a)}). Called with the roles swapped (and renames reversed) it gives the removed
     * constraints.
     */
    private static List<UniqueKeyInfo> addedUniqueKeys(List<UniqueKeyInfo> before, List<UniqueKeyInfo> after,
            Map<String, String> renames) {
        return after.stream()
                .filter(afterKey -> before.stream().noneMatch(beforeKey -> asOrMoreConstrained(beforeKey, afterKey, renames)))
                .toList();
    }

    /** At most as many columns, each (renamed) one of the other key's: then every row unique by the other is unique by this. */
    private static boolean asOrMoreConstrained(UniqueKeyInfo key, UniqueKeyInfo other, Map<String, String> renames) {
        return key.columns().size() <= other.columns().size()
                && key.columns().stream().allMatch(column -> other.hasColumn(renames.getOrDefault(column, column)));
    }

    // ------------------------------------------------------------------ selecting values

    private static String selectExpression(ColumnPair pair, KeyPair keys) {
        ColumnInfo source = pair.source();
        ColumnInfo target = pair.target();
        String column = quote(source);
        boolean enumInBothKeys = source.isEnum() && target.isEnum()
                && keys.source().hasColumn(source.name()) && keys.target().hasColumn(target.name());
        if (enumInBothKeys || (source.isEnum() && !target.isEnum() && !target.characterSet().isEmpty())) {
            // the ENUM's text, not its index: what a textual target stores, and what identifies a key row
            return "CONCAT(" + column + ")";
        }
        if (source.isIntegral() && target.isEnum()) {
            // as text, so MySQL takes the number for the value it names rather than for an index
            return "CONCAT(" + column + ")";
        }
        if (source.isJson()) {
            return convertToUtf8mb4(column);
        }
        if (isString(source)) {
            requireKnownCharset(source);
            if (isString(target)) {
                requireKnownCharset(target);
            }
            boolean trivial = TRIVIAL_CHARSETS.contains(charset(source)) && TRIVIAL_CHARSETS.contains(charset(target));
            return trivial && !target.isJson() ? column : convertToUtf8mb4(column);
        }
        if (target.isJson()) {
            return convertToUtf8mb4(column);
        }
        return column;
    }

    /** Vitess's string column: one with a character set that is not an ENUM or SET (nor JSON, which has none on MySQL). */
    private static boolean isString(ColumnInfo column) {
        return !column.characterSet().isEmpty() && !column.isEnum() && !column.isSet() && !column.isJson();
    }

    private static void requireKnownCharset(ColumnInfo column) {
        if (!KNOWN_CHARSETS.contains(charset(column))) {
            throw new AnalysisException("Character set " + column.characterSet() + " not supported for column "
                    + column.name());
        }
    }

    private static String charset(ColumnInfo column) {
        return column.characterSet().toLowerCase(Locale.ROOT);
    }

    private static String convertToUtf8mb4(String column) {
        return "CONVERT(" + column + " USING utf8mb4)";
    }

    // ------------------------------------------------------------------ revertibility

    private static SchemaAnalysis analysis(List<ColumnPair> pairs, List<ColumnInfo> droppedNonGenerated,
            List<UniqueKeyInfo> added, List<UniqueKeyInfo> removed) {
        List<String> droppedNoDefault = droppedNonGenerated.stream()
                .filter(column -> !column.hasDefault())
                .map(ColumnInfo::name)
                .toList();
        Map<String, String> expanded = new LinkedHashMap<>();
        for (ColumnPair pair : pairs) {
            expansion(pair.source(), pair.target()).ifPresent(reason -> expanded.put(pair.source().name(), reason));
        }
        List<String> notes = new ArrayList<>();
        removed.forEach(key -> notes.add("unique constraint removed: " + key.name()));
        droppedNoDefault.forEach(column -> notes.add("column " + column + " dropped, and had no default value"));
        expanded.forEach((column, reason) -> notes.add("column " + column + ": " + reason));
        return new SchemaAnalysis(added.size(), removed.size(), quotedList(removed.stream().map(UniqueKeyInfo::name).toList()),
                quotedList(droppedNoDefault), quotedList(List.copyOf(expanded.keySet())), String.join("\n", notes));
    }

    /**
     * Why the target column can hold values the source column cannot (so a revert could fail to
     * copy them back), as Vitess words it; the first reason that applies.
     */
    static Optional<String> expansion(ColumnInfo source, ColumnInfo target) {
        if (!source.nullable() && target.nullable()) {
            return Optional.of("target is NULL-able, source is not");
        }
        if (target.characterMaximumLength() > source.characterMaximumLength()) {
            return Optional.of("increased CHARACTER_MAXIMUM_LENGTH");
        }
        if (target.numericPrecision() > source.numericPrecision()) {
            return Optional.of("increased NUMERIC_PRECISION");
        }
        if (target.numericScale() > source.numericScale()) {
            return Optional.of("increased NUMERIC_SCALE");
        }
        if (target.datetimePrecision() > source.datetimePrecision()) {
            return Optional.of("increased DATETIME_PRECISION");
        }
        if (source.isNumeric() && target.isNumeric()) {
            if (source.unsigned() && !target.unsigned()) {
                return Optional.of("source is unsigned, target is signed");
            }
            if (source.numericPrecision() <= target.numericPrecision() && !source.unsigned() && target.unsigned()) {
                return Optional.of("target unsigned value exceeds source unsigned value");
            }
            if (target.isFloatingPoint() && !source.isFloatingPoint()) {
                return Optional.of("target is floating point, source is not");
            }
        }
        if (EXPANDED_DATA_TYPES.contains(source.dataType() + ":" + target.dataType())) {
            return Optional.of("target is expanded data type of source");
        }
        if (!source.characterSet().equals(target.characterSet())) {
            if (target.characterSet().equals("utf8mb4")) {
                return Optional.of("expand character set to utf8mb4");
            }
            if (target.characterSet().startsWith("utf8") && !source.characterSet().startsWith("utf8")) {
                return Optional.of("expand character set to utf8");
            }
        }
        if ((source.isEnum() && !target.isEnum()) || (source.isSet() && !target.isSet())) {
            return Optional.of("conversion from enum/set to non-enum/set adds potential values");
        }
        if ((source.isEnum() || source.isSet()) && valuesBeyond(source.enumValues(), target.enumValues())) {
            return Optional.of("target enum/set expands source enum/set");
        }
        return Optional.empty();
    }

    /** Whether some target value is not the source's value at the same position (a new or moved value). */
    private static boolean valuesBeyond(List<String> sourceValues, List<String> targetValues) {
        for (int i = 0; i < targetValues.size(); i++) {
            if (i >= sourceValues.size() || !sourceValues.get(i).equals(targetValues.get(i))) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ helpers

    private static String quote(ColumnInfo column) {
        return Identifiers.quote(column.name());
    }

    private static String quotedList(List<String> names) {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(","));
    }

    private static Map<String, String> caseInsensitive(Map<String, String> map) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(map);
        return copy;
    }
}
