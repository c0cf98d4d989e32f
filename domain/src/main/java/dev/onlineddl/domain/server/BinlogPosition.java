package dev.onlineddl.domain.server;

import dev.onlineddl.domain.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A point in a server's binary log: where a binlog reader should start to see every change made
 * after it. MySQL with {@code gtid_mode=ON} names it by its executed GTID set, MariaDB by its
 * per-domain GTID list, and a MySQL server without GTIDs by binary log file and offset.
 *
 * <p>{@link #encoded()} and {@link #decode(String)} give a flavour-tagged text form for storing a
 * position (the same tags Vitess uses: {@code MySQL56/}, {@code MariaDB/}, {@code FilePos/}).
 */
public sealed interface BinlogPosition
        permits BinlogPosition.MySqlGtidSet, BinlogPosition.MariaDbGtidList, BinlogPosition.FilePosition {

    /** The position as the server spells it, e.g. {@code 0-1-42} or {@code binlog.000003:1234}. */
    String asText();

    /** The position with its kind as a prefix, e.g. {@code MariaDB/0-1-42}. */
    String encoded();

    /**
     * Reads back what {@link #encoded()} wrote.
     *
     * @throws InvalidInputException when the text has no known prefix or a malformed body
     */
    static BinlogPosition decode(String encoded) {
        Objects.requireNonNull(encoded, "encoded binlog position");
        if (encoded.startsWith(MySqlGtidSet.PREFIX)) {
            return new MySqlGtidSet(encoded.substring(MySqlGtidSet.PREFIX.length()));
        }
        if (encoded.startsWith(MariaDbGtidList.PREFIX)) {
            return MariaDbGtidList.parse(encoded.substring(MariaDbGtidList.PREFIX.length()));
        }
        if (encoded.startsWith(FilePosition.PREFIX)) {
            return FilePosition.parse(encoded.substring(FilePosition.PREFIX.length()));
        }
        throw new InvalidInputException("unknown binlog position '" + encoded + "': expected it to start with "
                + MySqlGtidSet.PREFIX + ", " + MariaDbGtidList.PREFIX + " or " + FilePosition.PREFIX);
    }

    /**
     * MySQL's {@code @@global.gtid_executed}, e.g. {@code 3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5}.
     * The server breaks long sets over lines after each comma; the line breaks are dropped.
     *
     * @param gtidSet the GTID set; empty when nothing was executed yet
     */
    record MySqlGtidSet(String gtidSet) implements BinlogPosition {
        static final String PREFIX = "MySQL56/";

        public MySqlGtidSet {
            Objects.requireNonNull(gtidSet, "gtidSet");
            gtidSet = gtidSet.replaceAll("\\s+", "");
        }

        @Override
        public String asText() {
            return gtidSet;
        }

        @Override
        public String encoded() {
            return PREFIX + gtidSet;
        }
    }

    /**
     * MariaDB's {@code @@gtid_binlog_pos}: the last GTID of each replication domain,
     * e.g. {@code 0-1-42,1-2-7}.
     *
     * @param gtids one GTID per domain, in the server's order; empty before the first transaction
     */
    record MariaDbGtidList(List<MariaDbGtid> gtids) implements BinlogPosition {
        static final String PREFIX = "MariaDB/";

        public MariaDbGtidList {
            Objects.requireNonNull(gtids, "gtids");
            gtids = List.copyOf(gtids);
        }

        /** Parses {@code domain-server-sequence} entries separated by commas; empty text is the empty list. */
        public static MariaDbGtidList parse(String text) {
            Objects.requireNonNull(text, "MariaDB GTID list");
            List<MariaDbGtid> gtids = new ArrayList<>();
            for (String entry : text.split(",")) {
                if (!entry.isBlank()) {
                    gtids.add(MariaDbGtid.parse(entry.strip()));
                }
            }
            return new MariaDbGtidList(gtids);
        }

        /** The last sequence number written in a replication domain, if that domain has one. */
        public OptionalLong sequenceInDomain(long domainId) {
            return gtids.stream()
                    .filter(gtid -> gtid.domainId() == domainId)
                    .mapToLong(MariaDbGtid::sequence)
                    .findFirst();
        }

        @Override
        public String asText() {
            return String.join(",", gtids.stream().map(MariaDbGtid::toString).toList());
        }

        @Override
        public String encoded() {
            return PREFIX + asText();
        }
    }

    /**
     * One MariaDB GTID: {@code domain-server-sequence}.
     *
     * @param domainId the replication domain
     * @param serverId the server that wrote the transaction
     * @param sequence the transaction's sequence number within its domain
     */
    record MariaDbGtid(long domainId, long serverId, long sequence) {

        public MariaDbGtid {
            if (domainId < 0 || serverId < 0 || sequence < 0) {
                throw new InvalidInputException("a MariaDB GTID has no negative parts: " + domainId + "-" + serverId + "-" + sequence);
            }
        }

        public static MariaDbGtid parse(String text) {
            String[] parts = text.split("-", -1);
            if (parts.length != 3) {
                throw malformed(text);
            }
            try {
                return new MariaDbGtid(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                throw malformed(text);
            }
        }

        private static InvalidInputException malformed(String text) {
            return new InvalidInputException("malformed MariaDB GTID '" + text
                    + "': expected domain-server-sequence, three unsigned numbers such as 0-1-42");
        }

        @Override
        public String toString() {
            return domainId + "-" + serverId + "-" + sequence;
        }
    }

    /**
     * A binary log file and byte offset, from {@code SHOW MASTER STATUS} /
     * {@code SHOW BINARY LOG STATUS}: the fallback when the server has no GTIDs.
     *
     * @param file binary log file name, e.g. {@code binlog.000003}
     * @param position byte offset of the next event in that file
     */
    record FilePosition(String file, long position) implements BinlogPosition, Comparable<FilePosition> {
        static final String PREFIX = "FilePos/";

        public FilePosition {
            Objects.requireNonNull(file, "file");
            if (file.isBlank()) {
                throw new InvalidInputException("a binlog file position needs a file name");
            }
            if (position < 0) {
                throw new InvalidInputException("a binlog file position cannot be negative: " + file + ":" + position);
            }
        }

        /** Parses {@code file:position}; the file name is everything before the last colon. */
        public static FilePosition parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                throw malformed(text);
            }
            try {
                return new FilePosition(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw malformed(text);
            }
        }

        private static InvalidInputException malformed(String text) {
            return new InvalidInputException("malformed binlog file position '" + text
                    + "': expected file:offset, e.g. binlog.000003:1234");
        }

        /**
         * Orders by file, then offset. Binary log files share a base name and a zero-padded
         * sequence suffix, so their names sort in the order the server wrote them.
         */
        @Override
        public int compareTo(FilePosition other) {
            int byFile = file.compareTo(other.file);
            return byFile != 0 ? byFile : Long.compare(position, other.position);
        }

        @Override
        public String asText() {
            return file + ":" + position;
        }

        @Override
        public String encoded() {
            return PREFIX + asText();
        }
    }
}
