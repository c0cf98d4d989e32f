package dev.onlineddl.adapter.vreplication.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.adapter.vreplication.EngineSettings;
import dev.onlineddl.adapter.vreplication.copy.ChunkObserver;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.testkit.TestDatabase;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Copy and applier racing for the same rows: writers hammer the keys of the chunk being copied,
 * and just ahead of it, with many small UPDATE, DELETE and INSERT transactions. With the design
 * note's protections (locking reads, copier and applier taking turns), old and new table must end
 * equal every time; with them switched off (a test-only setting), the same hammering must find a
 * difference, which shows the test can fail.
 */
class CopyApplyRaceIT extends EngineItSupport {

    private static final int ROWS = 30_000;
    private static final int RUNS = 20;
    private static final int WRITERS = 4;

    /** Where the copy is: the chunk in flight, as the observer last saw it. */
    private static final class Frontier implements ChunkObserver {
        volatile boolean inFlight;
        volatile long after;
        volatile long upTo = ROWS;

        @Override
        public void chunkStarting(List<Object> afterKey, List<Object> upToKey) {
            after = afterKey == null ? 0 : ((Number) afterKey.get(0)).longValue();
            upTo = upToKey == null ? ROWS + 100 : ((Number) upToKey.get(0)).longValue();
            inFlight = true;
        }

        @Override
        public void chunkCommitted() {
            inFlight = false;
        }
    }

    private record Outcome(long hitsInsideChunk, long writes, int differences) {
    }

    @Test
    void theProtectionsKeepOldAndNewTablesEqualUnderTheRace() throws Exception {
        for (int run = 1; run <= RUNS; run++) {
            Outcome outcome = race(true, run);
            System.out.printf("race run %d with the protections: %d writes, %d inside the chunk in flight, %d differences%n",
                    run, outcome.writes(), outcome.hitsInsideChunk(), outcome.differences());
            assertThat(outcome.hitsInsideChunk()).as("run %d: writes inside the chunk in flight", run).isPositive();
            assertThat(outcome.differences()).as("run %d: rows that differ between old and new table", run).isZero();
        }
    }

    @Test
    void withoutTheProtectionsTheSameRaceLosesOrResurrectsRows() throws Exception {
        int differences = 0;
        for (int run = 1; run <= RUNS && differences == 0; run++) {
            Outcome outcome = race(false, run);
            System.out.printf("race run %d without the protections: %d writes, %d inside the chunk in flight, %d differences%n",
                    run, outcome.writes(), outcome.hitsInsideChunk(), outcome.differences());
            differences = outcome.differences();
        }
        assertThat(differences).as("differences found within %d unprotected runs", RUNS).isPositive();
    }

    private Outcome race(boolean protection, int run) throws Exception {
        TestDatabase target = testbed.newTarget();
        execute(target, "CREATE TABLE race (id INT NOT NULL PRIMARY KEY, v INT NOT NULL, pad CHAR(60) NOT NULL)",
                "INSERT INTO race SELECT seq, seq, REPEAT('x', 60) FROM seq_1_to_" + ROWS);
        Frontier frontier = new Frontier();
        EngineSettings settings = EngineSettings.DEFAULTS.withCopyApplyProtection(protection)
                .withChunkTime(Duration.ofMillis(25)).withChunkObserver(frontier);
        OnlineDdl executor = testbed.executor(target, "race-" + run, List.of(new SettingsPlugin(settings)));
        AtomicLong hits = new AtomicLong();
        // each writer thread owns the keys of its residue modulo WRITERS: two INSERTs of one key by
        // two sessions can deadlock with each other in InnoDB, migration or not
        TableWriter writer = new TableWriter(target.dataSource(), WRITERS, (TableWriter.Write) (connection, random, thread) -> {
            boolean inFlight = frontier.inFlight;
            long after = frontier.after;
            long upTo = frontier.upTo;
            long drawn = random.nextLong(after + 1, upTo + 50);
            long key = drawn - Math.floorMod(drawn, WRITERS) + thread;
            if (inFlight && key > after && key <= upTo) {
                hits.incrementAndGet();
            }
            switch (random.nextInt(3)) {
                case 0 -> TableWriter.execute(connection, "UPDATE race SET v = v + 1 WHERE id = ?", key);
                case 1 -> TableWriter.execute(connection, "DELETE FROM race WHERE id = ?", key);
                default -> TableWriter.execute(connection, "INSERT IGNORE INTO race (id, v, pad) VALUES (?, ?, 'new')",
                        key, random.nextInt(1_000_000));
            }
        });
        MigrationUuid uuid = submit(executor, "ALTER TABLE race ADD COLUMN extra INT NOT NULL DEFAULT 0",
                "vitess --postpone-completion");
        try {
            awaitReady(executor, uuid);
        } finally {
            writer.stop();
        }
        if (writer.errors() > 0) {
            throw new AssertionError("the writers saw " + writer.errors() + " errors, the first: " + writer.firstError()
                    + "\n" + latestDeadlock(target));
        }
        awaitReady(executor, uuid);
        executor.controlMigration().complete(uuid);
        awaitStatus(executor, uuid, "complete", "failed");
        assertThat(status(uuid)).as(message(uuid)).isEqualTo("complete");
        String old = vreplTable(target, uuid).orElseThrow();
        Set<String> before = new HashSet<>(rows(target, old, "id, v, pad", "id"));
        Set<String> after = new HashSet<>(rows(target, "race", "id, v, pad", "id"));
        Set<String> onlyBefore = new HashSet<>(before);
        onlyBefore.removeAll(after);
        Set<String> onlyAfter = new HashSet<>(after);
        onlyAfter.removeAll(before);
        testbed.close();
        return new Outcome(hits.get(), writer.writes(), onlyBefore.size() + onlyAfter.size());
    }
}
