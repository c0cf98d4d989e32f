package dev.onlineddl.app.fakes;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.CommandResult;
import dev.onlineddl.port.in.ControlMigration;
import dev.onlineddl.port.in.MigrationFilter;
import dev.onlineddl.port.in.QueryMigrations;
import dev.onlineddl.port.in.ReceiveStatusReport;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.port.in.SubmissionResult;
import dev.onlineddl.port.in.SubmitMigration;
import dev.onlineddl.port.in.ThrottleMigrations;
import dev.onlineddl.port.out.MigrationNotFoundException;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.Throttler.ThrottledApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory stand-in for the executor core's use cases, recording what the HTTP layer asked
 * of it. It keeps only enough state for the API's answers to be checkable.
 */
public final class FakeCore implements SubmitMigration, ControlMigration, ThrottleMigrations, QueryMigrations, ReceiveStatusReport {

    public final List<Migration> migrations = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<StatusReport> reports = new CopyOnWriteArrayList<>();
    public final List<ThrottleRequest> throttles = new CopyOnWriteArrayList<>();
    public final List<ThrottledApp> throttled = new CopyOnWriteArrayList<>();
    public final List<SubmissionRequest> submissions = new CopyOnWriteArrayList<>();
    /** What {@link #streamLags()} answers: the lags engines would have reported. */
    public final Map<MigrationUuid, Duration> streamLags = new ConcurrentHashMap<>();
    private static final MigrationTarget TARGET = MigrationTarget.of("shop");
    private final Random random = new Random(7);
    public RuntimeException failNextWith;
    /** When set, {@code direct} submissions wait for it, as the core waits for a direct DDL to run. */
    public volatile CountDownLatch directSubmissionsRelease;
    public final AtomicInteger directSubmissionsWaiting = new AtomicInteger();
    public RuntimeException failNextCommandWith;

    public Migration add(String statement, MigrationStatus status, String context) {
        Migration migration = Migration.builder(MigrationUuid.generate(Instant.parse("2024-05-01T10:00:00Z"), random))
                .id(migrations.size() + 1)
                .migrationStatement(statement)
                .status(status)
                .context(dev.onlineddl.domain.MigrationContext.of(context))
                .build();
        migrations.add(migration);
        return migration;
    }

    private void maybeFail() {
        RuntimeException failure = failNextWith;
        failNextWith = null;
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public SubmissionResult submit(SubmissionRequest request) {
        maybeFail();
        CountDownLatch release = directSubmissionsRelease;
        if (release != null && request.strategy().startsWith("direct")) {
            directSubmissionsWaiting.incrementAndGet();
            try {
                if (!release.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the test never released the direct submissions");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running a direct DDL", interrupted);
            } finally {
                directSubmissionsWaiting.decrementAndGet();
            }
        }
        submissions.add(request);
        if (request.sql().contains("NOT DDL")) {
            throw new InvalidInputException("unsupported statement for Online DDL: " + request.sql());
        }
        List<MigrationUuid> uuids = new ArrayList<>();
        for (String statement : request.sql().split(";")) {
            if (!statement.isBlank()) {
                Migration migration = request.uuid().isPresent()
                        ? Migration.builder(request.uuid().get()).migrationStatement(statement.strip()).build()
                        : add(statement.strip(), MigrationStatus.QUEUED, request.context().value());
                if (request.uuid().isPresent()) {
                    migrations.add(migration);
                }
                uuids.add(migration.uuid());
            }
        }
        return new SubmissionResult(uuids);
    }

    private CommandResult record(String call, MigrationUuid uuid) {
        maybeFail();
        RuntimeException commandFailure = failNextCommandWith;
        failNextCommandWith = null;
        if (commandFailure != null) {
            throw commandFailure;
        }
        migration(uuid); // the core refuses commands on a migration it does not have
        calls.add(call + " " + uuid);
        return CommandResult.ONE;
    }

    private CommandResult recordAll(String call) {
        maybeFail();
        calls.add(call);
        return new CommandResult(migrations.size());
    }

    @Override
    public CommandResult cancel(MigrationUuid uuid) {
        return record("cancel", uuid);
    }

    @Override
    public CommandResult cancelAll() {
        return recordAll("cancel-all");
    }

    @Override
    public CommandResult retry(MigrationUuid uuid) {
        return record("retry", uuid);
    }

    @Override
    public CommandResult cleanup(MigrationUuid uuid) {
        return record("cleanup", uuid);
    }

    @Override
    public CommandResult complete(MigrationUuid uuid) {
        return record("complete", uuid);
    }

    @Override
    public CommandResult completeAll() {
        return recordAll("complete-all");
    }

    @Override
    public CommandResult launch(MigrationUuid uuid, List<String> shards) {
        return record("launch" + shards, uuid);
    }

    @Override
    public CommandResult launchAll() {
        return recordAll("launch-all");
    }

    @Override
    public CommandResult throttle(ThrottleRequest request) {
        maybeFail();
        requireKnown(request.target());
        throttles.add(request);
        calls.add("throttle " + request.appName());
        return CommandResult.ONE;
    }

    @Override
    public CommandResult unthrottle(ThrottleTarget target) {
        maybeFail();
        requireKnown(target);
        calls.add("unthrottle " + target.appName());
        return CommandResult.ONE;
    }

    @Override
    public List<ThrottledApp> throttledApps() {
        maybeFail();
        return List.copyOf(throttled);
    }

    @Override
    public List<Migration> show(MigrationFilter filter) {
        maybeFail();
        return migrations.stream().filter(migration -> matches(filter, migration)).toList();
    }

    private static boolean matches(MigrationFilter filter, Migration migration) {
        if (filter instanceof MigrationFilter.ByUuid byUuid) {
            return migration.uuid().equals(byUuid.uuid());
        }
        if (filter instanceof MigrationFilter.ByContext byContext) {
            return migration.context().equals(byContext.context());
        }
        if (filter instanceof MigrationFilter.ByStatus byStatus) {
            return migration.status() == byStatus.status();
        }
        return true;
    }

    @Override
    public Migration migration(MigrationUuid uuid) {
        maybeFail();
        return migrations.stream().filter(migration -> migration.uuid().equals(uuid)).findFirst()
                .orElseThrow(() -> new MigrationNotFoundException(uuid, TARGET));
    }

    private void requireKnown(ThrottleTarget target) {
        if (target instanceof ThrottleTarget.OneMigration one) {
            migration(one.uuid());
        }
    }

    @Override
    public String logs(MigrationUuid uuid) {
        maybeFail();
        migration(uuid);
        return "log of " + uuid + "\nsecond line";
    }

    @Override
    public Map<MigrationStatus, Long> countByStatus() {
        maybeFail();
        Map<MigrationStatus, Long> counts = new EnumMap<>(MigrationStatus.class);
        for (MigrationStatus status : MigrationStatus.values()) {
            counts.put(status, 0L);
        }
        migrations.forEach(migration -> counts.merge(migration.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public Map<MigrationUuid, Duration> streamLags() {
        return Map.copyOf(streamLags);
    }

    @Override
    public void onStatusReport(MigrationUuid uuid, StatusReport report) {
        calls.add("report " + uuid);
        reports.add(report);
    }
}
