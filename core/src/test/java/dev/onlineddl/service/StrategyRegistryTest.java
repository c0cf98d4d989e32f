package dev.onlineddl.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.domain.strategy.StrategySetting;
import dev.onlineddl.spi.StrategyContext;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyEngine;
import dev.onlineddl.spi.StrategyPlugin;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StrategyRegistryTest {

    /** The registry only passes the context on: any implementation will do. */
    private static final StrategyContext CONTEXT = (StrategyContext) Proxy.newProxyInstance(
            StrategyRegistryTest.class.getClassLoader(), new Class<?>[] {StrategyContext.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "test context";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static final class OtherPlugin extends RecordingPlugin {
        OtherPlugin(String... names) {
            super(names);
        }
    }

    @Test
    void discoversPluginsListedInMetaInfServices() {
        StrategyRegistry registry = StrategyRegistry.discover(getClass().getClassLoader());

        // this module's test class path: its own test plugins, and the built-in ones of adapters-mysql
        assertThat(registry.installedStrategies())
                .containsExactlyInAnyOrder("discoverable-test", "slow-copy", "mysql", "direct");
        assertThat(registry.isInstalled("discoverable-test")).isTrue();
    }

    @Test
    void twoPluginsClaimingOneNameIsAStartUpErrorNamingBoth() {
        RecordingPlugin first = new RecordingPlugin("echo", "shared");
        OtherPlugin second = new OtherPlugin("shared");

        assertThatThrownBy(() -> StrategyRegistry.of(List.of(first, second)))
                .isInstanceOf(StrategyRegistrationException.class)
                .hasMessageContaining("strategy shared is claimed by two plugins")
                .hasMessageContaining(RecordingPlugin.class.getName())
                .hasMessageContaining(OtherPlugin.class.getName());
    }

    @Test
    void aPluginListingOneNameTwiceIsRejected() {
        assertThatThrownBy(() -> StrategyRegistry.of(List.of(new RecordingPlugin("echo", "echo"))))
                .isInstanceOf(StrategyRegistrationException.class)
                .hasMessageContaining("lists strategy echo twice");
    }

    @Test
    void aPluginWithoutStrategiesIsRejected() {
        assertThatThrownBy(() -> StrategyRegistry.of(List.of(new RecordingPlugin(List.of()))))
                .isInstanceOf(StrategyRegistrationException.class)
                .hasMessageContaining("provides no strategy");
    }

    @ParameterizedTest
    @EnumSource(BuiltInStrategy.class)
    void aBuiltInNameMayOnlyBeClaimedWithVitessCapabilities(BuiltInStrategy builtIn) {
        StrategyCapabilities other = builtIn.capabilities().equals(StrategyCapabilities.MINIMAL)
                ? new StrategyCapabilities(true, true, true, true, true, true, true)
                : StrategyCapabilities.MINIMAL;
        RecordingPlugin redefining = new RecordingPlugin(List.of(new StrategyDescriptor(builtIn.strategyName(), other)));
        RecordingPlugin faithful = new RecordingPlugin(
                List.of(new StrategyDescriptor(builtIn.strategyName(), builtIn.capabilities())));

        assertThatThrownBy(() -> StrategyRegistry.of(List.of(redefining)))
                .isInstanceOf(StrategyRegistrationException.class)
                .hasMessageContaining("declares built-in strategy " + builtIn.strategyName());
        assertThat(StrategyRegistry.of(List.of(faithful)).isInstalled(builtIn.strategyName())).isTrue();
    }

    @Test
    void pluginNamesParseAsStrategiesWithTheirCapabilitiesAndUnknownNamesDoNot() {
        StrategyCapabilities echoCapabilities = new StrategyCapabilities(false, true, true, false, false, false, true);
        StrategyRegistry registry = StrategyRegistry.of(List.of(
                new RecordingPlugin(List.of(new StrategyDescriptor("echo", echoCapabilities)))));

        StrategySetting echo = StrategySetting.parse("echo --postpone-completion", registry.knownStrategies());

        assertThat(echo.capabilities()).isEqualTo(echoCapabilities);
        assertThat(echo.isPostponeCompletion()).isTrue();
        assertThat(StrategySetting.parse("gh-ost", registry.knownStrategies()).capabilities())
                .isEqualTo(BuiltInStrategy.GH_OST.capabilities());
        assertThatThrownBy(() -> StrategySetting.parse("other", registry.knownStrategies()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void acceptedStrategiesAreTheBuiltInNamesAndThePluginNames() {
        StrategyRegistry registry = StrategyRegistry.of(List.of(new RecordingPlugin("echo")));

        assertThat(registry.acceptedStrategies())
                .containsExactlyInAnyOrder("vitess", "online", "gh-ost", "pt-osc", "mysql", "direct", "echo");
        assertThat(registry.installedStrategies()).containsExactly("echo");
        assertThat(registry.isInstalled("vitess")).isFalse();
        assertThat(registry.capabilitiesOf("vitess")).contains(BuiltInStrategy.VITESS.capabilities());
        assertThat(registry.capabilitiesOf("echo")).contains(StrategyCapabilities.MINIMAL);
        assertThat(registry.capabilitiesOf("nothing")).isEmpty();
    }

    @Test
    void installCreatesOneEngineForEachStrategyWithTheCoresContext() {
        RecordingPlugin plugin = new RecordingPlugin("echo", "echo-fast");

        InstalledStrategies installed = StrategyRegistry.of(List.of(plugin)).install(CONTEXT);

        assertThat(installed.engines()).containsOnlyKeys("echo", "echo-fast");
        assertThat(installed.engine("echo")).get().isEqualTo(new RecordingPlugin.IdleEngine("echo"));
        assertThat(installed.engine("vitess")).isEmpty();
        assertThat(plugin.contexts).containsExactly(CONTEXT, CONTEXT);
    }

    @Test
    void aPluginFailingToCreateItsEngineStopsTheStartNamingIt() {
        StrategyPlugin failing = new StrategyPlugin() {
            @Override
            public List<StrategyDescriptor> strategies() {
                return List.of(new StrategyDescriptor("broken", StrategyCapabilities.MINIMAL));
            }

            @Override
            public StrategyEngine createEngine(StrategyDescriptor strategy, StrategyContext context) {
                throw new IllegalStateException("no licence key");
            }
        };

        assertThatThrownBy(() -> StrategyRegistry.of(List.of(failing)).install(CONTEXT))
                .isInstanceOf(StrategyRegistrationException.class)
                .hasMessageContaining("failed to create the engine of strategy broken")
                .hasMessageContaining("no licence key");
    }
}
