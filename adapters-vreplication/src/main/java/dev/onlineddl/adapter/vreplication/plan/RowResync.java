package dev.onlineddl.adapter.vreplication.plan;

import dev.onlineddl.adapter.vreplication.plan.KeyPredicates;
import dev.onlineddl.adapter.vreplication.plan.TableCopyPlan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Brings the shadow's rows for some keys up to date with the source: delete them from the shadow,
 * then copy the source's current rows for them through the copy's SELECT list. With locking reads
 * the source rows are read with shared locks, so a read waits for any transaction still holding
 * them (one that reached the binlog but is not yet visible) and sees its result. Under the
 * cut-over's table locks the reads need no row locks.
 */
public final class RowResync {

    /** Keys per statement: large enough to amortise round trips, small enough for the parser. */
    static final int KEYS_PER_STATEMENT = 500;

    private final TableCopyPlan plan;

    public RowResync(TableCopyPlan plan) {
        this.plan = plan;
    }

    /** The shadow's key matching the iteration key. */
    public String targetKeyName() {
        return plan.targetKeyName();
    }

    /** Runs in the caller's transaction; the caller commits. */
    public void resync(Connection connection, Collection<RowKey> keys, boolean lockingReads) throws SQLException {
        List<RowKey> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            List<RowKey> slice = all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + plan.quotedShadow()
                    + " WHERE " + KeyPredicates.anyOf(plan.targetKeyColumns(), slice.size()))) {
                bind(delete, slice);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + plan.quotedShadow()
                    + " (" + plan.targetColumnList() + ") SELECT " + plan.selectList() + " FROM " + plan.quotedSource()
                    + " WHERE " + KeyPredicates.anyOf(plan.sourceKeyColumnNames(), slice.size())
                    + (lockingReads ? " LOCK IN SHARE MODE" : ""))) {
                bind(insert, slice);
                insert.executeUpdate();
            }
        }
    }

    private static void bind(PreparedStatement statement, List<RowKey> keys) throws SQLException {
        int index = 1;
        for (RowKey key : keys) {
            for (Object value : key.bindValues()) {
                statement.setObject(index++, value);
            }
        }
    }
}
