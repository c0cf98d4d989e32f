package dev.onlineddl.adapter.vreplication.plan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One column of the unique key the engine iterates, as much as the binlog decoder needs to turn a
 * row image's cell into a value the server compares equal to the stored one.
 *
 * @param name         the column's name in the source table
 * @param ordinal      its 1-based position in the source table (the row image's order)
 * @param dataType     lower-case DATA_TYPE
 * @param unsigned     an unsigned integer (the binlog carries the bits; Java reads them signed)
 * @param characterSet the column's character set, empty for non-textual columns
 * @param enumValues   an ENUM's values in definition order (the binlog carries the 1-based index)
 */
public record KeyColumn(String name, int ordinal, String dataType, boolean unsigned, String characterSet,
        List<String> enumValues) {

    private static final Set<String> INTEGRAL = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
    private static final Set<String> DECIMAL = Set.of("decimal", "numeric");
    private static final Set<String> STRING = Set.of("char", "varchar", "binary", "varbinary");

    public KeyColumn {
        Objects.requireNonNull(name, "name");
        dataType = dataType.toLowerCase(Locale.ROOT);
        characterSet = Objects.requireNonNullElse(characterSet, "");
        enumValues = List.copyOf(enumValues);
        if (ordinal < 1) {
            throw new IllegalArgumentException("key column " + name + " has no position in its table");
        }
    }

    public boolean isIntegral() {
        return INTEGRAL.contains(dataType);
    }

    /**
     * Whether this engine can decode the column from a binlog row image. Temporal, floating and
     * other key types come with the type matrix of a later part; until then such a key is refused
     * before anything is created rather than matched wrongly.
     */
    public boolean isSupportedKeyType() {
        return isIntegral() || DECIMAL.contains(dataType) || STRING.contains(dataType) || dataType.equals("enum");
    }
}
