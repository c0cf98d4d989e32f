package dev.onlineddl.adapter.vreplication.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Column descriptions for tests, with the values INFORMATION_SCHEMA gives for each type, so a
 * test says only what matters to it: {@code Columns.of("id", "int").unsigned()}.
 */
final class Columns {

    private String name;
    private String dataType;
    private String columnType;
    private boolean nullable;
    private boolean hasDefault = true;
    private boolean unsigned;
    private boolean generated;
    private String charset = "";
    private String collation = "";
    private long maxLength = -1;
    private long precision = -1;
    private long scale = -1;
    private long datetimePrecision = -1;
    private List<String> values = List.of();

    private Columns() {
    }

    /** A NOT NULL column with a default, typed as the server reports {@code dataType}. */
    static Columns of(String name, String dataType) {
        Columns column = new Columns();
        column.name = name;
        column.dataType = dataType;
        column.columnType = dataType;
        switch (dataType) {
            case "tinyint" -> column.numeric(3, 0);
            case "smallint" -> column.numeric(5, 0);
            case "mediumint" -> column.numeric(7, 0);
            case "int" -> column.numeric(10, 0);
            case "bigint" -> column.numeric(19, 0);
            case "float" -> column.numeric(12, -1);
            case "double" -> column.numeric(22, -1);
            case "decimal" -> column.numeric(10, 2);
            case "varchar", "char" -> column.text(10);
            case "text" -> column.text(65535);
            case "date" -> column.datetimePrecision = -1;
            case "datetime", "timestamp", "time" -> column.datetimePrecision = 0;
            case "json" -> column.maxLength = -1;
            default -> {
            }
        }
        return column;
    }

    static Columns enumOf(String name, String... values) {
        return valued(of(name, "enum"), "enum", values);
    }

    static Columns setOf(String name, String... values) {
        return valued(of(name, "set"), "set", values);
    }

    private static Columns valued(Columns column, String kind, String... values) {
        column.values = List.of(values);
        column.columnType = kind + "('" + String.join("','", values) + "')";
        column.charset = "utf8mb4";
        column.collation = "utf8mb4_general_ci";
        column.maxLength = Arrays.stream(values).mapToInt(String::length).max().orElse(0);
        return column;
    }

    private Columns numeric(long numericPrecision, long numericScale) {
        precision = numericPrecision;
        scale = numericScale;
        return this;
    }

    private Columns text(long length) {
        return length(length).charset("utf8mb4");
    }

    Columns length(long length) {
        maxLength = length;
        columnType = dataType + "(" + length + ")";
        return this;
    }

    Columns charset(String characterSet) {
        charset = characterSet;
        collation = characterSet + "_general_ci";
        return this;
    }

    Columns nullable() {
        nullable = true;
        return this;
    }

    /** NOT NULL without a default: an INSERT must give it a value. */
    Columns noDefault() {
        hasDefault = false;
        return this;
    }

    Columns unsigned() {
        unsigned = true;
        columnType = columnType + " unsigned";
        return this;
    }

    Columns generated() {
        generated = true;
        return this;
    }

    Columns precision(long numericPrecision) {
        precision = numericPrecision;
        return this;
    }

    Columns datetimePrecision(long fraction) {
        datetimePrecision = fraction;
        return this;
    }

    ColumnInfo at(int ordinal) {
        return new ColumnInfo(name, ordinal, dataType, columnType, nullable, hasDefault || nullable, unsigned, generated,
                charset, collation, maxLength, precision, scale, datetimePrecision, values);
    }

    /** A table of these columns (ordinals by position) and keys, keys in the order given. */
    static TableShape table(String table, List<Columns> columns, UniqueKeyInfo... keys) {
        List<ColumnInfo> infos = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            infos.add(columns.get(i).at(i + 1));
        }
        return new TableShape(table, infos, List.of(keys));
    }

    static UniqueKeyInfo key(String name, String... columns) {
        return new UniqueKeyInfo(name, List.of(columns), false, false);
    }

    static UniqueKeyInfo primary(String... columns) {
        return key("PRIMARY", columns);
    }
}
