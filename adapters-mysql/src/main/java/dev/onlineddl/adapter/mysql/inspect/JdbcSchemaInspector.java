package dev.onlineddl.adapter.mysql.inspect;

import com.mysql.cj.exceptions.MysqlErrorNumbers;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.domain.server.BinlogPosition;
import dev.onlineddl.domain.server.ServerCapabilities;
import dev.onlineddl.domain.server.ServerCapability;
import dev.onlineddl.domain.server.ServerVariables;
import dev.onlineddl.domain.server.ServerVersion;
import dev.onlineddl.port.out.ForeignKeyParticipation;
import dev.onlineddl.port.out.RelationKind;
import dev.onlineddl.port.out.SchemaInspectionException;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.ServerProcess;
import dev.onlineddl.port.out.TableColumn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * {@link SchemaInspector} over JDBC. Each call borrows a connection from the data source and
 * gives it back; values are bound, identifiers quoted.
 *
 * <p>Names are matched exactly. INFORMATION_SCHEMA compares names case-insensitively on MariaDB
 * (and on MySQL with {@code lower_case_table_names} set), so rows are filtered again here:
 * an exact match wins, and a match differing only in case counts only when the server folds
 * table names, as the server itself would then resolve the name.
 */
public final class JdbcSchemaInspector implements SchemaInspector {

    private static final String SELECT_TABLE = """
            SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_ROWS, AUTO_INCREMENT
            FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?""";

    // Vitess tablegc lists its tables with SHOW FULL TABLES LIKE '\_vt\_%'; INFORMATION_SCHEMA
    // takes the schema as a bound value and the escape character explicitly.
    private static final String SELECT_TABLES_WITH_PREFIX = """
            SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE
            FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME LIKE ?""" + LikePatterns.ESCAPE_CLAUSE;

    // Vitess's selSelectCountFKParentConstraints / selSelectCountFKChildConstraints. The rows
    // are counted here rather than with COUNT(*) so that names are compared exactly (see above).
    private static final String SELECT_FK_AS_PARENT = """
            SELECT REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME
            FROM information_schema.KEY_COLUMN_USAGE
            WHERE REFERENCED_TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL""";
    private static final String SELECT_FK_AS_CHILD = """
            SELECT TABLE_SCHEMA, TABLE_NAME
            FROM information_schema.KEY_COLUMN_USAGE
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL""";

    private static final String SELECT_SERVER_VARIABLES =
            "SELECT @@global.hostname, @@global.port, @@global.read_only, @@global.version, @@global.version_comment";

    // Vitess's sqlFindProcess, with the matched text escaped instead of used as a pattern.
    private static final String SELECT_PROCESS = """
            SELECT ID, USER, DB, COMMAND, TIME, STATE, INFO
            FROM information_schema.PROCESSLIST
            WHERE ID = ? AND INFO LIKE ?""" + LikePatterns.ESCAPE_CLAUSE;

    private static final String SELECT_COLUMNS = """
            SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE,
                   COLUMN_DEFAULT, EXTRA, COLUMN_KEY, CHARACTER_SET_NAME, COLLATION_NAME
            FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
            ORDER BY ORDINAL_POSITION""";

    private final DataSource dataSource;

