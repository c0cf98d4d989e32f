package dev.onlineddl.adapter.vreplication.inspect;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.domain.naming.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what the server knows about a table that the analysis needs: its columns and unique keys
 * (from {@code INFORMATION_SCHEMA}, as Vitess v16's vrepl analysis reads them), its triggers and
 * foreign keys, its AUTO_INCREMENT counter and row estimate, and whether the server's binlog
 * carries what the engine must read from it.
 *
 * <p>Stateless; every method runs on the connection it is given and leaves it as it was. Values
 * are bound, never spliced into SQL.
 */
public final class TableInspector {

    private static final String COLUMNS = "SELECT COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE,"
            + " COLUMN_DEFAULT IS NULL AS is_default_null, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME,"
            + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION"
            + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";

    /** Index name breaks ties so that keys Vitess's order does not tell apart still come in one order every time. */
    private static final String UNIQUE_KEY_COLUMNS = "SELECT INDEX_NAME, COLUMN_NAME, NULLABLE"
            + " FROM INFORMATION_SCHEMA.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0"
            + " ORDER BY INDEX_NAME, SEQ_IN_INDEX";

    private static final String TRIGGERS = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS"
            + " WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ?";

    /** KEY_COLUMN_USAGE has a row per column of a foreign key: count the constraints, not their columns. */
    private static final String FOREIGN_KEYS_OF_TABLE = "SELECT COUNT(DISTINCT CONSTRAINT_SCHEMA, CONSTRAINT_NAME)"
            + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL";

    private static final String FOREIGN_KEYS_TO_TABLE = "SELECT COUNT(DISTINCT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME)"
            + " FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
            + " WHERE REFERENCED_TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME = ?";

    /**
     * MySQL 8.0 may answer these from cached statistics (information_schema_stats_expiry); MariaDB
     * reads them from the engine. Good enough for an estimate and for the counter, which the
     * migration re-applies only when it is ahead of the shadow table's.
     */
    private static final String TABLE_STATUS = "SELECT AUTO_INCREMENT, TABLE_ROWS FROM INFORMATION_SCHEMA.TABLES"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    /**
     * EXTRA of a generated column: {@code VIRTUAL GENERATED}, {@code STORED GENERATED}, or
     * MariaDB's older {@code VIRTUAL} / {@code PERSISTENT}; but not MySQL's
     * {@code DEFAULT_GENERATED}, which marks an expression default.
     */
    private static final Pattern GENERATED = Pattern.compile("(?i)(^|\\s)(VIRTUAL|STORED|PERSISTENT)(\\s|$)");

    public TableInspector() {
    }

    /**
     * The table's columns in ordinal order and its unique keys in Vitess's order of preference.
     *
     * @throws TableInspectionException when the table has no columns, i.e. it does not exist
     */
    public TableShape shape(Connection connection, String schema, String table) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        List<ColumnInfo> columns = columns(connection, schema, table);
        if (columns.isEmpty()) {
            throw new TableInspectionException("Found 0 columns on " + Identifiers.quote(table) + " (table "
                    + Identifiers.quoteQualified(schema, table) + "): the table does not exist or the user cannot see it");
        }
        TableShape withColumns = new TableShape(table, columns, List.of());
        return TableShape.withKeysInVitessOrder(table, columns, uniqueKeys(connection, schema, table, withColumns));
    }

    private static List<ColumnInfo> columns(Connection connection, String schema, String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, COLUMNS, schema, table); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString("COLUMN_NAME");
                String columnType = rows.getString("COLUMN_TYPE");
                String dataType = rows.getString("DATA_TYPE").toLowerCase(Locale.ROOT);
                boolean nullable = "YES".equalsIgnoreCase(rows.getString("IS_NULLABLE"));
                boolean defaultNull = rows.getBoolean("is_default_null");
                String extra = Optional.ofNullable(rows.getString("EXTRA")).orElse("");
                columns.add(new ColumnInfo(name, rows.getInt("ORDINAL_POSITION"), dataType, columnType, nullable,
                        !(defaultNull && !nullable),
                        columnType.toLowerCase(Locale.ROOT).contains("unsigned"),
                        GENERATED.matcher(extra).find(),
                        rows.getString("CHARACTER_SET_NAME"), rows.getString("COLLATION_NAME"),
                        longOrMinusOne(rows, "CHARACTER_MAXIMUM_LENGTH"), longOrMinusOne(rows, "NUMERIC_PRECISION"),
                        longOrMinusOne(rows, "NUMERIC_SCALE"), longOrMinusOne(rows, "DATETIME_PRECISION"),
                        dataType.equals("enum") || dataType.equals("set") ? enumValues(columnType) : List.of()));
            }
        }
        return columns;
    }

    private static List<UniqueKeyInfo> uniqueKeys(Connection connection, String schema, String table, TableShape shape)
            throws SQLException {
        Map<String, List<String>> columnsByKey = new LinkedHashMap<>();
        Map<String, Boolean> nullableByKey = new LinkedHashMap<>();
        try (PreparedStatement select = prepare(connection, UNIQUE_KEY_COLUMNS, schema, table);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String key = rows.getString("INDEX_NAME");
                columnsByKey.computeIfAbsent(key, name -> new ArrayList<>()).add(rows.getString("COLUMN_NAME"));
                nullableByKey.merge(key, "YES".equalsIgnoreCase(rows.getString("NULLABLE")), Boolean::logicalOr);
            }
        }
        List<UniqueKeyInfo> keys = new ArrayList<>();
        columnsByKey.forEach((key, keyColumns) -> keys.add(new UniqueKeyInfo(key, keyColumns, nullableByKey.get(key),
                shape.column(keyColumns.get(0)).map(ColumnInfo::isFloatingPoint).orElse(false))));
        return keys;
    }

    /** How many triggers the table has: the engine's copy would not fire them, so a migration refuses such tables. */
    public int triggerCount(Connection connection, String schema, String table) throws SQLException {
        return (int) count(connection, TRIGGERS, schema, table);
    }

    /**
     * Why the table's foreign keys stand in the way of a migration, if it has any or any table
     * references it: the copy would not carry the references over, and the swap would break them.
     *
     * @return e.g. {@code table `t` has 1 foreign key and is referenced by 0 foreign keys}; empty when neither
     */
    public Optional<String> foreignKeyProblem(Connection connection, String schema, String table) throws SQLException {
        long own = count(connection, FOREIGN_KEYS_OF_TABLE, schema, table);
        long referencing = count(connection, FOREIGN_KEYS_TO_TABLE, schema, table);
        if (own == 0 && referencing == 0) {
            return Optional.empty();
        }
        return Optional.of("table " + Identifiers.quote(table) + " has " + foreignKeys(own)
                + " and is referenced by " + foreignKeys(referencing));
    }

    private static String foreignKeys(long count) {
        return count + (count == 1 ? " foreign key" : " foreign keys");
    }

    /** The table's next AUTO_INCREMENT value, 0 when it has no AUTO_INCREMENT column (or no such table). */
    public long autoIncrement(Connection connection, String schema, String table) throws SQLException {
        return tableStatus(connection, schema, table, "AUTO_INCREMENT");
    }

    /** The engine's estimate of the table's rows (Vitess's table_rows), 0 when unknown. */
    public long estimatedRows(Connection connection, String schema, String table) throws SQLException {
        return tableStatus(connection, schema, table, "TABLE_ROWS");
    }

    private static long tableStatus(Connection connection, String schema, String table, String column) throws SQLException {
        try (PreparedStatement select = prepare(connection, TABLE_STATUS, schema, table); ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return 0;
            }
            long value = rows.getLong(column);
            return rows.wasNull() ? 0 : value;
        }
    }

    /**
     * What is wrong with the server's binlog settings for the engine, which reads every change of
     * the table from the binlog as whole rows: the binlog must be on, in ROW format with FULL row
     * images, and on MariaDB with FULL row metadata (column names and types in the events). The
     * global values count, since they are what new sessions, and so the application's writes, use.
     *
     * @return one message per problem, naming the setting and how to fix it; empty when all is well
     */
    public List<String> binlogSettingProblems(Connection connection) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT @@GLOBAL.log_bin, @@GLOBAL.binlog_format,"
                        + " @@GLOBAL.binlog_row_image, @@version")) {
            row.next();
            String logBin = row.getString(1);
            if (!("1".equals(logBin) || "ON".equalsIgnoreCase(logBin))) {
                problems.add("log_bin is OFF: the vitess strategy reads changes from the binary log"
                        + " (start the server with --log-bin)");
            }
            requireSetting(problems, "binlog_format", row.getString(2), "ROW");
            requireSetting(problems, "binlog_row_image", row.getString(3), "FULL");
            boolean mariaDb = row.getString(4).contains("MariaDB");
            if (mariaDb) {
                try (ResultSet metadata = statement.executeQuery("SELECT @@GLOBAL.binlog_row_metadata,"
                        + " @@GLOBAL.log_bin_compress")) {
                    metadata.next();
                    requireSetting(problems, "binlog_row_metadata", metadata.getString(1), "FULL");
                    requireOff(problems, "log_bin_compress", metadata.getString(2));
                }
            } else {
                requireOff(problems, "binlog_transaction_compression", globalOrNull(statement,
                        "SELECT @@GLOBAL.binlog_transaction_compression"));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * Compressed binlog events carry their rows inside an envelope the binlog reader cannot follow
     * row by row: with them the engine could miss changes, so it refuses.
     */
    private static void requireOff(List<String> problems, String setting, String value) {
        if (value != null && ("1".equals(value) || "ON".equalsIgnoreCase(value))) {
            problems.add(setting + " is ON: the vitess strategy cannot read compressed binlog events (SET GLOBAL "
                    + setting + "=OFF for the time of the migration)");
        }
    }

    /** A global variable's value; null when the server does not know the variable (an older version). */
    private static String globalOrNull(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException unknownVariable) {
            if (unknownVariable.getErrorCode() == MysqlErrorNumbers.ER_UNKNOWN_SYSTEM_VARIABLE) {
                return null;
            }
            throw unknownVariable;
        }
    }

    private static void requireSetting(List<String> problems, String setting, String value, String needed) {
        if (!needed.equalsIgnoreCase(value)) {
            problems.add(setting + " is " + value + ": the vitess strategy needs " + setting + "=" + needed
                    + " (SET GLOBAL " + setting + "=" + needed + ", or --" + setting.replace('_', '-') + "=" + needed
                    + " in the server's configuration)");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static PreparedStatement prepare(Connection connection, String sql, String schema, String table)
            throws SQLException {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, schema);
        statement.setString(2, table);
        return statement;
    }

    private static long count(Connection connection, String sql, String schema, String table) throws SQLException {
        try (PreparedStatement select = prepare(connection, sql, schema, table); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long longOrMinusOne(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? -1 : value;
    }

    /**
     * The values of {@code enum('a','it''s')} or {@code set(...)} as COLUMN_TYPE writes them:
     * single-quoted, quotes inside doubled.
     */
    static List<String> enumValues(String columnType) {
        int open = columnType.indexOf('(');
        int close = columnType.lastIndexOf(')');
        if (open < 0 || close < open) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        String list = columnType.substring(open + 1, close);
        int i = 0;
        while (i < list.length()) {
            if (list.charAt(i) != '\'') {
                i++; // a comma (or space) between values
                continue;
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < list.length()) {
                char c = list.charAt(i);
                if (c == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                } else if (c == '\'') {
                    i++;
                    break;
                } else {
                    value.append(c);
                    i++;
                }
            }
            values.add(value.toString());
        }
        return List.copyOf(values);
    }
}
