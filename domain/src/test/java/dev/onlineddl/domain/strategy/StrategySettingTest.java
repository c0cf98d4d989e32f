package dev.onlineddl.domain.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.StrategyCapabilities;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrategySettingTest {

    private static final StrategyCapabilities EXTERNAL_TOOL =
            new StrategyCapabilities(false, false, true, false, true, true, true);
    private static final StrategyCapabilities NO_EXTERNAL_TOOL = StrategyCapabilities.MINIMAL;

    private static final KnownStrategies PLUGINS = KnownStrategies.of(Map.of(
            "spirit", EXTERNAL_TOOL,
            "quiet", NO_EXTERNAL_TOOL,
            "vitess", EXTERNAL_TOOL));

    static Stream<Arguments> validStrings() {
        return Stream.of(
                Arguments.of("", "direct", "", Set.of(), List.of()),
                Arguments.of("   ", "direct", "", Set.of(), List.of()),
                Arguments.of("vitess", "vitess", "", Set.of(), List.of()),
                Arguments.of("online", "online", "", Set.of(), List.of()),
                Arguments.of("gh-ost", "gh-ost", "", Set.of(), List.of()),
                Arguments.of("pt-osc", "pt-osc", "", Set.of(), List.of()),
                Arguments.of("mysql", "mysql", "", Set.of(), List.of()),
                Arguments.of("direct", "direct", "", Set.of(), List.of()),
                Arguments.of("vitess --postpone-completion --allow-concurrent", "vitess",
                        "--postpone-completion --allow-concurrent",
                        Set.of(StrategyFlag.POSTPONE_COMPLETION, StrategyFlag.ALLOW_CONCURRENT), List.of()),
                Arguments.of("vitess -postpone-completion", "vitess", "-postpone-completion",
                        Set.of(StrategyFlag.POSTPONE_COMPLETION), List.of()),
                Arguments.of("  vitess   --singleton  ", "vitess", "--singleton  ",
                        Set.of(StrategyFlag.SINGLETON), List.of()),
                Arguments.of("vitess\t--declarative\n--skip-topo", "vitess", "--declarative\n--skip-topo",
                        Set.of(StrategyFlag.DECLARATIVE, StrategyFlag.SKIP_TOPO), List.of()),
                Arguments.of("vitess\r\n--singleton", "vitess", "--singleton", Set.of(StrategyFlag.SINGLETON), List.of()),
                Arguments.of("vitess\f--singleton", "vitess", "--singleton", Set.of(StrategyFlag.SINGLETON), List.of()),
                Arguments.of("vitess --singleton -singleton", "vitess", "--singleton -singleton",
                        Set.of(StrategyFlag.SINGLETON), List.of()),
                Arguments.of("vitess \"--in-order-completion\"", "vitess", "\"--in-order-completion\"",
                        Set.of(StrategyFlag.IN_ORDER_COMPLETION), List.of()),
                Arguments.of("vitess --singleton # keep it alone", "vitess", "--singleton # keep it alone",
                        Set.of(StrategyFlag.SINGLETON), List.of()),
                Arguments.of("gh-ost --max-load=Threads_running=1", "gh-ost", "--max-load=Threads_running=1",
                        Set.of(), List.of("--max-load=Threads_running=1")),
                Arguments.of("gh-ost --max-load=Threads_running=1 --postpone-completion --chunk-size=500", "gh-ost",
                        "--max-load=Threads_running=1 --postpone-completion --chunk-size=500",
                        Set.of(StrategyFlag.POSTPONE_COMPLETION),
                        List.of("--max-load=Threads_running=1", "--chunk-size=500")),
                Arguments.of("gh-ost --singleton=true", "gh-ost", "--singleton=true",
                        Set.of(), List.of("--singleton=true")),
                Arguments.of("pt-osc --alter-foreign-keys-method='rebuild_constraints' \"--set-vars=a=1, b=2\"",
                        "pt-osc", "--alter-foreign-keys-method='rebuild_constraints' \"--set-vars=a=1, b=2\"",
                        Set.of(), List.of("--alter-foreign-keys-method=rebuild_constraints", "--set-vars=a=1, b=2")),
                Arguments.of("mysql --allow-zero-in-date --postpone-launch", "mysql",
                        "--allow-zero-in-date --postpone-launch",
                        Set.of(StrategyFlag.ALLOW_ZERO_IN_DATE, StrategyFlag.POSTPONE_LAUNCH), List.of()),
                Arguments.of("direct --allow-concurrent", "direct", "--allow-concurrent",
                        Set.of(StrategyFlag.ALLOW_CONCURRENT), List.of()),
                Arguments.of("online --prefer-instant-ddl --fast-range-rotation --vreplication-test-suite"
                                + " --unsafe-allow-foreign-keys --singleton-context",
                        "online", "--prefer-instant-ddl --fast-range-rotation --vreplication-test-suite"
                                + " --unsafe-allow-foreign-keys --singleton-context",
                        Set.of(StrategyFlag.PREFER_INSTANT_DDL, StrategyFlag.FAST_RANGE_ROTATION,
                                StrategyFlag.VREPLICATION_TEST_SUITE, StrategyFlag.UNSAFE_ALLOW_FOREIGN_KEYS,
                                StrategyFlag.SINGLETON_CONTEXT),
                        List.of()));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("validStrings")
    void parsesNameOptionsFlagsAndRuntimeOptions(String text, String strategy, String options,
                                                 Set<StrategyFlag> flags, List<String> runtimeOptions) {
        StrategySetting setting = StrategySetting.parse(text);

        assertThat(setting.strategy()).isEqualTo(strategy);
        assertThat(setting.options()).isEqualTo(options);
        assertThat(setting.capabilities()).isEqualTo(BuiltInStrategy.byName(strategy).orElseThrow().capabilities());
        assertThat(setting.flags()).containsExactlyInAnyOrderElementsOf(flags);
        assertThat(setting.runtimeOptions()).containsExactlyElementsOf(runtimeOptions);
        for (StrategyFlag flag : StrategyFlag.values()) {
            assertThat(setting.has(flag)).as(flag.flagName()).isEqualTo(flags.contains(flag));
        }
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @MethodSource("validStrings")
    void printsBackAStringThatParsesToTheSameSetting(String text) {
        StrategySetting setting = StrategySetting.parse(text);
        StrategySetting reparsed = StrategySetting.parse(setting.text());

        assertThat(reparsed).isEqualTo(setting);
        assertThat(setting.toString()).isEqualTo(setting.text());
        assertThat(setting.text()).isEqualTo(setting.options().isEmpty()
                ? setting.strategy() : setting.strategy() + " " + setting.options());
    }

    @Test
    void nullMeansUnspecifiedWhichIsDirect() {
        assertThat(StrategySetting.parse(null)).isEqualTo(StrategySetting.of(BuiltInStrategy.DIRECT));
    }

    private static Map<StrategyFlag, Predicate<StrategySetting>> typedAccessors() {
        Map<StrategyFlag, Predicate<StrategySetting>> accessors = new EnumMap<>(StrategyFlag.class);
        accessors.put(StrategyFlag.DECLARATIVE, StrategySetting::isDeclarative);
        accessors.put(StrategyFlag.SKIP_TOPO, StrategySetting::isSkipTopo);
        accessors.put(StrategyFlag.SINGLETON, StrategySetting::isSingleton);
        accessors.put(StrategyFlag.SINGLETON_CONTEXT, StrategySetting::isSingletonContext);
        accessors.put(StrategyFlag.ALLOW_ZERO_IN_DATE, StrategySetting::isAllowZeroInDate);
        accessors.put(StrategyFlag.POSTPONE_LAUNCH, StrategySetting::isPostponeLaunch);
        accessors.put(StrategyFlag.POSTPONE_COMPLETION, StrategySetting::isPostponeCompletion);
        accessors.put(StrategyFlag.IN_ORDER_COMPLETION, StrategySetting::isInOrderCompletion);
        accessors.put(StrategyFlag.ALLOW_CONCURRENT, StrategySetting::isAllowConcurrent);
        accessors.put(StrategyFlag.PREFER_INSTANT_DDL, StrategySetting::isPreferInstantDdl);
        accessors.put(StrategyFlag.FAST_RANGE_ROTATION, StrategySetting::isFastRangeRotation);
        accessors.put(StrategyFlag.VREPLICATION_TEST_SUITE, StrategySetting::isVreplicationTestSuite);
        accessors.put(StrategyFlag.UNSAFE_ALLOW_FOREIGN_KEYS, StrategySetting::isUnsafeAllowForeignKeys);
        return accessors;
    }

    @Test
    void everyFlagHasATypedAccessor() {
        assertThat(typedAccessors().keySet()).containsExactlyInAnyOrder(StrategyFlag.values());
    }

    @ParameterizedTest
    @EnumSource(StrategyFlag.class)
    void eachTypedAccessorSeesItsOwnFlagOnly(StrategyFlag flag) {
        for (String dashes : List.of("-", "--")) {
            StrategySetting setting = StrategySetting.parse("vitess " + dashes + flag.flagName());
            typedAccessors().forEach((accessorFlag, accessor) ->
                    assertThat(accessor.test(setting)).as(dashes + flag.flagName() + " -> " + accessorFlag.flagName())
                            .isEqualTo(accessorFlag == flag));
        }
    }

    @Test
    void allThirteenFlagsTogether() {
        String options = Arrays.stream(StrategyFlag.values()).map(StrategyFlag::commandLineForm)
                .collect(Collectors.joining(" "));
        StrategySetting setting = StrategySetting.parse("vitess " + options);

        assertThat(setting.flags()).isEqualTo(EnumSet.allOf(StrategyFlag.class));
        assertThat(setting.runtimeOptions()).isEmpty();
        typedAccessors().values().forEach(accessor -> assertThat(accessor.test(setting)).isTrue());
        assertThat(StrategySetting.of(BuiltInStrategy.VITESS, StrategyFlag.values())).isEqualTo(setting);
    }

    @Test
    void flagsAreReadOnly() {
        Set<StrategyFlag> flags = StrategySetting.parse("vitess --singleton").flags();
        assertThatThrownBy(() -> flags.add(StrategyFlag.DECLARATIVE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Vitess", "VITESS --postpone-completion", "ghost", "gh_ost", "pt_osc", "foo --bar",
            "online-ddl", "gh-ost2", "\u00a0vitess", "directx"})
    void unknownStrategyNamesAreRejectedWithVitessMessage(String text) {
        String name = text.split("[ \t\n\f\r]", 2)[0];
        assertThatThrownBy(() -> StrategySetting.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown online DDL strategy: '" + name + "'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vitess --postpone-completion --bogus | invalid flags for vitess strategy: --bogus",
            "vitess --bogus --postpone-completion | invalid flags for vitess strategy: --bogus",
            "online --a -b | invalid flags for online strategy: --a -b",
            "mysql --postpone-complete | invalid flags for mysql strategy: --postpone-complete",
            "direct -x | invalid flags for direct strategy: -x",
            "vitess --singleton=true | invalid flags for vitess strategy: --singleton=true",
            "vitess ---singleton | invalid flags for vitess strategy: ---singleton",
            "vitess --max-load=Threads_running=1 | invalid flags for vitess strategy: --max-load=Threads_running=1",
            "vitess 'two words' | invalid flags for vitess strategy: two words",
            "vitess --allow_concurrent | invalid flags for vitess strategy: --allow_concurrent"})
    void strategiesWithoutAnExternalToolRejectEveryOtherWord(String text, String message) {
        assertThatThrownBy(() -> StrategySetting.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gh-ost --alter='add column", "pt-osc \"--set-vars=a=1", "vitess --singleton\\",
            "vitess '--singleton"})
    void optionsThatDoNotSplitAreRejectedNamingThem(String text) {
        String options = text.substring(text.indexOf(' ') + 1);
        assertThatThrownBy(() -> StrategySetting.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("invalid strategy options '" + options + "'");
    }

    @Test
    void pluginsAddStrategyNames() {
        StrategySetting spirit = StrategySetting.parse("spirit --threads=4 --postpone-completion", PLUGINS);

        assertThat(spirit.strategy()).isEqualTo("spirit");
        assertThat(spirit.capabilities()).isEqualTo(EXTERNAL_TOOL);
        assertThat(spirit.builtIn()).isEmpty();
        assertThat(spirit.isPostponeCompletion()).isTrue();
        assertThat(spirit.runtimeOptions()).containsExactly("--threads=4");

        assertThat(StrategySetting.parse("quiet --singleton", PLUGINS).isSingleton()).isTrue();
    }

    @Test
    void aPluginWithoutAnExternalToolTakesNoRuntimeOptions() {
        assertThatThrownBy(() -> StrategySetting.parse("quiet --threads=4", PLUGINS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid flags for quiet strategy: --threads=4");
    }

    @Test
    void pluginNamesAreUnknownWithoutTheLookup() {
        assertThatThrownBy(() -> StrategySetting.parse("spirit"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Unknown online DDL strategy: 'spirit'");
        assertThatThrownBy(() -> StrategySetting.parse("other", PLUGINS))
                .hasMessage("Unknown online DDL strategy: 'other'");
    }

    @Test
    void builtInNamesKeepVitessCapabilitiesWhateverTheLookupSays() {
        StrategySetting vitess = StrategySetting.parse("vitess", PLUGINS);

        assertThat(vitess.capabilities()).isEqualTo(BuiltInStrategy.VITESS.capabilities());
        assertThatThrownBy(() -> StrategySetting.parse("vitess --threads=4", PLUGINS))
                .hasMessage("invalid flags for vitess strategy: --threads=4");
    }

    @Test
    void builtInOnlyKnowsNoExtraName() {
        assertThat(KnownStrategies.builtInOnly().capabilitiesOf("vitess")).isEmpty();
        assertThat(KnownStrategies.builtInOnly().capabilitiesOf("spirit")).isEmpty();
        assertThat(PLUGINS.capabilitiesOf("spirit")).contains(EXTERNAL_TOOL);
        assertThat(PLUGINS.capabilitiesOf("nothing")).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(BuiltInStrategy.class)
    void builtInStrategiesAreRecognised(BuiltInStrategy builtIn) {
        StrategySetting setting = StrategySetting.parse(builtIn.strategyName());

        assertThat(setting.builtIn()).contains(builtIn);
        assertThat(setting.is(builtIn)).isTrue();
        assertThat(setting.capabilities()).isEqualTo(builtIn.capabilities());
        for (BuiltInStrategy other : BuiltInStrategy.values()) {
            assertThat(setting.is(other)).isEqualTo(other == builtIn);
        }
        assertThat(StrategySetting.of(builtIn)).isEqualTo(setting);
    }

    @Test
    void ofWritesTheFlagsInTheGivenOrder() {
        assertThat(StrategySetting.of(BuiltInStrategy.VITESS, StrategyFlag.POSTPONE_COMPLETION, StrategyFlag.ALLOW_CONCURRENT)
                .text()).isEqualTo("vitess --postpone-completion --allow-concurrent");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vitess | ALLOW_CONCURRENT | vitess --allow-concurrent",
            "vitess --singleton | ALLOW_CONCURRENT | vitess --allow-concurrent --singleton",
            "gh-ost --max-load=x # note | SINGLETON | gh-ost --singleton --max-load=x # note",
            "pt-osc '--a b' | POSTPONE_LAUNCH | pt-osc --postpone-launch '--a b'"})
    void withFlagAddsTheFlagInFront(String text, StrategyFlag flag, String expected) {
        StrategySetting added = StrategySetting.parse(text).withFlag(flag);

        assertThat(added.text()).isEqualTo(expected);
        assertThat(added.has(flag)).isTrue();
        assertThat(added.runtimeOptions()).isEqualTo(StrategySetting.parse(text).runtimeOptions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vitess --allow-concurrent", "vitess -allow-concurrent --singleton"})
    void withFlagKeepsASettingThatHasIt(String text) {
        StrategySetting setting = StrategySetting.parse(text);
        assertThat(setting.withFlag(StrategyFlag.ALLOW_CONCURRENT)).isSameAs(setting);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vitess --singleton | SINGLETON | vitess",
            "vitess --allow-concurrent --singleton | SINGLETON | vitess --allow-concurrent",
            "vitess --singleton   --allow-concurrent | SINGLETON | vitess --allow-concurrent",
            "gh-ost --max-load=x --singleton --y | SINGLETON | gh-ost --max-load=x --y",
            "gh-ost --singleton -singleton '--z w' | SINGLETON | gh-ost '--z w'",
            "gh-ost --a \"--singleton\" # c | SINGLETON | gh-ost --a # c",
            "vitess --singleton --singleton-context | SINGLETON | vitess --singleton-context"})
    void withoutFlagRemovesEveryOccurrenceAndKeepsTheRestVerbatim(String text, StrategyFlag flag, String expected) {
        StrategySetting removed = StrategySetting.parse(text).withoutFlag(flag);

        assertThat(removed.text()).isEqualTo(expected);
        assertThat(removed.has(flag)).isFalse();
        assertThat(removed.runtimeOptions()).isEqualTo(StrategySetting.parse(text).runtimeOptions());
    }

    @Test
    void withoutFlagKeepsASettingThatLacksIt() {
        StrategySetting setting = StrategySetting.parse("vitess --singleton-context");
        assertThat(setting.withoutFlag(StrategyFlag.SINGLETON)).isSameAs(setting);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "tab\tname", "new\nline"})
    void theNameIsOneWord(String name) {
        assertThatThrownBy(() -> new StrategySetting(name, "", EXTERNAL_TOOL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one word");
    }

    @Test
    void aBuiltInNameCannotCarryOtherCapabilities() {
        assertThatThrownBy(() -> new StrategySetting("gh-ost", "", NO_EXTERNAL_TOOL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gh-ost is built in");
    }

    @Test
    void theCanonicalConstructorValidatesLikeParse() {
        assertThat(new StrategySetting("vitess", "--singleton", BuiltInStrategy.VITESS.capabilities()))
                .isEqualTo(StrategySetting.parse("vitess --singleton"));
        assertThatThrownBy(() -> new StrategySetting("vitess", "--bogus", BuiltInStrategy.VITESS.capabilities()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("invalid flags for vitess strategy: --bogus");
        assertThat(new StrategySetting("vitess", " \t--singleton", BuiltInStrategy.VITESS.capabilities()))
                .isEqualTo(StrategySetting.parse("vitess --singleton"))
                .hasToString("vitess --singleton");
        assertThatNullPointerException().isThrownBy(() -> new StrategySetting(null, "", EXTERNAL_TOOL));
        assertThatNullPointerException().isThrownBy(() -> new StrategySetting("x", null, EXTERNAL_TOOL));
        assertThatNullPointerException().isThrownBy(() -> new StrategySetting("x", "", null));
        assertThatNullPointerException().isThrownBy(() -> StrategySetting.parse("vitess", null));
    }
}
