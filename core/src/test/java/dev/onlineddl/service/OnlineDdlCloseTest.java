package dev.onlineddl.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.domain.throttle.ThrottleRequest;
import dev.onlineddl.domain.throttle.ThrottleTarget;
import dev.onlineddl.port.in.OnlineDdlDisabledException;
import dev.onlineddl.port.in.SubmissionRequest;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ExecutorLock;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Closing an executor closes each strategy engine once, whatever the others do; a closed executor
 * refuses submissions and commands without touching anything.
 */
class OnlineDdlCloseTest {

    private static final ExecutorConfig CONFIG = ExecutorConfig.defaults("host-a:shop", "shop");

    /** Stands in for a service the executor must not touch while it is assembled and closed: any call fails the test. */
    private static <T> T untouched(Class<T> service) {
        return service.cast(Proxy.newProxyInstance(OnlineDdlCloseTest.class.getClassLoader(), new Class<?>[] {service},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "untouched " + service.getSimpleName();
                    // the builder checks that the store is bound to the executor's target
                    case "target" -> CONFIG.target();
                    default -> throw new AssertionError("closing an executor called " + service.getSimpleName() + "."
                            + method.getName());
                }));
    }

    /** The order of events, as the engines and the lock see them. */
    private final List<String> events = new ArrayList<>();

    private final class RecordingLock implements ExecutorLock {
        @Override
        public boolean tryAcquire() {
            events.add("lock acquired");
            return true;
        }

        @Override
        public void release() {
            events.add("lock released");
        }

        @Override
        public String lockName() {
            return "test lock";
        }

        @Override
        public void close() {
            events.add("lock closed");
        }
    }

    /** An engine that runs nothing and records its closing, failing with {@code failure} if one is given. */
    private final class ClosingEngine implements StrategyEngine {
        private final String name;
        private final Supplier<? extends Throwable> failure;
        final AtomicInteger closed = new AtomicInteger();

        ClosingEngine(String name, Supplier<? extends Throwable> failure) {
            this.name = name;
            this.failure = failure;
        }

        @Override
        public void start(MigrationRun run) {
            throw new UnsupportedOperationException("test engine " + name + " runs nothing");
        }

        @Override
        public Probe probe(MigrationRun run) {
            return new Probe.NotRunning();
        }

        @Override
        public void complete(MigrationRun run) {
        }

        @Override
        public boolean terminate(MigrationRun run) {
            return false;
        }

        @Override
        public void close() {
            closed.incrementAndGet();
            events.add(name + " closed");
            if (failure != null) {
                Throwable thrown = failure.get();
                if (thrown instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (Error) thrown;
            }
        }
    }

    /** Hands out the given engines, one per strategy name, in order; one engine may serve several names. */
    private static class FixedPlugin implements StrategyPlugin {
        private final List<String> names;
        private final List<StrategyEngine> engines;

        FixedPlugin(List<String> names, List<StrategyEngine> engines) {
            this.names = names;
            this.engines = engines;
        }

        @Override
        public List<StrategyDescriptor> strategies() {
            return names.stream().map(name -> new StrategyDescriptor(name, StrategyCapabilities.MINIMAL)).toList();
        }

        @Override
        public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
            return engines.get(names.indexOf(strategy.name()));
        }
    }

    private OnlineDdl executorWith(StrategyPlugin... plugins) {
        return OnlineDdl.builder(CONFIG)
                .store(untouched(MigrationStore.class))
                .schemaInspector(untouched(SchemaInspector.class))
                .ddlExecutor(untouched(DdlExecutor.class))
                .ddlAnalyzer(untouched(DdlAnalyzer.class))
                .connections(untouched(TargetConnections.class))
                .executorLock(new RecordingLock())
                .plugins(List.of(plugins))
                .build();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("runtime exception", (Supplier<Throwable>) () -> new IllegalStateException("boom")),
                Arguments.of("class missing from the plugin jar",
                        (Supplier<Throwable>) () -> new NoClassDefFoundError("com/example/Missing")));
    }

    @ParameterizedTest(name = "an engine failing with a {0}")
    @MethodSource("failures")
    void everyEngineIsClosedOnceAlthoughOneFails(String description, Supplier<? extends Throwable> failure) {
        ClosingEngine first = new ClosingEngine("first", null);
        ClosingEngine broken = new ClosingEngine("broken", failure);
        ClosingEngine last = new ClosingEngine("last", null);
        OnlineDdl executor = executorWith(new FixedPlugin(List.of("first", "broken"), List.of(first, broken)),
                new FixedPlugin(List.of("last"), List.of(last)));

        executor.close();
        executor.close();

        assertThat(first.closed).hasValue(1);
        assertThat(broken.closed).hasValue(1);
        assertThat(last.closed).hasValue(1);
    }

    @Test
    void anEngineServingSeveralStrategiesIsClosedOnce() {
        ClosingEngine shared = new ClosingEngine("shared", null);
        OnlineDdl executor = executorWith(new FixedPlugin(List.of("fast", "slow"), List.of(shared, shared)));

        executor.close();

        assertThat(shared.closed).hasValue(1);
    }

    @Test
    void enginesCloseBeforeTheLockIsReleasedSoThatNoStandbyAdoptsWhileTheyRun() {
        ClosingEngine engine = new ClosingEngine("engine", null);
        OnlineDdl executor = executorWith(new FixedPlugin(List.of("engine"), List.of(engine)));

        executor.close();

        assertThat(events).containsSubsequence("engine closed", "lock released", "lock closed");
    }

    @Test
    void enginesAlreadyCreatedAreClosedWhenALaterPluginFailsToCreateOne() {
        ClosingEngine created = new ClosingEngine("created", null);
        StrategyPlugin failing = new FixedPlugin(List.of("failing"), List.of()) {
            @Override
            public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
                throw new IllegalStateException("cannot start its threads");
            }
        };

        assertThatThrownBy(() -> executorWith(new FixedPlugin(List.of("created"), List.of(created)), failing))
                .isInstanceOf(StrategyRegistrationException.class)
                .hasMessageContaining("cannot start its threads");
        assertThat(created.closed).hasValue(1);
    }

    static Stream<Arguments> submissionAndCommands() {
        MigrationUuid uuid = MigrationUuid.parse("00000000_51c9_11ec_9cf2_0a43f95f28a3");
        Map<String, Consumer<OnlineDdl>> calls = new LinkedHashMap<>();
        calls.put("submit", executor -> executor.submitMigration().submit(SubmissionRequest.of("create table t (id int)", "vitess")));
        calls.put("cancel", executor -> executor.controlMigration().cancel(uuid));
        calls.put("cancel --all", executor -> executor.controlMigration().cancelAll());
        calls.put("retry", executor -> executor.controlMigration().retry(uuid));
        calls.put("cleanup", executor -> executor.controlMigration().cleanup(uuid));
        calls.put("complete", executor -> executor.controlMigration().complete(uuid));
        calls.put("complete --all", executor -> executor.controlMigration().completeAll());
        calls.put("launch", executor -> executor.controlMigration().launch(uuid, List.of()));
        calls.put("launch --all", executor -> executor.controlMigration().launchAll());
        calls.put("throttle", executor -> executor.throttleMigrations().throttle(
                new ThrottleRequest(ThrottleTarget.AllMigrations.INSTANCE, Duration.ofHours(1), 1.0)));
        calls.put("unthrottle", executor -> executor.throttleMigrations().unthrottle(ThrottleTarget.AllMigrations.INSTANCE));
        return calls.entrySet().stream().map(call -> Arguments.of(call.getKey(), call.getValue()));
    }

    /** As Vitess once its executor is closed; the untouched services prove that nothing changed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("submissionAndCommands")
    void aClosedExecutorRefusesSubmissionsAndCommandsWithVitesssMessage(String name, Consumer<OnlineDdl> call) {
        OnlineDdl executor = executorWith();
        executor.close();

        assertThatThrownBy(() -> call.accept(executor))
                .isInstanceOf(OnlineDdlDisabledException.class)
                .hasMessageStartingWith("online ddl is disabled: ")
                .hasMessageContaining("host-a:shop");
    }
}
