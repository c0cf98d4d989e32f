package dev.onlineddl.port.out;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One column of a table, as INFORMATION_SCHEMA.COLUMNS describes it.
 *
 * @param name column name
 * @param ordinalPosition 1-based position in the table
 * @param dataType the bare type, lower case, e.g. {@code varchar}, {@code enum}
 * @param columnType the full type, e.g. {@code varchar(50)}, {@code int(10) unsigned}, {@code enum('a','b')}
 * @param nullable whether NULL is allowed
 * @param defaultValue COLUMN_DEFAULT as the server reports it, empty when that is SQL NULL. The
 *        flavours differ: MySQL reports the bare value ({@code abc}), MariaDB 10.2.7+ reports an
 *        SQL expression ({@code 'abc'}, and the text {@code NULL} for an explicit NULL default)
 * @param extra EXTRA, e.g. {@code auto_increment}, {@code VIRTUAL GENERATED}, {@code on update current_timestamp()}
 * @param columnKey COLUMN_KEY: {@code PRI}, {@code UNI}, {@code MUL} or empty
 * @param characterSet character set of a textual column; empty otherwise
 * @param collation collation of a textual column; empty otherwise
 */
public record TableColumn(
        String name,
        int ordinalPosition,
        String dataType,
        String columnType,
        boolean nullable,
        Optional<String> defaultValue,
        String extra,
        String columnKey,
        String characterSet,
        String collation) {

    public TableColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(columnType, "columnType");
        Objects.requireNonNull(defaultValue, "defaultValue");
        extra = Objects.requireNonNullElse(extra, "");
        columnKey = Objects.requireNonNullElse(columnKey, "");
        characterSet = Objects.requireNonNullElse(characterSet, "");
        collation = Objects.requireNonNullElse(collation, "");
    }

    public boolean isAutoIncrement() {
        return extra.toLowerCase(Locale.ROOT).contains("auto_increment");
    }

    /**
     * A VIRTUAL generated column (MySQL: {@code VIRTUAL GENERATED}, MariaDB: {@code VIRTUAL GENERATED}
     * or {@code VIRTUAL}); its values are not stored.
     */
    public boolean isVirtual() {
        return extra.toUpperCase(Locale.ROOT).startsWith("VIRTUAL");
    }

    /** Any generated column, virtual or stored (MariaDB also says PERSISTENT). */
    public boolean isGenerated() {
        String upper = extra.toUpperCase(Locale.ROOT);
        return upper.contains("GENERATED") || upper.startsWith("VIRTUAL") || upper.startsWith("PERSISTENT")
                || upper.startsWith("STORED");
    }
}
