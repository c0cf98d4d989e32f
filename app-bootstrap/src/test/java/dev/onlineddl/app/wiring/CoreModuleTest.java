package dev.onlineddl.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.app.auth.MigrationTokens;
import dev.onlineddl.app.config.DaemonSettings;
import dev.onlineddl.app.config.DatabasePassword;
import dev.onlineddl.app.config.HttpAddress;
import dev.onlineddl.app.daemon.ToolCallbacks;
import dev.onlineddl.app.process.LocalProcessRunner;
import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ExecutorLock;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.SchemaDiffer;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.SubmissionLock;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.service.ExecutorConfig;
import dev.onlineddl.service.OnlineDdl;
import dev.onlineddl.service.StrategyRegistry;
import dev.onlineddl.spi.MigrationRun;
import dev.onlineddl.spi.Probe;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;
import dev.onlineddl.spi.StrategySettings;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the daemon's wiring hands strategy plugins, short of a database. */
class CoreModuleTest {

    @TempDir
    Path temp;

    private final ContextRecordingPlugin plugin = new ContextRecordingPlugin();

    @Test
    void theDaemonsToolPathsReachEveryEngineAsSettings() {
        Path ghOst = temp.resolve("bin/gh-ost");
        Path ptOsc = temp.resolve("bin/pt-online-schema-change");

        try (OnlineDdl ignored = assemble(settings(Optional.of(ghOst), Optional.of(ptOsc)))) {
            StrategyContext context = plugin.contexts.get(0);
            assertThat(context.setting(StrategySettings.GH_OST_PATH)).contains(ghOst.toString());
            assertThat(context.setting(StrategySettings.PT_OSC_PATH)).contains(ptOsc.toString());
        }
    }

    @Test
    void anUnsetToolPathStaysUnset() {
        try (OnlineDdl ignored = assemble(settings(Optional.empty(), Optional.of(temp.resolve("pt-osc"))))) {
            StrategyContext context = plugin.contexts.get(0);
            assertThat(context.setting(StrategySettings.GH_OST_PATH)).isEmpty();
            assertThat(context.setting(StrategySettings.PT_OSC_PATH)).contains(temp.resolve("pt-osc").toString());
        }
    }

    @Test
    void enginesStartProcessesThroughTheLocalRunner() {
        try (OnlineDdl ignored = assemble(settings(Optional.empty(), Optional.empty()))) {
            assertThat(plugin.contexts.get(0).processRunner()).isInstanceOf(LocalProcessRunner.class);
        }
    }

    /** The provider methods Dagger calls, in the order it calls them, with stand-ins for the database. */
    private OnlineDdl assemble(DaemonSettings settings) {
        MigrationTarget target = CoreModule.target(settings);
        ExecutorConfig config = CoreModule.executorConfig(settings, target).withWorkDirectory(temp.resolve("work"));
        Clock clock = CoreModule.clock();
        SecureRandom random = new SecureRandom();
        return CoreModule.onlineDdl(settings, config, unused(MigrationStore.class, target),
                unused(SchemaInspector.class, target), unused(DdlExecutor.class, target),
                CoreModule.ddlAnalyzer(), unused(TargetConnections.class, target), unused(ExecutorLock.class, target),
                unused(SubmissionLock.class, target), StrategyRegistry.of(List.of(plugin)), CoreModule.throttler(clock, random), CoreModule.processRunner(),
                clock, random, unused(SchemaDiffer.class, target), (outcome, duration) -> { },
                new ToolCallbacks(new MigrationTokens(random)));
    }

    private static DaemonSettings settings(Optional<Path> ghOst, Optional<Path> ptOsc) {
        return new DaemonSettings("jdbc:mysql://127.0.0.1:3306/shop", "shop", "ddl", DatabasePassword.NONE, "_onlineddl",
                "box1:0", "shop", "0", Duration.ofSeconds(1), Duration.ofHours(24), 256, Duration.ofHours(3),
                new HttpAddress("127.0.0.1", 15100, InetAddress.getLoopbackAddress()), false, ghOst, ptOsc,
                DaemonSettings.DEFAULT_HTTP_THREADS);
    }

    /** Assembling the executor asks the store for its target only; closing it lets go of the lock. */
    private static <T> T unused(Class<T> type, MigrationTarget target) {
        return type.cast(Proxy.newProxyInstance(CoreModuleTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "target" -> target;
                    case "release", "close" -> null;
                    case "toString" -> "unused " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }

    private static final class ContextRecordingPlugin implements StrategyPlugin {
        final List<StrategyContext> contexts = new ArrayList<>();

        @Override
        public List<StrategyDescriptor> strategies() {
            return List.of(new StrategyDescriptor("recording", StrategyCapabilities.MINIMAL));
        }

        @Override
        public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
            contexts.add(context);
            return new StrategyEngine() {
                @Override
                public void start(MigrationRun run) {
                    throw new UnsupportedOperationException("the wiring test runs no migration");
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
            };
        }
    }
}
