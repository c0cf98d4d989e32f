package dev.onlineddl.testkit.tck;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.spi.StatusReporter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A {@link StatusReporter} that keeps every report, in order, per migration, and lets a test wait
 * for one (woken by the report itself, not by polling). Thread-safe, as engines report from their
 * own threads.
 */
public final class RecordingStatusReporter implements StatusReporter {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition reported = lock.newCondition();
    private final Map<MigrationUuid, List<StatusReport>> reports = new HashMap<>();
    private final Map<MigrationUuid, List<String>> artifactTables = new HashMap<>();

    @Override
    public void report(MigrationUuid uuid, StatusReport report) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(report, "report");
        lock.lock();
        try {
            reports.computeIfAbsent(uuid, key -> new ArrayList<>()).add(report);
            reported.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void artifactTable(MigrationUuid uuid, String table) {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(table, "table");
        lock.lock();
        try {
            artifactTables.computeIfAbsent(uuid, key -> new ArrayList<>()).add(table);
        } finally {
            lock.unlock();
        }
    }

    /** The artifact tables the engine reported for the migration, in the order it reported them. */
    public List<String> artifactTablesOf(MigrationUuid uuid) {
        lock.lock();
        try {
            return List.copyOf(artifactTables.getOrDefault(uuid, List.of()));
        } finally {
            lock.unlock();
        }
    }

    /** Everything reported for the migration so far, oldest first. */
    public List<StatusReport> reportsOf(MigrationUuid uuid) {
        lock.lock();
        try {
            return List.copyOf(reports.getOrDefault(uuid, List.of()));
        } finally {
            lock.unlock();
        }
    }

    /** The first report for the migration that matches, waiting for it at most {@code timeout}. */
    public Optional<StatusReport> awaitReport(MigrationUuid uuid, Predicate<StatusReport> matching, Duration timeout)
            throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<StatusReport> found = reports.getOrDefault(uuid, List.of()).stream().filter(matching).findFirst();
                if (found.isPresent() || remaining <= 0) {
                    return found;
                }
                remaining = reported.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The complete or failed report for the migration, waiting for it at most {@code timeout}. */
    public Optional<StatusReport> awaitTerminal(MigrationUuid uuid, Duration timeout) throws InterruptedException {
        return awaitReport(uuid, RecordingStatusReporter::isTerminal, timeout);
    }

    /** Whether some report so far said the migration could cut over. */
    public boolean reportedReadyToComplete(MigrationUuid uuid) {
        return reportsOf(uuid).stream().anyMatch(StatusReport::readyToComplete);
    }

    /** Complete or failed (or cancelled): a report the core ends a migration with. */
    public static boolean isTerminal(StatusReport report) {
        return !report.dryRun() && report.status().isTerminal();
    }
}
