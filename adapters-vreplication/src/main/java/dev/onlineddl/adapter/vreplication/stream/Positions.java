package dev.onlineddl.adapter.vreplication.stream;

import dev.onlineddl.domain.server.BinlogPosition;
import dev.onlineddl.domain.server.BinlogPosition.FilePosition;
import dev.onlineddl.domain.server.BinlogPosition.MariaDbGtid;
import dev.onlineddl.domain.server.BinlogPosition.MariaDbGtidList;
import java.util.ArrayList;
import java.util.List;

/**
 * Comparing and advancing stream positions. MariaDB positions are counted in GTIDs, one sequence
 * per replication domain: never in {@code end_log_pos}, which MariaDB 11.4 writes as 0 inside event
 * groups.
 */
public final class Positions {

    private Positions() {
    }

    /** The position after a transaction with this GTID: its domain advanced, the others kept. */
    public static MariaDbGtidList advance(MariaDbGtidList position, MariaDbGtid gtid) {
        List<MariaDbGtid> gtids = new ArrayList<>();
        boolean replaced = false;
        for (MariaDbGtid existing : position.gtids()) {
            if (existing.domainId() == gtid.domainId()) {
                gtids.add(gtid);
                replaced = true;
            } else {
                gtids.add(existing);
            }
        }
        if (!replaced) {
            gtids.add(gtid);
        }
        return new MariaDbGtidList(gtids);
    }

    /** Whether a stream that has read up to {@code seen} has read every transaction up to {@code target}. */
    public static boolean reached(BinlogPosition seen, BinlogPosition target) {
        if (target instanceof MariaDbGtidList wanted) {
            return seen instanceof MariaDbGtidList have && wanted.gtids().stream()
                    .allMatch(gtid -> have.sequenceInDomain(gtid.domainId()).orElse(-1) >= gtid.sequence());
        }
        if (target instanceof FilePosition wanted) {
            return seen instanceof FilePosition have && have.compareTo(wanted) >= 0;
        }
        throw new IllegalArgumentException("cannot compare with " + target.encoded()
                + ": MySQL is streamed by binlog file and offset, not by GTID set");
    }
}
