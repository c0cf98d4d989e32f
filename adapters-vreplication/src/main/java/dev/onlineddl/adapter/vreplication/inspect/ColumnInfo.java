package dev.onlineddl.adapter.vreplication.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a table, as {@code INFORMATION_SCHEMA.COLUMNS} describes it.
 *
 * @param name                   the column's name, as the server reports it
 * @param ordinal                its position in the table, from 1
 * @param dataType               {@code DATA_TYPE}, lower case, e.g. {@code varchar}
 * @param columnType             {@code COLUMN_TYPE}, e.g. {@code int(10) unsigned} or {@code enum('a','b')}
 * @param nullable               {@code IS_NULLABLE} is YES
 * @param hasDefault             false only for a NOT NULL column whose default is NULL, i.e. one an
 *                               INSERT must give a value for (Vitess's rule: a nullable column always
 *                               "has" the default NULL)
 * @param unsigned               the type is unsigned
 * @param generated              a STORED, VIRTUAL or PERSISTENT generated column, whose values the
 *                               server computes and a copy must not write
 * @param characterSet           {@code CHARACTER_SET_NAME}, {@code ""} for types without one
 * @param collation              {@code COLLATION_NAME}, {@code ""} for types without one
 * @param characterMaximumLength {@code CHARACTER_MAXIMUM_LENGTH}, -1 when NULL
 * @param numericPrecision       {@code NUMERIC_PRECISION}, -1 when NULL
 * @param numericScale           {@code NUMERIC_SCALE}, -1 when NULL
 * @param datetimePrecision      {@code DATETIME_PRECISION}, -1 when NULL
 * @param enumValues             the values of an ENUM or SET, unquoted, in order; empty for other types
 */
public record ColumnInfo(String name, int ordinal, String dataType, String columnType, boolean nullable,
        boolean hasDefault, boolean unsigned, boolean generated, String characterSet, String collation,
        long characterMaximumLength, long numericPrecision, long numericScale, long datetimePrecision,
        List<String> enumValues) {

    private static final Set<String> INTEGRAL = Set.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final Set<String> FLOATING_POINT = Set.of("float", "double");
    private static final Set<String> TEMPORAL = Set.of("date", "time", "datetime", "timestamp", "year");
    private static final Set<String> TEXT = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext");

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a column has a name");
        }
        if (ordinal < 1) {
            throw new IllegalArgumentException("column " + name + " has ordinal " + ordinal + ": ordinals start at 1");
        }
        dataType = Objects.requireNonNull(dataType, "data type of " + name).toLowerCase(Locale.ROOT);
        Objects.requireNonNull(columnType, "column type of " + name);
        characterSet = characterSet == null ? "" : characterSet;
        collation = collation == null ? "" : collation;
        enumValues = List.copyOf(Objects.requireNonNull(enumValues, "enum values of " + name));
    }

    /** TINYINT to BIGINT (Vitess's integral types; DECIMAL and BIT are not among them). */
    public boolean isIntegral() {
        return INTEGRAL.contains(dataType);
    }

    /** Vitess's test: the type has a numeric precision, so integers, DECIMAL, FLOAT, DOUBLE (and BIT). */
    public boolean isNumeric() {
        return numericPrecision > 0;
    }

    /** DATE, TIME, DATETIME, TIMESTAMP or YEAR. */
    public boolean isTemporal() {
        return TEMPORAL.contains(dataType);
    }

    /** FLOAT or DOUBLE: approximate values, which cannot be compared for equality reliably. */
    public boolean isFloatingPoint() {
        return FLOATING_POINT.contains(dataType);
    }

    /** CHAR, VARCHAR or a TEXT type with a character set (BINARY, VARBINARY and BLOBs have none). */
    public boolean isTextual() {
        return TEXT.contains(dataType) && !characterSet.isEmpty();
    }

    public boolean isEnum() {
        return dataType.equals("enum");
    }

    public boolean isSet() {
        return dataType.equals("set");
    }

    /**
     * A JSON column as MySQL has it. MariaDB's JSON is an alias of LONGTEXT and reports that, so
     * it is textual there.
     */
    public boolean isJson() {
        return dataType.equals("json");
    }
}
