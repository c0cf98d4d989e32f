package dev.onlineddl.service.gc;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.gc.GcAction;
import dev.onlineddl.domain.naming.GcTableName;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.DdlExecution;
import dev.onlineddl.port.out.DdlExecution.AcceptableError;
import dev.onlineddl.port.out.RelationKind;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.port.out.Throttler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Table garbage collection of the target database (Vitess {@code tablegc}): every pass lists the
 * {@code _vt_} tables, and for each GC-named one does what {@link dev.onlineddl.domain.gc.TableGcPolicy}
 * decides for its state and time: rename it to its next state, purge its rows in batches, or drop
 * it. A table moves at most one state per pass (a purge and the rename that ends it are one step),
 * so a table goes HOLD, PURGE, EVAC, DROP over several passes and is then gone. Tables whose names
 * are not GC names are never touched.
 *
 * <p>The executor's tick calls {@link #collect()} as its very last step, right after
 * {@link ArtifactCollector#collect()} has renamed due artifacts to PURGE names:
 * <pre>{@code
 *     artifactCollector.collect();
 *     tableGarbageCollector.collect();
 * }</pre>
 *
 * <p>Purging deletes rows with {@code DELETE FROM t LIMIT n}, one committed batch at a time, and
 * asks the throttler (app {@value #THROTTLER_APP}) before every batch; throttled, purging stops for
 * this pass and resumes at the next one. Unlike Vitess, binary logging stays on for the deletes:
 * replicas must see the same empty table before the DROP reaches them. Renames and drops are
 * metadata changes and are not throttled. Oldest tables (by the time in their names) go first.
 *
 * <p>Not for concurrent use: one tick thread calls it.
 */
public final class TableGarbageCollector {

    /**
     * The throttler app purging asks for (Vitess's name). Throttling all online DDL
     * ({@code online-ddl}) holds it back too where the throttler applies that app to every other.
     */
    public static final String THROTTLER_APP = "tablegc";

    /** Every GC table name starts so; the listing asks for no more. */
    static final String GC_NAME_PREFIX = "_vt_";

    private static final Logger LOG = LoggerFactory.getLogger(TableGarbageCollector.class);

    private final TargetConnections connections;
    private final SchemaInspector inspector;
    private final DdlExecutor ddlExecutor;
    private final Throttler throttler;
    private final Clock clock;
    private final TableGcSettings settings;

    /**
     * @param connections the target database: the tables are looked for in its schema, and purged
     *                    through its connections
     */
    public TableGarbageCollector(TargetConnections connections, SchemaInspector inspector, DdlExecutor ddlExecutor,
            Throttler throttler, Clock clock, TableGcSettings settings) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.ddlExecutor = Objects.requireNonNull(ddlExecutor, "ddlExecutor");
        this.throttler = Objects.requireNonNull(throttler, "throttler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * One pass over the GC tables. A failure on one table is logged with its name and does not keep
     * the others from being collected.
     *
     * @throws dev.onlineddl.port.out.SchemaInspectionException when the tables cannot be listed
     */
    public TableGcPass collect() {
        String schema = connections.schema();
        Pass pass = new Pass(schema);
        for (GcTable table : gcTables(schema)) {
            try {
                collect(table, pass);
            } catch (RuntimeException | SQLException e) {
                pass.failed.add(table.name().name());
                LOG.warn("table GC of {}.{} failed; the next pass tries again: {}", schema, table.name().name(),
                        e.getMessage());
            }
        }
        TableGcPass result = new TableGcPass(pass.renamed, pass.dropped, pass.rowsPurged, pass.throttled, pass.failed);
        if (!result.renamed().isEmpty() || !result.dropped().isEmpty() || result.rowsPurged() > 0) {
            LOG.info("table GC of {}: {} renamed, {} dropped, {} rows purged{}", schema, result.renamed().size(),
                    result.dropped().size(), result.rowsPurged(), result.purgeThrottled() ? ", purging throttled" : "");
        }
        return result;
    }

    private record GcTable(GcTableName name, RelationKind kind) {
        boolean baseTable() {
            return kind == RelationKind.TABLE;
        }
    }

    /** What one pass has done so far, and how much purging it may still do. */
    private final class Pass {
        final String schema;
        final List<TableGcPass.Renamed> renamed = new ArrayList<>();
        final List<String> dropped = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        long rowsPurged;
        int batchesLeft = settings.purgeBatchesPerPass();
        boolean throttled;

        Pass(String schema) {
            this.schema = schema;
        }

        boolean mayPurge() {
            return !throttled && batchesLeft > 0;
        }
    }

    /** The GC tables and views, oldest time first (Vitess purges the oldest table first). */
    private List<GcTable> gcTables(String schema) {
        List<GcTable> tables = new ArrayList<>();
        for (Map.Entry<String, RelationKind> relation : inspector.relationsWithNamePrefix(schema, GC_NAME_PREFIX).entrySet()) {
            if (relation.getValue() == RelationKind.OTHER) {
                continue; // a sequence or the like: not something we created, whatever its name
            }
            try {
                GcTableName.analyze(relation.getKey())
                        .ifPresent(name -> tables.add(new GcTable(name, relation.getValue())));
            } catch (InvalidInputException e) {
                LOG.warn("table GC leaves {}.{} alone: {}", schema, relation.getKey(), e.getMessage());
            }
        }
        tables.sort(Comparator.comparing((GcTable table) -> table.name().retainUntil())
                .thenComparing(table -> table.name().name()));
        return tables;
    }

    private void collect(GcTable table, Pass pass) throws SQLException {
        GcAction action = settings.policy().decide(table.name(), table.baseTable(), clock.instant());
        if (action instanceof GcAction.Wait wait) {
            LOG.debug("table GC: {} is due at {}", table.name(), wait.until());
        } else if (action instanceof GcAction.Rename rename) {
            rename(table, rename.to(), pass);
        } else if (action instanceof GcAction.PurgeRows) {
            purge(table, pass);
        } else if (action instanceof GcAction.Drop) {
            drop(table, pass);
        }
    }

    private void rename(GcTable table, GcTableName to, Pass pass) {
        String from = table.name().name();
        ddlExecutor.execute(DdlExecution.of(pass.schema, from, to.renameStatement(from)));
        pass.renamed.add(new TableGcPass.Renamed(from, to.name()));
        LOG.info("table GC: renamed {}.{} to {}", pass.schema, from, to.name());
    }

    private void drop(GcTable table, Pass pass) {
        String name = table.name().name();
        // DROP TABLE IF EXISTS leaves a view in place (with a mere note on MySQL): a view needs DROP VIEW
        String sql = (table.baseTable() ? "DROP TABLE IF EXISTS " : "DROP VIEW IF EXISTS ") + Identifiers.quote(name);
        ddlExecutor.execute(DdlExecution.of(pass.schema, name, sql).tolerating(Set.of(AcceptableError.MISSING_TABLE)));
        pass.dropped.add(name);
        LOG.info("table GC: dropped {}.{}", pass.schema, name);
    }

    /**
     * Deletes batches until one finds no rows (then the table moves on), the throttler says no, or
     * the pass has used its batches.
     */
    private void purge(GcTable table, Pass pass) throws SQLException {
        if (!pass.mayPurge()) {
            return;
        }
        String name = table.name().name();
        try (Connection connection = connections.open();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + Identifiers.quote(name) + " LIMIT ?")) {
            // every batch commits on its own: short transactions, short locks, small binlog events
            connection.setAutoCommit(true);
            delete.setInt(1, settings.purgeBatchSize());
            while (pass.mayPurge()) {
                if (throttler.shouldThrottle(THROTTLER_APP)) {
                    pass.throttled = true;
                    LOG.info("table GC: purging {}.{} is throttled; the next pass continues", pass.schema, name);
                    return;
                }
                int deleted = delete.executeUpdate();
                pass.batchesLeft--;
                pass.rowsPurged += deleted;
                if (deleted == 0) {
                    rename(table, settings.policy().nameAfter(table.name(), true, clock.instant()), pass);
                    return;
                }
            }
        }
    }
}
