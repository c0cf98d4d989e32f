package dev.onlineddl.adapter.mysql.strategy;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.StrategyCapabilities;
import dev.onlineddl.spi.StrategyDescriptor;
import dev.onlineddl.spi.StrategyPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInMysqlPluginTest {

    @Test
    void providesMysqlAndDirectWithVitessCapabilities() {
        assertThat(new BuiltInMysqlPlugin().strategies()).containsExactly(
                new StrategyDescriptor("mysql", BuiltInStrategy.MYSQL.capabilities()),
                new StrategyDescriptor("direct", BuiltInStrategy.DIRECT.capabilities()));
        assertThat(BuiltInStrategy.MYSQL.capabilities().queued()).isTrue();
        assertThat(BuiltInStrategy.DIRECT.capabilities().queued()).isFalse();
    }

    @Test
    void isFoundByTheServiceLoaderLikeAnyPlugin() {
        assertThat(ServiceLoader.load(StrategyPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(BuiltInMysqlPlugin.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignStrategies")
    void refusesToCreateAnEngineForAStrategyItDoesNotProvide(StrategyDescriptor foreign) {
        assertThatThrownBy(() -> new BuiltInMysqlPlugin().createEngine(foreign, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("provides the strategies mysql and direct, not " + foreign);
    }

    static Stream<StrategyDescriptor> foreignStrategies() {
        return Stream.of(
                new StrategyDescriptor("vitess", BuiltInStrategy.VITESS.capabilities()),
                new StrategyDescriptor("my-sql", BuiltInStrategy.MYSQL.capabilities()),
                // the right name with other capabilities is another strategy
                new StrategyDescriptor("mysql", new StrategyCapabilities(false, false, true, true, false, false, true)),
                new StrategyDescriptor("direct", BuiltInStrategy.MYSQL.capabilities()));
    }
}