    public JdbcSchemaInspector(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<RelationKind> relationKind(String schema, String name) {
        return read("whether " + qualified(schema, name) + " exists", connection ->
                findTable(connection, schema, name, false).map(TableRow::kind));
    }

    @Override
    public SortedMap<String, RelationKind> relationsWithNamePrefix(String schema, String namePrefix) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(namePrefix, "namePrefix");
        return read("the tables of `" + schema + "` named " + namePrefix + "...", connection -> {
            SortedMap<String, RelationKind> relations = new TreeMap<>();
            List<TableRow> caseInsensitive = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_TABLES_WITH_PREFIX)) {
                select.setString(1, schema);
                select.setString(2, LikePatterns.literal(namePrefix) + "%");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        TableRow row = new TableRow(new TableName(rows.getString("TABLE_SCHEMA"), rows.getString("TABLE_NAME")),
                                kindOf(rows.getString("TABLE_TYPE")), 0, OptionalLong.empty());
                        if (row.name().schema().equals(schema) && row.name().table().startsWith(namePrefix)) {
                            relations.put(row.name().table(), row.kind());
                        } else if (row.name().schema().equalsIgnoreCase(schema)
                                && row.name().table().regionMatches(true, 0, namePrefix, 0, namePrefix.length())) {
                            caseInsensitive.add(row);
                        }
                    }
                }
            }
            // The server compares names here case- (and accent-) insensitively: a match that differs
            // in case counts only where the server folds table names itself, as in findTable.
            if (!caseInsensitive.isEmpty() && serverFoldsTableNames(connection)) {
                caseInsensitive.forEach(row -> relations.put(row.name().table(), row.kind()));
            }
            return Collections.unmodifiableSortedMap(relations);
        });
    }

    @Override
    public Optional<String> showCreateTable(String schema, String table) {
        return read("SHOW CREATE TABLE " + qualified(schema, table), connection ->
                showCreate(connection, "SHOW CREATE TABLE " + Identifiers.quoteQualified(schema, table)));
    }

    @Override
    public Optional<String> showCreateView(String schema, String view) {
        return read("SHOW CREATE VIEW " + qualified(schema, view), connection ->
                showCreate(connection, "SHOW CREATE VIEW " + Identifiers.quoteQualified(schema, view)));
    }

    @Override
    public ForeignKeyParticipation foreignKeyParticipation(String schema, String table) {
        return read("the foreign keys of " + qualified(schema, table), connection -> {
            // An existing table is counted under the name the server stores; a missing one can
            // still be referenced (foreign_key_checks=0), so its given name is counted as is.
            TableName name = findTable(connection, schema, table, false)
                    .map(TableRow::name)
                    .orElse(new TableName(schema, table));
            long asParent = countMatching(connection, SELECT_FK_AS_PARENT, name);
            long asChild = countMatching(connection, SELECT_FK_AS_CHILD, name);
            return new ForeignKeyParticipation(asParent, asChild);
        });
    }

    @Override
    public ServerVariables serverVariables() {
        return read("the server variables", JdbcSchemaInspector::readServerVariables);
    }

    @Override
    public ServerCapabilities capabilities() {
        return read("the server's version and capabilities", connection -> {
            ServerVersion version = readServerVariables(connection).serverVersion();
            ServerCapabilities capabilities = ServerCapabilities.of(version);
            if (version.isMariaDb()) {
                // SHOW VARIABLES answers no row (rather than an error) on releases without it.
                capabilities = capabilities.withInnodbInstantAlterColumnAllowed(
                        globalVariable(connection, "innodb_instant_alter_column_allowed").orElse(null));
            }
            return capabilities;
        });
    }

    @Override
    public Optional<ServerProcess> findProcess(long connectionId, String infoContains) {
        Objects.requireNonNull(infoContains, "infoContains");
        return read("connection " + connectionId + " in the process list", connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_PROCESS)) {
                select.setLong(1, connectionId);
                select.setString(2, LikePatterns.containing(infoContains));
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ServerProcess(rows.getLong("ID"), rows.getString("USER"), rows.getString("DB"),
                            rows.getString("COMMAND"), rows.getLong("TIME"), rows.getString("STATE"), rows.getString("INFO")));
                }
            }
        });
    }

    @Override
    public BinlogPosition currentBinlogPosition() {
        return read("the current binary log position", connection -> {
            ServerVersion version = readServerVariables(connection).serverVersion();
            if (!isOn(selectSingle(connection, "SELECT @@global.log_bin"))) {
                throw new SchemaInspectionException("cannot read the binary log position of " + version.describe()
                        + ": the server writes no binary log (log_bin is OFF). What to do: start the server with"
                        + " --log-bin (and binlog_format=ROW) so that changes can be streamed");
            }
            if (version.isMariaDb()) {
                // Every MariaDB transaction gets a GTID; gtid_binlog_pos is the last one written
                // to this server's binary log per domain, i.e. where a reader should resume.
                return BinlogPosition.MariaDbGtidList.parse(
                        Objects.requireNonNullElse(selectSingle(connection, "SELECT @@global.gtid_binlog_pos"), ""));
            }
            Optional<String> gtidMode = globalVariable(connection, "gtid_mode");
            if (gtidMode.map(mode -> mode.equalsIgnoreCase("ON")).orElse(false)) {
                return new BinlogPosition.MySqlGtidSet(
                        Objects.requireNonNullElse(selectSingle(connection, "SELECT @@global.gtid_executed"), ""));
            }
            return filePosition(connection, version);
        });
    }

    @Override
    public long estimatedRowCount(String schema, String table) {
        String what = "the row estimate of " + qualified(schema, table);
        return read(what, connection -> requireTable(connection, schema, table, what).rows());
    }

    @Override
    public OptionalLong autoIncrement(String schema, String table) {
        String what = "the AUTO_INCREMENT value of " + qualified(schema, table);
        return read(what, connection -> requireTable(connection, schema, table, what).autoIncrement());
    }

    @Override
    public List<TableColumn> columns(String schema, String table) {
        return read("the columns of " + qualified(schema, table), connection -> {
            Optional<TableRow> found = findTable(connection, schema, table, false);
            if (found.isEmpty()) {
                return List.of();
            }
            TableName name = found.get().name();
            List<TableColumn> columns = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT_COLUMNS)) {
                select.setString(1, name.schema());
                select.setString(2, name.table());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (name.equals(new TableName(rows.getString("TABLE_SCHEMA"), rows.getString("TABLE_NAME")))) {
                            columns.add(toColumn(rows));
                        }
                    }
                }
            }
            return List.copyOf(columns);
        });
    }

    // ---------------------------------------------------------------------------------------

    private record TableName(String schema, String table) {
    }

    private record TableRow(TableName name, RelationKind kind, long rows, OptionalLong autoIncrement) {
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T read(String what, ConnectionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new SchemaInspectionException("could not read " + what + ": " + ServerErrors.shortMessage(e) + ServerErrors.errorTag(e)
                    + ". What to do: " + inspectionAdvice(e), e);
        }
    }

    private static String inspectionAdvice(SQLException e) {
        if (ServerErrors.isConnectionFailure(e)) {
            return "check that the server is running and reachable, then retry; nothing was changed";
        }
        return switch (e.getErrorCode()) {
            case MysqlErrorNumbers.ER_DBACCESS_DENIED_ERROR, MysqlErrorNumbers.ER_ACCESS_DENIED_ERROR,
                    MysqlErrorNumbers.ER_TABLEACCESS_DENIED_ERROR, MysqlErrorNumbers.ER_SPECIFIC_ACCESS_DENIED_ERROR -> "give the executor's account the privilege the server names"
                    + " (it needs SELECT on the tables, PROCESS and REPLICATION CLIENT)";
            default -> ServerErrors.advice(e);
        };
    }

    private static TableRow requireTable(Connection connection, String schema, String table, String what) throws SQLException {
        return findTable(connection, schema, table, true)
                .orElseThrow(() -> new SchemaInspectionException("could not read " + what
                        + ": the table does not exist. What to do: check the schema and table name"));
    }

    /**
     * The table's row of INFORMATION_SCHEMA.TABLES under exact-name semantics.
     *
     * @param freshStatistics MySQL 8.0 caches TABLE_ROWS and AUTO_INCREMENT for a day
     *        ({@code information_schema_stats_expiry}); reading them needs the cache bypassed
     */
    private static Optional<TableRow> findTable(Connection connection, String schema, String table, boolean freshStatistics)
            throws SQLException {
        if (freshStatistics && isMySql(connection)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION information_schema_stats_expiry = 0");
            } catch (SQLException e) {
                if (e.getErrorCode() != MysqlErrorNumbers.ER_UNKNOWN_SYSTEM_VARIABLE) { // MySQL 5.7 reads live values anyway
                    throw e;
                }
            }
        }
        List<TableRow> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_TABLE)) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    // AUTO_INCREMENT is NULL for tables without an auto-increment column (and views)
                    Object autoIncrement = rows.getObject("AUTO_INCREMENT");
                    candidates.add(new TableRow(
                            new TableName(rows.getString("TABLE_SCHEMA"), rows.getString("TABLE_NAME")),
                            kindOf(rows.getString("TABLE_TYPE")),
                            rows.getLong("TABLE_ROWS"),
                            autoIncrement == null ? OptionalLong.empty() : OptionalLong.of(((Number) autoIncrement).longValue())));
                }
            }
        }
        TableName wanted = new TableName(schema, table);
        for (TableRow candidate : candidates) {
            if (candidate.name().equals(wanted)) {
                return Optional.of(candidate);
            }
        }
        List<TableRow> caseInsensitive = candidates.stream()
                .filter(candidate -> candidate.name().schema().equalsIgnoreCase(schema)
                        && candidate.name().table().equalsIgnoreCase(table))
                .toList();
        if (caseInsensitive.isEmpty() || !serverFoldsTableNames(connection)) {
            return Optional.empty();
        }
        return Optional.of(caseInsensitive.get(0));
    }

    private static RelationKind kindOf(String tableType) {
        return switch (tableType == null ? "" : tableType.toUpperCase(Locale.ROOT)) {
            case "BASE TABLE", "SYSTEM VERSIONED" -> RelationKind.TABLE;
            case "VIEW" -> RelationKind.VIEW;
            default -> RelationKind.OTHER;
        };
    }

    private static boolean serverFoldsTableNames(Connection connection) throws SQLException {
        String value = selectSingle(connection, "SELECT @@lower_case_table_names");
        return value != null && !value.equals("0");
    }

    private static Optional<String> showCreate(Connection connection, String statement) throws SQLException {
        try (Statement show = connection.createStatement(); ResultSet rows = show.executeQuery(statement)) {
            return rows.next() ? Optional.ofNullable(rows.getString(2)) : Optional.empty();
        } catch (SQLException e) {
            // ER_NO_SUCH_TABLE: neither table nor view; ER_WRONG_OBJECT: SHOW CREATE VIEW of a table;
            // ER_BAD_DB_ERROR: no such schema. All mean "there is no such object".
            if (e.getErrorCode() == MysqlErrorNumbers.ER_NO_SUCH_TABLE || e.getErrorCode() == MysqlErrorNumbers.ER_WRONG_OBJECT
                    || e.getErrorCode() == MysqlErrorNumbers.ER_BAD_DB_ERROR) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static long countMatching(Connection connection, String query, TableName name) throws SQLException {
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement(query)) {
            select.setString(1, name.schema());
            select.setString(2, name.table());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (name.equals(new TableName(rows.getString(1), rows.getString(2)))) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static ServerVariables readServerVariables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SELECT_SERVER_VARIABLES)) {
            if (!rows.next()) {
                throw new SQLException("the server returned no row for its variables");
            }
            return new ServerVariables(rows.getString(1), rows.getInt(2), isOn(rows.getString(3)), rows.getString(4),
                    rows.getString(5));
        }
    }

    private static Optional<String> globalVariable(Connection connection, String name) throws SQLException {
        // SHOW ... LIKE takes no ESCAPE clause; WHERE compares the name exactly on every flavour.
        try (PreparedStatement show = connection.prepareStatement("SHOW GLOBAL VARIABLES WHERE Variable_name = ?")) {
            show.setString(1, name);
            try (ResultSet rows = show.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(2)) : Optional.empty();
            }
        }
    }

    private static BinlogPosition filePosition(Connection connection, ServerVersion version) throws SQLException {
        boolean renamed = ServerCapabilities.of(version).supports(ServerCapability.BINARY_LOG_STATUS_STATEMENT);
        String statement = renamed ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
        try (Statement show = connection.createStatement(); ResultSet rows = show.executeQuery(statement)) {
            if (!rows.next()) {
                throw new SchemaInspectionException("cannot read the binary log position of " + version.describe()
                        + ": " + statement + " returned nothing. What to do: enable the binary log (--log-bin)");
            }
            return new BinlogPosition.FilePosition(rows.getString("File"), rows.getLong("Position"));
        }
    }

    private static String selectSingle(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static boolean isMySql(Connection connection) throws SQLException {
        // The driver learned the version in the handshake: no round trip.
        return ServerVersion.parse(connection.getMetaData().getDatabaseProductVersion()).isMySql();
    }

    /** read_only and log_bin read as 0/1, or OFF/ON; MariaDB 11.x adds more values, all of them "on". */
    private static boolean isOn(String value) {
        return value != null && !value.equals("0") && !value.equalsIgnoreCase("OFF");
    }

    private static TableColumn toColumn(ResultSet rows) throws SQLException {
        return new TableColumn(
                rows.getString("COLUMN_NAME"),
                rows.getInt("ORDINAL_POSITION"),
                rows.getString("DATA_TYPE").toLowerCase(Locale.ROOT),
                rows.getString("COLUMN_TYPE"),
                "YES".equalsIgnoreCase(rows.getString("IS_NULLABLE")),
                Optional.ofNullable(rows.getString("COLUMN_DEFAULT")),
                rows.getString("EXTRA"),
                rows.getString("COLUMN_KEY"),
                rows.getString("CHARACTER_SET_NAME"),
                rows.getString("COLLATION_NAME"));
    }

    private static String qualified(String schema, String table) {
        return "`" + schema + "`.`" + table + "`";
    }
}
