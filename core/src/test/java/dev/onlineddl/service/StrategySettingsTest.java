package dev.onlineddl.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.port.out.DdlAnalyzer;
import dev.onlineddl.port.out.DdlExecutor;
import dev.onlineddl.port.out.ExecutorLock;
import dev.onlineddl.port.out.MigrationStore;
import dev.onlineddl.port.out.MigrationTarget;
import dev.onlineddl.port.out.ProcessRunner;
import dev.onlineddl.port.out.SchemaInspector;
import dev.onlineddl.port.out.TargetConnections;
import dev.onlineddl.port.out.Throttler;
import dev.onlineddl.spi.StatusReporter;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategySettings;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings given to {@link OnlineDdl.Builder} reach every engine's {@link StrategyContext#setting(String)}. */
class StrategySettingsTest {

    private static final MigrationTarget TARGET = MigrationTarget.of("shop");

    @TempDir
    Path workDirectory;

    private final RecordingPlugin plugin = new RecordingPlugin("echo", "other");

    /** Assembling the executor calls none of these but the store's target; closing it lets go of the lock. */
    private static <T> T unused(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(StrategySettingsTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "target" -> TARGET;
                    case "release", "close" -> null;
                    case "toString" -> "unused " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }

    private OnlineDdl.Builder builder() {
        ExecutorConfig config = ExecutorConfig.defaults("box1", "shop").withTarget(TARGET).withWorkDirectory(workDirectory);
        return OnlineDdl.builder(config)
                .store(unused(MigrationStore.class))
                .schemaInspector(unused(SchemaInspector.class))
                .ddlExecutor(unused(DdlExecutor.class))
                .ddlAnalyzer(unused(DdlAnalyzer.class))
                .connections(unused(TargetConnections.class))
                .executorLock(unused(ExecutorLock.class))
                .plugins(List.of(plugin));
    }

    @Test
    void everyEngineSeesTheSettingsGivenToTheBuilder() {
        try (OnlineDdl ignored = builder()
                .strategySetting(StrategySettings.GH_OST_PATH, "/usr/local/bin/gh-ost")
                .strategySettings(Map.of(StrategySettings.PT_OSC_PATH, "/usr/bin/pt-online-schema-change",
                        "vendor.example-flag", "on"))
                .build()) {

            assertThat(plugin.contexts).hasSize(2).allSatisfy(context -> {
                assertThat(context.setting(StrategySettings.GH_OST_PATH)).contains("/usr/local/bin/gh-ost");
                assertThat(context.setting(StrategySettings.PT_OSC_PATH)).contains("/usr/bin/pt-online-schema-change");
                assertThat(context.setting("vendor.example-flag")).contains("on");
                assertThat(context.setting("not-given")).isEmpty();
            });
        }
    }

    @Test
    void withoutSettingsEverySettingIsEmpty() {
        try (OnlineDdl ignored = builder().build()) {
            assertThat(plugin.contexts.get(0).setting(StrategySettings.GH_OST_PATH)).isEmpty();
        }
    }

    @Test
    void aLaterValueForTheSameNameWins() {
        try (OnlineDdl ignored = builder()
                .strategySetting(StrategySettings.GH_OST_PATH, "/first")
                .strategySettings(Map.of(StrategySettings.GH_OST_PATH, "/second"))
                .build()) {
            assertThat(plugin.contexts.get(0).setting(StrategySettings.GH_OST_PATH)).contains("/second");
        }
    }

    @Test
    void settingsAreFixedWhenTheExecutorIsBuilt() {
        Map<String, String> given = new HashMap<>(Map.of(StrategySettings.GH_OST_PATH, "/usr/bin/gh-ost"));
        OnlineDdl.Builder builder = builder().strategySettings(given);
        try (OnlineDdl ignored = builder.build()) {
            given.put(StrategySettings.GH_OST_PATH, "/changed");
            builder.strategySetting(StrategySettings.PT_OSC_PATH, "/too/late");

            StrategyContext context = plugin.contexts.get(0);
            assertThat(context.setting(StrategySettings.GH_OST_PATH)).contains("/usr/bin/gh-ost");
            assertThat(context.setting(StrategySettings.PT_OSC_PATH)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "gh-ost path", "gh-ost-path\n"})
    void aNameThatIsBlankOrHoldsWhitespaceIsRefused(String name) {
        assertThatThrownBy(() -> builder().strategySetting(name, "/usr/bin/gh-ost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid strategy setting name '" + name + "'");
    }

    @Test
    void aMissingValueIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> builder().strategySetting(StrategySettings.GH_OST_PATH, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'gh-ost-path'");
    }

    /** Contexts written before settings existed (third-party test contexts) still compile and answer empty. */
    @Test
    void aContextWithoutSettingsAnswersEmpty() {
        StrategyContext minimal = new StrategyContext() {
            @Override public String executorId() { return "box1"; }
            @Override public TargetConnections connections() { return unused(TargetConnections.class); }
            @Override public SchemaInspector schemaInspector() { return unused(SchemaInspector.class); }
            @Override public DdlExecutor ddlExecutor() { return unused(DdlExecutor.class); }
            @Override public DdlAnalyzer ddlAnalyzer() { return unused(DdlAnalyzer.class); }
            @Override public Throttler throttler() { return unused(Throttler.class); }
            @Override public ProcessRunner processRunner() { return unused(ProcessRunner.class); }
            @Override public Clock clock() { return Clock.systemUTC(); }
            @Override public StatusReporter reporter() { return unused(StatusReporter.class); }
            @Override public Path workDirectory(MigrationUuid uuid) { return workDirectory; }
        };

        assertThat(minimal.setting(StrategySettings.GH_OST_PATH)).isEmpty();
    }
}
