package dev.onlineddl.testkit.tck;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.Migration;
import dev.onlineddl.domain.MigrationStatus;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.progress.StatusReport;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.domain.throttle.ThrottleCheck;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleSource;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.out.DedicatedSession;
import dev.onlineddl.port.out.ServerEndpoint;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.spi.StatusReporter;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;
import dev.onlineddl.testkit.TestDatabase;
import dev.onlineddl.testkit.TestDatabaseExtension;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The strategy plugin compatibility kit: the SPI contract every plugin must keep, checked
 * against a real server. Extend it in your plugin's tests:
 *
 * <pre>{@code
 * class MyPluginCompatibilityIT extends PluginCompatibilityKit {
 *     protected StrategyPlugin createPlugin() {
 *         return new MyPlugin();
 *     }
 *     protected StrategyContext createContext(TestDatabase database, StatusReporter reporter) {
 *         return new MyTestContext(database, reporter);   // connections, inspector, DDL executor ... on that database
 *     }
 * }
 * }</pre>
 *
 * The kit plays the core: it creates the engine, starts migrations of small tables it creates
 * itself, calls {@code complete} when the engine says it is ready (as the core's review of running
 * migrations does), and watches the reports. Which checks apply follows the strategy's declared
 * capabilities: the asynchronous ones need a queued strategy, postponement needs
 * {@code postponeCompletion}, adoption needs {@code adoptableAfterRestart} and
 * {@code postponeCompletion} (a postponed migration is the one point at which the kit can close
 * the first engine, as its executor does when it stops, and know where the migration stands).
 * Every engine the kit creates is closed after the test, as the core closes engines with its
 * executor.
 *
 * <p>Nothing here is a speed test: every wait is bounded by {@link #patience()} only so that a
 * broken plugin fails instead of hanging the build.
 */
@ExtendWith(TestDatabaseExtension.class)
public abstract class PluginCompatibilityKit {

    /** How often the kit, like the core's review of running migrations, probes a running migration. */
    private static final Duration REVIEW_INTERVAL = Duration.ofMillis(100);
    private static final String ADDED_COLUMN = "added_by_kit";
    private static final int TABLE_ROWS = 300;
    private static final String POSTPONE_COMPLETION = "--postpone-completion";

    private final RandomGenerator random = new SecureRandom();
    private final Deque<AutoCloseable> cleanUp = new ArrayDeque<>();

    /** A new instance of the plugin under test, as {@link ServiceLoader} would create it. */
    protected abstract StrategyPlugin createPlugin();

    /**
     * A context for the plugin's engines on {@code database}, reporting to {@code reporter}. If it
     * is {@link AutoCloseable} the kit closes it after the test.
     */
    protected abstract StrategyContext createContext(TestDatabase database, StatusReporter reporter) throws Exception;

    /** The strategy whose engine the kit runs migrations with; the plugin's first by default. */
    protected String strategyUnderTest() {
        return createPlugin().strategies().get(0).name();
    }

    /** The longest the kit waits for anything before it calls the plugin broken. */
    protected Duration patience() {
        return Duration.ofMinutes(2);
    }

    @AfterEach
    final void closeContexts() throws Exception {
        while (!cleanUp.isEmpty()) {
            cleanUp.pop().close();
        }
    }

    @Test
    void pluginIsRegisteredForTheServiceLoaderWithAPublicNoArgumentConstructor() throws NoSuchMethodException {
        Class<? extends StrategyPlugin> type = createPlugin().getClass();

        assertTrue(Modifier.isPublic(type.getModifiers()), type.getName() + " must be public");
        assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), type.getName() + " needs a public no-argument constructor");
        Set<Class<?>> registered = ServiceLoader.load(StrategyPlugin.class, type.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type).collect(Collectors.toSet());
        assertTrue(registered.contains(type), type.getName() + " is not listed in META-INF/services/"
                + StrategyPlugin.class.getName() + "; registered: " + registered);
    }

    @Test
    void strategiesAreDeclaredOnceEachAndAlwaysTheSame() {
        List<StrategyDescriptor> strategies = createPlugin().strategies();

        assertNotNull(strategies, "strategies() returned null");
        assertFalse(strategies.isEmpty(), "a plugin provides at least one strategy");
        Set<String> names = new HashSet<>();
        for (StrategyDescriptor strategy : strategies) {
            assertNotNull(strategy, "strategies() contains null");
            assertTrue(names.add(strategy.name()), "strategy " + strategy.name() + " is declared twice");
            BuiltInStrategy.byName(strategy.name()).ifPresent(builtIn -> assertEquals(builtIn.capabilities(),
                    strategy.capabilities(), "built-in strategy " + strategy.name() + " must keep Vitess's capabilities"));
        }
        assertEquals(strategies, createPlugin().strategies(), "a new instance declares other strategies");
        assertTrue(names.contains(strategyUnderTest()), "strategyUnderTest() " + strategyUnderTest() + " is not among " + names);
    }

    // ------------------------------------------------------------------ what the context offers an engine
    // The checks below hold the context to the SPI's promises; the core's context and one made of the
    // MySQL adapters keep them all.

    @Test
    void contextEndpointReachesTheServerAndNeverPrintsThePassword(TestDatabase database) throws Exception {
        ServerEndpoint endpoint = context(database, new RecordingStatusReporter()).endpoint();

        String password = endpoint.password().get();
        if (password != null && !password.isEmpty()) {
            assertFalse(endpoint.toString().contains(password), "the endpoint's toString shows the password: " + endpoint);
        }
        Properties login = new Properties();
        login.setProperty("user", endpoint.user());
        if (password != null) {
            login.setProperty("password", password);
        }
        login.setProperty("sslMode", "PREFERRED");
        try (Connection direct = DriverManager.getConnection("jdbc:mysql://" + endpoint.address() + "/", login);
             Statement statement = direct.createStatement();
             ResultSet row = statement.executeQuery("SELECT CURRENT_USER()")) {
            assertTrue(row.next(), "no answer from " + endpoint);
        }
    }

    @Test
    void dedicatedSessionIsOutsideThePoolAndCanBeKilledFromAnotherSession(TestDatabase database) throws Exception {
        StrategyContext context = context(database, new RecordingStatusReporter());
        ExecutorService sleeper = Executors.newSingleThreadExecutor();
        try (DedicatedSession session = context.openDedicatedSession()) {
            try (Statement statement = session.connection().createStatement();
                 ResultSet row = statement.executeQuery("SELECT CONNECTION_ID(), DATABASE()")) {
                assertTrue(row.next());
                assertEquals(session.sessionId(), row.getLong(1), "sessionId() must be the session's CONNECTION_ID()");
                assertEquals(database.name(), row.getString(2), "a dedicated session's default schema");
            }
            Future<?> longStatement = sleeper.submit(() -> {
                try (Statement statement = session.connection().createStatement()) {
                    statement.executeQuery("SELECT SLEEP(3600)");
                }
                return null;
            });
            awaitSessionState(database, session.sessionId(), "User sleep");

            session.kill();

            ExecutionException ended = assertThrows(ExecutionException.class,
                    () -> longStatement.get(patience().toMillis(), TimeUnit.MILLISECONDS),
                    "the killed session's statement must end with an error");
            assertInstanceOf(SQLException.class, ended.getCause(), "how the killed statement ended");
            awaitSessionGone(database, session.sessionId());
            assertDoesNotThrow(session::kill, "killing a session that has ended already is no error");
        } finally {
            sleeper.shutdownNow();
        }
        try (Connection pooled = context.connections().open(); Statement statement = pooled.createStatement()) {
            assertTrue(statement.executeQuery("SELECT 1").next(), "the pool must not be touched by a dedicated session's kill");
        }
    }

    @Test
    void allocatedServerIdsDifferFromEachOtherAndFromTheServers(TestDatabase database) throws Exception {
        StrategyContext context = context(database, new RecordingStatusReporter());
        long serverId;
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@server_id")) {
            row.next();
            serverId = row.getLong(1);
        }

        Set<Long> allocated = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            long id = context.allocateServerId();
            assertTrue(id >= 1 && id <= 4_294_967_295L, "server id " + id + " is out of MySQL's range 1 to 4294967295");
            assertTrue(id != serverId, "allocated the server's own server_id " + id);
            assertTrue(allocated.add(id), "server id " + id + " was allocated twice");
        }
    }

    @Test
    void controlSchemaIsNamedAndIsNotTheTargetDatabase(TestDatabase database) throws Exception {
        StrategyContext context = context(database, new RecordingStatusReporter());

        String controlSchema = context.controlSchema();
        assertFalse(controlSchema == null || controlSchema.isBlank(), "the context names no control schema");
        assertFalse(controlSchema.equals(context.connections().schema()), "the control schema " + controlSchema
                + " is the target database itself");
    }

    @Test
    void throttleCheckNamesTheThrottledAppAndLetsGoOnceUnthrottled(TestDatabase database) throws Exception {
        StrategyContext context = context(database, new RecordingStatusReporter());
        MigrationUuid uuid = MigrationUuid.generate(Instant.now(), random);
        ThrottleTarget target = ThrottleTarget.migration(uuid);

        assertFalse(context.throttleCheck(uuid).isThrottled(), "a migration nobody throttled is throttled");
        context.throttler().throttle(ThrottleRequest.fully(target));
        try {
            ThrottleCheck check = context.throttleCheck(uuid);
            ThrottleCheck.Throttled throttled = assertInstanceOf(ThrottleCheck.Throttled.class, check,
                    "the check of a fully throttled migration");
            assertEquals(new ThrottleSource.App(uuid.value()), throttled.source(), "what held the migration back");
        } finally {
            context.throttler().unthrottle(target);
        }
        assertFalse(context.throttleCheck(uuid).isThrottled(), "still throttled after unthrottle");
    }

    private void awaitSessionState(TestDatabase database, long sessionId, String state) throws Exception {
        awaitProcessList(database, sessionId, found -> found.filter(state::equals).isPresent(),
                "session " + sessionId + " to be in state '" + state + "'");
    }

    private void awaitSessionGone(TestDatabase database, long sessionId) throws Exception {
        awaitProcessList(database, sessionId, Optional::isEmpty, "killed session " + sessionId + " to leave the process list");
    }

    /** Reads the session's state from the process list until it matches; a bounded wait, as every wait here. */
    private void awaitProcessList(TestDatabase database, long sessionId, Predicate<Optional<String>> matches,
                                  String what) throws Exception {
        try (Connection connection = database.openConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?")) {
            select.setLong(1, sessionId);
            // The statement belongs to this thread's connection: poll here, not on Awaitility's thread.
            await(what).atMost(patience()).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                    .untilAsserted(() -> {
                        Optional<String> state;
                        try (ResultSet row = select.executeQuery()) {
                            state = row.next() ? Optional.ofNullable(row.getString(1)).or(() -> Optional.of("")) : Optional.empty();
                        }
                        if (!matches.test(state)) {
                            fail("still waiting for " + what + "; the process list says " + state.orElse("(gone)"));
                        }
                    });
        }
    }

    @Test
    void createsAnEngineForEachOfItsStrategies(TestDatabase database) throws Exception {
        StrategyPlugin plugin = createPlugin();
        StrategyContext context = context(database, new RecordingStatusReporter());

        for (StrategyDescriptor strategy : plugin.strategies()) {
            engine(plugin, strategy, context);
        }
    }

    @Test
    void findsNothingRunningOfAMigrationItNeverStarted(TestDatabase database) throws Exception {
        StrategyPlugin plugin = createPlugin();
        StrategyContext context = context(database, new RecordingStatusReporter());
        String table = createTable(database);

        for (StrategyDescriptor strategy : plugin.strategies()) {
            StrategyEngine engine = engine(plugin, strategy, context);
            MigrationRun unknown = run(database, strategy, table, alterAddingColumn(table), "");

            assertInstanceOf(Probe.NotRunning.class, engine.probe(unknown), strategy.name() + ": probe of an unknown migration");
            assertFalse(engine.terminate(unknown), strategy.name() + ": terminate of an unknown migration must say it found nothing");
            if (!strategy.capabilities().adoptableAfterRestart()) {
                assertFalse(engine.adopt(unknown), strategy.name() + " declares it cannot be adopted, yet adopt() returned true");
            }
        }
    }

    @Test
    void reportsRunningThenCompleteAndTheTableIsChanged(TestDatabase database) throws Exception {
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        StrategyDescriptor strategy = strategy();
        StrategyEngine engine = engine(createPlugin(), strategy, context(database, reporter));
        String table = createTable(database);
        MigrationRun run = run(database, strategy, table, alterAddingColumn(table), "");

        engine.start(run);
        StatusReport terminal = driveToTerminal(engine, run, reporter);

        assertEquals(MigrationStatus.COMPLETE, terminal.status(), "final report: " + terminal);
        assertRunningThenOneTerminal(reporter.reportsOf(uuid(run)));
        assertTrue(database.columns(table).contains(ADDED_COLUMN), "the ALTER was reported complete but " + table + " has no "
                + ADDED_COLUMN);
        assertEquals(TABLE_ROWS, database.rowCount(table), "rows of " + table + " after the migration");
        awaitNotRunning(engine, run);
    }

    @Test
    void reportsAFailingAlterAsFailedWithAMessageNamingTheTable(TestDatabase database) throws Exception {
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        StrategyDescriptor strategy = strategy();
        StrategyEngine engine = engine(createPlugin(), strategy, context(database, reporter));
        String table = createTable(database);
        // The column exists already: every server refuses this.
        MigrationRun run = run(database, strategy, table, "ALTER TABLE " + quote(table) + " ADD COLUMN `payload` INT", "");

        engine.start(run);
        StatusReport terminal = driveToTerminal(engine, run, reporter);

        assertEquals(MigrationStatus.FAILED, terminal.status(), "final report: " + terminal);
        assertTrue(terminal.message().contains(table), "a failure says which table failed: " + terminal.message());
        assertRunningThenOneTerminal(reporter.reportsOf(uuid(run)));
        assertEquals(TABLE_ROWS, database.rowCount(table), "rows of " + table + " after the failed migration");
        awaitNotRunning(engine, run);
    }

    @Test
    void startReturnsWhileTheAlterWaitsForALockedTable(TestDatabase database) throws Exception {
        StrategyDescriptor strategy = strategy();
        assumeTrue(strategy.capabilities().queued(), "a strategy that is not queued runs while the core waits");
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        StrategyEngine engine = engine(createPlugin(), strategy, context(database, reporter));
        String table = createTable(database);
        MigrationRun run = run(database, strategy, table, alterAddingColumn(table), "");

        try (Connection locker = database.openConnection()) {
            lockForWrite(locker, table);
            try {
                startWhileLocked(engine, run, table);
                assertTrue(reporter.reportsOf(uuid(run)).stream().noneMatch(RecordingStatusReporter::isTerminal),
                        "the migration ended although " + table + " is locked: " + reporter.reportsOf(uuid(run)));
            } finally {
                unlock(locker);
            }
        }
        StatusReport terminal = driveToTerminal(engine, run, reporter);

        assertEquals(MigrationStatus.COMPLETE, terminal.status(), "final report: " + terminal);
        assertRunningThenOneTerminal(reporter.reportsOf(uuid(run)));
        assertTrue(database.columns(table).contains(ADDED_COLUMN), table + " has no " + ADDED_COLUMN);
    }

    @Test
    void terminateStopsARunningMigrationAndLeavesTheTableAsItWas(TestDatabase database) throws Exception {
        StrategyDescriptor strategy = strategy();
        assumeTrue(strategy.capabilities().queued(), "a strategy that is not queued has ended when start returns");
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        StrategyEngine engine = engine(createPlugin(), strategy, context(database, reporter));
        String table = createTable(database);
        MigrationRun run = run(database, strategy, table, alterAddingColumn(table), "");

        try (Connection locker = database.openConnection()) {
            lockForWrite(locker, table);
            try {
                startWhileLocked(engine, run, table);
                awaitReport(reporter, run, report -> report.status() == MigrationStatus.RUNNING, "a running report");

                assertTrue(engine.terminate(run), "terminate of a running migration must say it found it running");
            } finally {
                unlock(locker);
            }
        }
        awaitNotRunning(engine, run);

        assertFalse(database.columns(table).contains(ADDED_COLUMN), "the terminated ALTER changed " + table);
        assertTrue(reporter.reportsOf(uuid(run)).stream().noneMatch(report -> report.status() == MigrationStatus.COMPLETE),
                "a terminated migration reported complete: " + reporter.reportsOf(uuid(run)));
        assertEquals(TABLE_ROWS, database.rowCount(table), "rows of " + table + " after the terminated migration");
    }

    @Test
    void postponedCompletionWaitsForComplete(TestDatabase database) throws Exception {
        StrategyDescriptor strategy = strategy();
        assumeTrue(strategy.capabilities().postponeCompletion(), strategy.name() + " does not postpone completion");
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        StrategyEngine engine = engine(createPlugin(), strategy, context(database, reporter));
        String table = createTable(database);
        MigrationRun run = run(database, strategy, table, alterAddingColumn(table), POSTPONE_COMPLETION);

        engine.start(run);
        awaitReadyToComplete(engine, run, reporter);

        assertTrue(reporter.reportsOf(uuid(run)).stream().noneMatch(RecordingStatusReporter::isTerminal),
                "a postponed migration ended before complete(): " + reporter.reportsOf(uuid(run)));
        assertFalse(database.columns(table).contains(ADDED_COLUMN), "a postponed migration cut over before complete()");

        engine.complete(run);
        StatusReport terminal = driveToTerminal(engine, run, reporter);

        assertEquals(MigrationStatus.COMPLETE, terminal.status(), "final report: " + terminal);
        assertTrue(database.columns(table).contains(ADDED_COLUMN), table + " has no " + ADDED_COLUMN);
        assertEquals(TABLE_ROWS, database.rowCount(table), "rows of " + table + " after the migration");
    }

    @Test
    void anotherEngineAdoptsAMigrationFoundRunning(TestDatabase database) throws Exception {
        StrategyDescriptor strategy = strategy();
        assumeTrue(strategy.capabilities().adoptableAfterRestart(), strategy.name() + " cannot be adopted");
        assumeTrue(strategy.capabilities().postponeCompletion(),
                "the kit can only leave a migration idle for adoption at its postponed cut-over");
        RecordingStatusReporter firstReporter = new RecordingStatusReporter();
        StrategyEngine first = engine(createPlugin(), strategy, context(database, firstReporter));
        String table = createTable(database);
        MigrationRun run = run(database, strategy, table, alterAddingColumn(table), POSTPONE_COMPLETION);
        first.start(run);
        awaitReadyToComplete(first, run, firstReporter);
        // Its executor stops: the migration must be left running, for the next executor to adopt.
        first.close();
        assertTrue(firstReporter.reportsOf(uuid(run)).stream().noneMatch(RecordingStatusReporter::isTerminal),
                "closing an engine must not end its migrations: " + firstReporter.reportsOf(uuid(run)));

        // As after a restart: a new plugin instance with a new context, and the first engine never hears of it again.
        RecordingStatusReporter adopterReporter = new RecordingStatusReporter();
        StrategyEngine adopter = engine(createPlugin(), strategy, context(database, adopterReporter));
        assertTrue(adopter.adopt(run), strategy.name() + " declares it can be adopted, yet adopt() returned false");
        assertInstanceOf(Probe.Running.class, adopter.probe(run), "the adopting engine does not run the migration it adopted");
        StatusReport terminal = driveToTerminal(adopter, run, adopterReporter);

        assertEquals(MigrationStatus.COMPLETE, terminal.status(), "final report: " + terminal);
        assertTrue(database.columns(table).contains(ADDED_COLUMN), table + " has no " + ADDED_COLUMN);
        assertEquals(TABLE_ROWS, database.rowCount(table), "rows of " + table + " after the adopted migration");
        assertTrue(firstReporter.reportsOf(uuid(run)).stream().noneMatch(RecordingStatusReporter::isTerminal),
                "the closed engine reported the end of a migration another engine adopted: " + firstReporter.reportsOf(uuid(run)));
    }

    @Test
    void closingAnEngineTwiceIsFine(TestDatabase database) throws Exception {
        StrategyPlugin plugin = createPlugin();
        RecordingStatusReporter reporter = new RecordingStatusReporter();
        StrategyContext context = context(database, reporter);
        StrategyDescriptor strategy = strategy();
        // One that has done its work, as an executor closes after its migrations ended ...
        StrategyEngine worked = engine(plugin, strategy, context);
        String table = createTable(database);
        MigrationRun run = run(database, strategy, table, alterAddingColumn(table), "");
        worked.start(run);
        assertEquals(MigrationStatus.COMPLETE, driveToTerminal(worked, run, reporter).status(),
                "final report: " + reporter.reportsOf(uuid(run)));

        assertDoesNotThrow(worked::close, strategy.name() + ": close()");
        assertDoesNotThrow(worked::close, strategy.name() + ": a second close() must do nothing");
        // ... and one per strategy that never ran anything.
        for (StrategyDescriptor each : plugin.strategies()) {
            StrategyEngine idle = engine(plugin, each, context);
            assertDoesNotThrow(idle::close, each.name() + ": close() of an engine that ran nothing");
            assertDoesNotThrow(idle::close, each.name() + ": a second close() must do nothing");
        }
        assertEquals(1, reporter.reportsOf(uuid(run)).stream().filter(RecordingStatusReporter::isTerminal).count(),
                "closing reported again for a migration that had ended: " + reporter.reportsOf(uuid(run)));
    }

    // ---- playing the core

    /** The plugin's engine for {@code strategy}, closed after the test as the core closes it with its executor. */
    private StrategyEngine engine(StrategyPlugin plugin, StrategyDescriptor strategy, StrategyContext context) {
        StrategyEngine engine = plugin.createEngine(strategy, context);
        assertNotNull(engine, "no engine for " + strategy.name());
        cleanUp.push(engine::close);
        return engine;
    }

    private StrategyContext context(TestDatabase database, StatusReporter reporter) throws Exception {
        StrategyContext context = createContext(database, reporter);
        assertNotNull(context, "createContext returned null");
        if (context instanceof AutoCloseable closeable) {
            cleanUp.push(closeable);
        }
        return context;
    }

    private StrategyDescriptor strategy() {
        String name = strategyUnderTest();
        return createPlugin().strategies().stream().filter(strategy -> strategy.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("the plugin declares no strategy " + name));
    }

    private MigrationRun run(TestDatabase database, StrategyDescriptor strategy, String table, String statement,
                             String options) {
        Instant now = Instant.now();
        Migration migration = Migration.builder(MigrationUuid.generate(now, random))
                .keyspace(database.name()).shard("0").mysqlSchema(database.name()).mysqlTable(table)
                .migrationStatement(statement).strategy(strategy.name()).options(options)
                .addedTimestamp(now).requestedTimestamp(now).readyTimestamp(now).startedTimestamp(now)
                .status(MigrationStatus.RUNNING).ddlAction(DdlAction.ALTER).tablet("plugin-compatibility-kit")
                .postponeCompletion(options.contains(POSTPONE_COMPLETION))
                .build();
        return new MigrationRun(migration, new StrategySetting(strategy.name(), options, strategy.capabilities()), statement);
    }

    /**
     * Waits for the terminal report and, as the core's review does, calls complete() whenever the
     * engine says the migration could cut over.
     */
    private StatusReport driveToTerminal(StrategyEngine engine, MigrationRun run, RecordingStatusReporter reporter)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience());
        while (true) {
            Optional<StatusReport> terminal = reporter.awaitTerminal(uuid(run), REVIEW_INTERVAL);
            if (terminal.isPresent()) {
                return terminal.get();
            }
            if (reporter.reportedReadyToComplete(uuid(run)) || probeSaysReady(engine, run)) {
                engine.complete(run);
            }
            if (Instant.now().isAfter(deadline)) {
                fail("migration " + uuid(run) + " did not end within " + patience() + "; reports: "
                        + reporter.reportsOf(uuid(run)) + "; probe: " + engine.probe(run));
            }
        }
    }

    private void awaitReadyToComplete(StrategyEngine engine, MigrationRun run, RecordingStatusReporter reporter)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience());
        while (!(reporter.awaitReport(uuid(run), StatusReport::readyToComplete, REVIEW_INTERVAL).isPresent()
                || probeSaysReady(engine, run))) {
            Optional<StatusReport> terminal = reporter.reportsOf(uuid(run)).stream()
                    .filter(RecordingStatusReporter::isTerminal).findFirst();
            if (terminal.isPresent()) {
                fail("migration " + uuid(run) + " ended before it was ready to complete: " + terminal.get());
            }
            if (Instant.now().isAfter(deadline)) {
                fail("migration " + uuid(run) + " was not ready to complete within " + patience() + "; reports: "
                        + reporter.reportsOf(uuid(run)) + "; probe: " + engine.probe(run));
            }
        }
    }

    private static boolean probeSaysReady(StrategyEngine engine, MigrationRun run) {
        return engine.probe(run) instanceof Probe.Running running && running.readyToComplete();
    }

    private void awaitReport(RecordingStatusReporter reporter, MigrationRun run,
                             Predicate<StatusReport> matching, String what) throws InterruptedException {
        if (reporter.awaitReport(uuid(run), matching, patience()).isEmpty()) {
            fail("no " + what + " for migration " + uuid(run) + " within " + patience() + "; reports: "
                    + reporter.reportsOf(uuid(run)));
        }
    }

    /** After a migration ended, the engine lets go of it; the server offers no event for that, so it is probed. */
    private void awaitNotRunning(StrategyEngine engine, MigrationRun run) {
        await("the engine to let go of " + uuid(run)).atMost(patience()).pollDelay(Duration.ZERO).pollInterval(REVIEW_INTERVAL)
                .untilAsserted(() -> {
                    Probe probe = engine.probe(run);
                    if (!(probe instanceof Probe.NotRunning)) {
                        fail("migration " + uuid(run) + " has ended but the engine still reports it: " + probe);
                    }
                });
    }

    private void startWhileLocked(StrategyEngine engine, MigrationRun run, String table) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> started = caller.submit(() -> engine.start(run));
            try {
                started.get(patience().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                fail("start() did not return while " + table + " was locked: an engine must run the ALTER on its own"
                        + " threads and return at once");
            } catch (ExecutionException e) {
                throw new AssertionError("start() failed: " + e.getCause(), e.getCause());
            }
        } finally {
            caller.shutdownNow();
        }
    }

    private static void assertRunningThenOneTerminal(List<StatusReport> reports) {
        List<StatusReport> real = reports.stream().filter(report -> !report.dryRun()).toList();
        assertFalse(real.isEmpty(), "no report at all");
        assertEquals(MigrationStatus.RUNNING, real.get(0).status(), "the first report must say running: " + reports);
        List<StatusReport> terminals = new ArrayList<>(real.stream().filter(RecordingStatusReporter::isTerminal).toList());
        assertEquals(1, terminals.size(), "exactly one complete or failed report: " + reports);
        assertEquals(terminals.get(0), real.get(real.size() - 1), "nothing may be reported after the end: " + reports);
        for (StatusReport report : real.subList(0, real.size() - 1)) {
            assertEquals(MigrationStatus.RUNNING, report.status(), "before the end every report says running: " + reports);
        }
    }

    private static MigrationUuid uuid(MigrationRun run) {
        return run.migration().uuid();
    }

    // ---- the kit's own tables

    private String createTable(TestDatabase database) throws SQLException {
        // JUnit makes an instance per test, and the class's tests share one database: names are random.
        String table = "tck_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + quote(table) + " (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                    + " payload VARCHAR(64) NOT NULL) ENGINE=InnoDB");
            StringBuilder insert = new StringBuilder("INSERT INTO ").append(quote(table)).append(" (payload) VALUES ");
            for (int row = 0; row < TABLE_ROWS; row++) {
                insert.append(row == 0 ? "(?)" : ",(?)");
            }
            try (PreparedStatement rows = connection.prepareStatement(insert.toString())) {
                for (int row = 0; row < TABLE_ROWS; row++) {
                    rows.setString(row + 1, "row " + row);
                }
                rows.executeUpdate();
            }
        }
        return table;
    }

    private static String alterAddingColumn(String table) {
        return "ALTER TABLE " + quote(table) + " ADD COLUMN " + quote(ADDED_COLUMN) + " INT NULL";
    }

    private static void lockForWrite(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLES " + quote(table) + " WRITE");
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLOCK TABLES");
        }
    }

    private static String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }
}
