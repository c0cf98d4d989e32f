package dev.onlineddl.service.gc;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.gc.TableGcPolicy;

import java.util.Objects;

/**
 * How table garbage collection works through the GC tables.
 *
 * @param policy              the lifecycle and the evacuation period
 * @param purgeBatchSize      rows deleted per {@code DELETE ... LIMIT} while purging (Vitess: 50);
 *                            small batches keep each transaction, its locks and its binlog event
 *                            small, so replicas do not fall behind
 * @param purgeBatchesPerPass batches one pass may run in all; the pass runs on the executor's tick,
 *                            which must not be held up by a table of millions of rows: what is left
 *                            is purged by the next passes
 */
public record TableGcSettings(TableGcPolicy policy, int purgeBatchSize, int purgeBatchesPerPass) {

    public static final int DEFAULT_PURGE_BATCH_SIZE = 1000;
    public static final int DEFAULT_PURGE_BATCHES_PER_PASS = 100;

    /** Vitess's lifecycle and evacuation period, 1000-row batches, 100 batches per pass. */
    public static final TableGcSettings DEFAULT =
            new TableGcSettings(TableGcPolicy.DEFAULT, DEFAULT_PURGE_BATCH_SIZE, DEFAULT_PURGE_BATCHES_PER_PASS);

    public TableGcSettings {
        Objects.requireNonNull(policy, "policy");
        if (purgeBatchSize < 1) {
            throw new InvalidInputException("the GC purge batch size is " + purgeBatchSize
                    + "; it must be at least 1 row per DELETE");
        }
        if (purgeBatchesPerPass < 1) {
            throw new InvalidInputException("the GC purge batches per pass are " + purgeBatchesPerPass
                    + "; there must be at least 1, or PURGE tables would never be emptied");
        }
    }

    public TableGcSettings withPolicy(TableGcPolicy newPolicy) {
        return new TableGcSettings(newPolicy, purgeBatchSize, purgeBatchesPerPass);
    }

    public TableGcSettings withPurgeBatchSize(int rows) {
        return new TableGcSettings(policy, rows, purgeBatchesPerPass);
    }

    public TableGcSettings withPurgeBatchesPerPass(int batches) {
        return new TableGcSettings(policy, purgeBatchSize, batches);
    }
}
