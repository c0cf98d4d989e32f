package dev.onlineddl.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core decides over a probe through {@code match}, one function per variant, so none falls through. */
class ProbeTest {

    @Test
    void matchTakesOneFunctionPerVariant() {
        List<Method> matches = Arrays.stream(Probe.class.getDeclaredMethods()).filter(m -> m.getName().equals("match")).toList();
        assertThat(matches).hasSize(1);
        List<Type> handled = Arrays.stream(matches.get(0).getGenericParameterTypes())
                .map(parameter -> ((ParameterizedType) parameter).getActualTypeArguments()[0]).toList();

        assertThat(handled).containsExactlyInAnyOrder((Type[]) Probe.class.getPermittedSubclasses());
    }

    @Test
    void eachVariantPicksItsOwnFunction() {
        List<Probe> probes = List.of(new Probe.NotRunning(), new Probe.Running(0.5, 1, 2, 3, false, 4, Optional.empty(), ""),
                new Probe.Failing("boom", true));

        assertThat(probes).extracting(probe -> probe.match(notRunning -> "not running", running -> "running",
                failing -> "failing " + failing.message())).containsExactly("not running", "running", "failing boom");
    }
}
