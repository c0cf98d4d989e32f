package dev.onlineddl.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onlineddl.domain.ddl.SpecialAlterPlan;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decisions the executor acts on are sealed types with a {@code match} taking one function
 * per permitted variant: Java 17 has no switch over sealed types, and an if-instanceof chain lets
 * a new variant fall through (as "complete", say). With {@code match}, a new variant needs a new
 * parameter, and every caller stops compiling until it says what to do.
 */
class SealedDecisionsTest {

    @ParameterizedTest
    @ValueSource(classes = {SpecialAlterPlan.class, RevertPlan.class, RevertFillIn.class, SubmissionDecision.class,
            CancelPlan.class})
    void matchTakesOneFunctionPerVariant(Class<?> sealed) {
        assertThat(sealed.isSealed()).isTrue();
        List<Method> matches = Arrays.stream(sealed.getDeclaredMethods()).filter(m -> m.getName().equals("match")).toList();
        assertThat(matches).as("%s.match", sealed.getSimpleName()).hasSize(1);

        List<Type> handled = Arrays.stream(matches.get(0).getGenericParameterTypes()).map(parameter -> {
            assertThat(parameter).isInstanceOf(ParameterizedType.class);
            ParameterizedType function = (ParameterizedType) parameter;
            assertThat(function.getRawType()).isEqualTo(Function.class);
            return function.getActualTypeArguments()[0];
        }).toList();

        assertThat(handled).containsExactlyInAnyOrder((Type[]) sealed.getPermittedSubclasses());
    }
}
