package dev.onlineddl.adapter.vreplication.stream;

import dev.onlineddl.adapter.vreplication.plan.RowKey;
import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import dev.onlineddl.domain.server.BinlogPosition;
import dev.onlineddl.domain.server.BinlogPosition.FilePosition;
import dev.onlineddl.domain.server.BinlogPosition.MariaDbGtid;
import dev.onlineddl.domain.server.BinlogPosition.MariaDbGtidList;
import dev.onlineddl.port.out.ServerEndpoint;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One binlog connection for one migration (its own server id), from a position taken before the
 * copy. It hands the applier each committed transaction that changed the source table, as the set
 * of iteration keys it touched, and keeps the position it has read up to. Row events of other
 * tables, the shadow's above all, are skipped without decoding their rows.
 *
 * <p>A DDL statement on the source, or a write to it logged as a statement, ends the stream with a
 * failure: the shadow could no longer follow. So does a lost connection (resuming the stream is
 * the business of part 3 of the engine).
 */
public final class BinlogStreamer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BinlogStreamer.class);

    /** Where the stream's output goes; called on the stream's thread, in binlog order. */
    public interface Sink {
        void transaction(SourceTransaction transaction);

        /** The stream has read every transaction up to here, of any table. */
        void streamedUpTo(BinlogPosition position);

        /** The stream ended with an error the migration cannot survive. */
        void failed(String message);
    }

    private final String schema;
    private final String table;
    private final KeyDecoder keys;
    private final int sourceColumnCount;
    private final SourceStatements statements;
    private final Clock clock;
    private final Sink sink;
    private final BinaryLogClient client;
    private final Map<Long, Boolean> isSourceTableId = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile BinlogPosition seen;
    private volatile Instant lastActivity;
    // state of the event group being read; touched on the client's thread only
    private MariaDbGtid groupGtid;
    private boolean groupStandalone;
    private boolean groupBegun;
    private final Set<RowKey> groupKeys = new LinkedHashSet<>();
    private String binlogFile;
    private volatile String failure;

    /**
     * @param sourceColumnCount the source table's column count: a row image of another width means
     *                          the table changed under the migration
     */
    public BinlogStreamer(ServerEndpoint endpoint, long serverId, String schema, String table, KeyDecoder keys,
            int sourceColumnCount, BinlogPosition start, Clock clock, Sink sink) {
        this.schema = schema;
        this.table = table;
        this.keys = keys;
        this.sourceColumnCount = sourceColumnCount;
        this.statements = new SourceStatements(schema, table);
        this.clock = clock;
        this.sink = sink;
        this.seen = start;
        this.lastActivity = clock.instant();
        this.client = new BinaryLogClient(endpoint.host(), endpoint.port(), endpoint.user(), endpoint.password().get());
        client.setServerId(serverId);
        client.setKeepAlive(false);
        client.setHeartbeatInterval(1000);
        client.setSSLMode(SSLMode.DISABLED);
        if (start instanceof MariaDbGtidList gtids) {
            client.setGtidSet(gtids.asText());
        } else if (start instanceof FilePosition file) {
            client.setBinlogFilename(file.file());
            client.setBinlogPosition(file.position());
            binlogFile = file.file();
        } else {
            throw new IllegalArgumentException("cannot stream from " + start.encoded()
                    + ": give a MariaDB GTID position or a binlog file and offset");
        }
        client.setEventDeserializer(deserializer());
        client.registerEventListener(this::onEvent);
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onCommunicationFailure(BinaryLogClient ignored, Exception e) {
                fail("the binlog stream lost its connection to the server: " + e.getMessage());
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient ignored, Exception e) {
                fail("the binlog stream could not read an event: " + e.getMessage());
            }

            @Override
            public void onDisconnect(BinaryLogClient ignored) {
                if (!closed.get()) {
                    fail("the server ended the binlog stream");
                }
            }
        });
    }

    /** Connects and starts streaming on the client's own thread. */
    public void start(Duration timeout) throws IOException, TimeoutException {
        client.connect(timeout.toMillis());
    }

    /** The position after the last transaction read (of any table). */
    public BinlogPosition seenPosition() {
        return seen;
    }

    /** When the stream last heard from the server: an event or a heartbeat. */
    public Instant lastActivity() {
        return lastActivity;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private EventDeserializer deserializer() {
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        for (EventType type : EventType.values()) {
            if (EventType.isRowMutation(type)) {
                EventDataDeserializer<?> decoding = deserializer.getEventDataDeserializer(type);
                if (decoding != null) {
                    deserializer.setEventDataDeserializer(type, new SourceRowsOnly(decoding));
                }
            }
        }
        return deserializer;
    }

    /** Rows of tables other than the source are skipped with their table id read and nothing else. */
    private final class SourceRowsOnly implements EventDataDeserializer<EventData> {
        private final EventDataDeserializer<?> decoding;

        SourceRowsOnly(EventDataDeserializer<?> decoding) {
            this.decoding = decoding;
        }

        @Override
        public EventData deserialize(ByteArrayInputStream input) throws IOException {
            byte[] tableIdBytes = input.read(6);
            long tableId = 0;
            for (int i = 5; i >= 0; i--) {
                tableId = (tableId << 8) | (tableIdBytes[i] & 0xFF);
            }
            if (!isSourceTableId.getOrDefault(tableId, false)) {
                input.skipToTheEndOfTheBlock();
                return SkippedRows.INSTANCE;
            }
            byte[] rest = input.read(input.available());
            byte[] whole = new byte[6 + rest.length];
            System.arraycopy(tableIdBytes, 0, whole, 0, 6);
            System.arraycopy(rest, 0, whole, 6, rest.length);
            return decoding.deserialize(new ByteArrayInputStream(whole));
        }
    }

    /** What a skipped rows event deserializes to. */
    private enum SkippedRows implements EventData {
        INSTANCE
    }

    private void onEvent(Event event) {
        if (closed.get() || failure != null) {
            return;
        }
        lastActivity = clock.instant();
        EventType type = event.getHeader().getEventType();
        EventData data = event.getData();
        try {
            if (type == EventType.TABLE_MAP) {
                onTableMap((TableMapEventData) data);
            } else if (type == EventType.MARIADB_GTID) {
                MariadbGtidEventData gtid = (MariadbGtidEventData) data;
                groupGtid = new MariaDbGtid(gtid.getDomainId(), gtid.getServerId(), gtid.getSequence());
                groupStandalone = (gtid.getFlags() & MariadbGtidEventData.FL_STANDALONE) != 0;
                groupBegun = false;
                groupKeys.clear();
            } else if (type == EventType.QUERY) {
                onQuery((QueryEventData) data, event);
            } else if (type == EventType.XID) {
                endGroup(event);
            } else if (type == EventType.ROTATE) {
                binlogFile = ((RotateEventData) data).getBinlogFilename();
            } else if (data instanceof WriteRowsEventData write) {
                write.getRows().forEach(this::addKey);
            } else if (data instanceof UpdateRowsEventData update) {
                for (Map.Entry<Serializable[], Serializable[]> row : update.getRows()) {
                    addKey(row.getKey());
                    addKey(row.getValue());
                }
            } else if (data instanceof DeleteRowsEventData delete) {
                delete.getRows().forEach(this::addKey);
            }
        } catch (RuntimeException e) {
            fail("the binlog stream could not follow the source table `" + table + "`: " + e.getMessage());
        }
    }

    private void onTableMap(TableMapEventData map) {
        boolean source = schema.equals(map.getDatabase()) && table.equals(map.getTable());
        isSourceTableId.put(map.getTableId(), source);
        if (source && map.getColumnTypes().length != sourceColumnCount) {
            throw new IllegalStateException("the source table now has " + map.getColumnTypes().length
                    + " columns instead of " + sourceColumnCount + ": it was altered during the migration");
        }
    }

    private void addKey(Serializable[] row) {
        groupKeys.add(keys.decode(row));
    }

    private void onQuery(QueryEventData query, Event event) {
        String sql = query.getSql().strip();
        if (sql.equalsIgnoreCase("BEGIN")) {
            groupBegun = true;
            return;
        }
        if (sql.equalsIgnoreCase("COMMIT")) {
            endGroup(event);
            return;
        }
        Optional<String> verb = statements.changesSource(query.getDatabase(), sql);
        if (verb.isPresent()) {
            String article = "AEIOU".indexOf(verb.get().charAt(0)) >= 0 ? "an " : "a ";
            fail(article + verb.get() + " statement changed the source table `" + table + "` while it was being migrated, so"
                    + " the new table can no longer follow it: " + abbreviate(sql)
                    + ". Run such statements before or after the migration, then RETRY it");
            return;
        }
        if (groupStandalone || !groupBegun) {
            endGroup(event);
        }
    }

    private void endGroup(Event event) {
        BinlogPosition after = positionAfter(event);
        if (!groupKeys.isEmpty()) {
            long millis = event.getHeader().getTimestamp();
            sink.transaction(new SourceTransaction(groupKeys, after,
                    millis > 0 ? Instant.ofEpochMilli(millis) : clock.instant()));
            groupKeys.clear();
        }
        // published after the transaction was handed over: a reader that sees this position and
        // then an idle applier knows everything up to it is applied
        seen = after;
        sink.streamedUpTo(after);
        groupBegun = false;
        groupStandalone = false;
    }

    private BinlogPosition positionAfter(Event event) {
        if (seen instanceof MariaDbGtidList gtids && groupGtid != null) {
            return Positions.advance(gtids, groupGtid);
        }
        if (event.getHeader() instanceof EventHeaderV4 header && binlogFile != null && header.getNextPosition() > 0) {
            return new FilePosition(binlogFile, header.getNextPosition());
        }
        return seen;
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "…";
    }

    private void fail(String message) {
        if (failure == null && !closed.get()) {
            failure = message;
            LOG.warn("{}", message);
            sink.failed(message);
        }
    }

    /** Stops the stream; no event is handed over after this returns. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                client.disconnect();
            } catch (IOException e) {
                LOG.debug("closing the binlog stream of `{}`: {}", table, e.getMessage());
            }
        }
    }
}
