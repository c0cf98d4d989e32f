package dev.onlineddl.port.out;

import dev.onlineddl.domain.server.BinlogPosition;
import dev.onlineddl.domain.server.ServerCapabilities;
import dev.onlineddl.domain.server.ServerVariables;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * Reads what the executor needs to know about the target server and its tables. Every method
 * asks the server afresh (nothing is cached: tables and settings change under a running
 * executor). Names are matched exactly as the server matches them: case-sensitively unless the
 * server folds table names ({@code lower_case_table_names}), and {@code _} and {@code %} are plain
 * characters.
 *
 * <p>Every method throws {@link SchemaInspectionException} when the server cannot be asked.
 */
public interface SchemaInspector {

    /** What {@code name} is in {@code schema}, or empty when the schema has no table or view of that name. */
    Optional<RelationKind> relationKind(String schema, String name);

    /** A base table of that name exists. */
    default boolean tableExists(String schema, String table) {
        return relationKind(schema, table).filter(kind -> kind == RelationKind.TABLE).isPresent();
    }

    /** A view of that name exists. */
    default boolean viewExists(String schema, String view) {
        return relationKind(schema, view).filter(kind -> kind == RelationKind.VIEW).isPresent();
    }

    /**
     * The name is taken by a table or a view: Vitess's {@code tableExists}, which reads
     * {@code SHOW TABLES} and so sees both.
     */
    default boolean tableOrViewExists(String schema, String name) {
        return relationKind(schema, name).isPresent();
    }

    /**
     * The tables, views and other relations of {@code schema} whose names start with
     * {@code namePrefix}, with what each is, ordered by name; empty when there are none or the
     * schema does not exist. The prefix is matched as names are (see above): {@code _} and
     * {@code %} are plain characters. Table garbage collection lists its {@code _vt_} tables with it.
     */
    SortedMap<String, RelationKind> relationsWithNamePrefix(String schema, String namePrefix);

    /**
     * {@code SHOW CREATE TABLE} of a table, or of a view (the server then answers with the view's
     * CREATE VIEW, as Vitess relies on); empty when neither exists.
     */
    Optional<String> showCreateTable(String schema, String table);

    /** {@code SHOW CREATE VIEW}; empty when no view of that name exists (a base table is not a view). */
    Optional<String> showCreateView(String schema, String view);

    /** How many foreign keys point at the table and how many it has (Vitess's FK count queries). */
    ForeignKeyParticipation foreignKeyParticipation(String schema, String table);

    /** hostname, port, read_only, version and version_comment. */
    ServerVariables serverVariables();

    /** The server's flavour, release and what it can do, narrowed by its settings. */
    ServerCapabilities capabilities();

    /**
     * The connection with this id, if its current statement contains {@code infoContains}
     * (case-insensitively, as the server compares; {@code %} and {@code _} are plain characters).
     * Vitess's {@code sqlFindProcess}: the cut-over uses it to see its RENAME blocked.
     */
    Optional<ServerProcess> findProcess(long connectionId, String infoContains);

    /**
     * The position a binlog reader should start from to see every change committed after this
     * call: MySQL's executed GTID set when {@code gtid_mode=ON}, MariaDB's {@code gtid_binlog_pos},
     * else the binary log file and offset.
     *
     * @throws SchemaInspectionException also when the server writes no binary log
     */
    BinlogPosition currentBinlogPosition();

    /**
     * The server's estimate of the table's row count (INFORMATION_SCHEMA.TABLES.TABLE_ROWS): for
     * InnoDB an estimate, good for progress, not for correctness.
     *
     * @throws SchemaInspectionException also when the table does not exist
     */
    long estimatedRowCount(String schema, String table);

    /**
     * The table's next AUTO_INCREMENT value; empty when it has no auto-increment column.
     *
     * @throws SchemaInspectionException also when the table does not exist
     */
    OptionalLong autoIncrement(String schema, String table);

    /** The table's columns in table order; empty when the table does not exist. */
    List<TableColumn> columns(String schema, String table);
}
