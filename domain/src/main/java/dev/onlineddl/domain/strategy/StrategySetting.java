package dev.onlineddl.domain.strategy;

import dev.onlineddl.domain.BuiltInStrategy;
import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.StrategyCapabilities;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed strategy string such as {@code vitess --postpone-completion --allow-concurrent} or
 * {@code gh-ost --max-load=Threads_running=1}: the strategy name, its options verbatim (what the
 * {@code strategy} and {@code options} columns hold) and the strategy's capabilities.
 *
 * <p>Every instance is valid: the options split into words, and a strategy that runs no external
 * tool ({@code vitess}, {@code online}, {@code mysql}, {@code direct} and plugins that say so)
 * carries none but the thirteen {@link StrategyFlag flags}. That check is stricter than v16,
 * which silently ignored such words, and is what Vitess v22 does: a mistyped flag
 * ({@code --postpone-complete}) must not quietly turn into a migration that cuts over on its own.
 * For gh-ost and pt-osc every other word is a runtime option passed to the tool.
 *
 * @param strategy     the strategy name, one word, e.g. {@code vitess}
 * @param options      everything after the name and the whitespace that follows it, verbatim; may be
 *                     empty; leading whitespace is dropped
 * @param capabilities what the strategy can do; for a built-in name always that strategy's own
 */
public record StrategySetting(String strategy, String options, StrategyCapabilities capabilities) {

    public StrategySetting {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(capabilities, "capabilities");
        if (strategy.isEmpty() || firstWhitespace(strategy, 0) >= 0) {
            throw new IllegalArgumentException("a strategy name is one word, not '" + strategy + "'");
        }
        // Parsing never leaves whitespace in front of the options; dropping it here too keeps
        // text() round-tripping for settings built directly.
        options = options.substring(skipWhitespace(options, 0));
        Optional<BuiltInStrategy> builtIn = BuiltInStrategy.byName(strategy);
        if (builtIn.isPresent() && !builtIn.get().capabilities().equals(capabilities)) {
            throw new IllegalArgumentException("strategy " + strategy + " is built in and has fixed capabilities "
                    + builtIn.get().capabilities() + ", not " + capabilities);
        }
        List<String> runtimeOptions = runtimeOptionsOf(ShellWords.split(options));
        if (!capabilities.runsExternalTool() && !runtimeOptions.isEmpty()) {
            // Vitess v22 wording, so that users and scripts see the message they know.
            throw new InvalidInputException("invalid flags for " + strategy + " strategy: "
                    + String.join(" ", runtimeOptions));
        }
    }

    /** Parses a strategy string that names one of the six built-in strategies. */
    public static StrategySetting parse(String text) {
        return parse(text, KnownStrategies.builtInOnly());
    }

    /**
     * Parses a strategy string: the first word is the strategy name, everything after the
     * whitespace that follows it is the options. An empty (or blank, or null) string means
     * {@code direct}, as in Vitess.
     *
     * @param known strategy names beyond the built-in ones (plugins); a built-in name always
     *              resolves to the built-in strategy
     * @throws InvalidInputException for an unknown strategy name, options that do not split into
     *                               words, or a word that is not a flag for a strategy without an
     *                               external tool
     */
    public static StrategySetting parse(String text, KnownStrategies known) {
        Objects.requireNonNull(known, "known");
        String input = text == null ? "" : text;
        int nameStart = skipWhitespace(input, 0);
        if (nameStart == input.length()) {
            return of(BuiltInStrategy.DIRECT);
        }
        int nameEnd = firstWhitespace(input, nameStart);
        if (nameEnd < 0) {
            nameEnd = input.length();
        }
        String name = input.substring(nameStart, nameEnd);
        String options = input.substring(skipWhitespace(input, nameEnd));
        StrategyCapabilities capabilities = BuiltInStrategy.byName(name)
                .map(BuiltInStrategy::capabilities)
                .or(() -> known.capabilitiesOf(name))
                .orElseThrow(() -> new InvalidInputException("Unknown online DDL strategy: '" + name + "'"));
        return new StrategySetting(name, options, capabilities);
    }

    /** A built-in strategy with the given flags, written {@code --name} in the given order. */
    public static StrategySetting of(BuiltInStrategy strategy, StrategyFlag... flags) {
        List<String> words = new ArrayList<>();
        for (StrategyFlag flag : flags) {
            words.add(flag.commandLineForm());
        }
        return new StrategySetting(strategy.strategyName(), String.join(" ", words), strategy.capabilities());
    }

    /** The built-in strategy of this name, or empty for a plugin's strategy. */
    public Optional<BuiltInStrategy> builtIn() {
        return BuiltInStrategy.byName(strategy);
    }

    public boolean is(BuiltInStrategy builtInStrategy) {
        return builtInStrategy.strategyName().equals(strategy);
    }

    /** The flags present, each once, however often and in whichever spelling it was given. */
    public Set<StrategyFlag> flags() {
        Set<StrategyFlag> flags = EnumSet.noneOf(StrategyFlag.class);
        for (ShellWords.Word word : ShellWords.split(options)) {
            StrategyFlag.fromToken(word.value()).ifPresent(flags::add);
        }
        return Collections.unmodifiableSet(flags);
    }

    public boolean has(StrategyFlag flag) {
        for (ShellWords.Word word : ShellWords.split(options)) {
            if (flag.matches(word.value())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every word of the options that is not one of the thirteen flags, in order, quotes removed:
     * the arguments an external tool gets (Vitess {@code RuntimeOptions()}). Always empty for a
     * strategy that runs no external tool.
     */
    public List<String> runtimeOptions() {
        return runtimeOptionsOf(ShellWords.split(options));
    }

    public boolean isDeclarative() {
        return has(StrategyFlag.DECLARATIVE);
    }

    public boolean isSkipTopo() {
        return has(StrategyFlag.SKIP_TOPO);
    }

    public boolean isSingleton() {
        return has(StrategyFlag.SINGLETON);
    }

    public boolean isSingletonContext() {
        return has(StrategyFlag.SINGLETON_CONTEXT);
    }

    public boolean isAllowZeroInDate() {
        return has(StrategyFlag.ALLOW_ZERO_IN_DATE);
    }

    public boolean isPostponeLaunch() {
        return has(StrategyFlag.POSTPONE_LAUNCH);
    }

    public boolean isPostponeCompletion() {
        return has(StrategyFlag.POSTPONE_COMPLETION);
    }

    public boolean isInOrderCompletion() {
        return has(StrategyFlag.IN_ORDER_COMPLETION);
    }

    public boolean isAllowConcurrent() {
        return has(StrategyFlag.ALLOW_CONCURRENT);
    }

    public boolean isPreferInstantDdl() {
        return has(StrategyFlag.PREFER_INSTANT_DDL);
    }

    public boolean isFastRangeRotation() {
        return has(StrategyFlag.FAST_RANGE_ROTATION);
    }

    public boolean isVreplicationTestSuite() {
        return has(StrategyFlag.VREPLICATION_TEST_SUITE);
    }

    public boolean isUnsafeAllowForeignKeys() {
        return has(StrategyFlag.UNSAFE_ALLOW_FOREIGN_KEYS);
    }

    /**
     * The same setting with the flag added, or this one when the flag is already there. The
     * flag goes in front: appended, it could land inside a trailing {@code #} comment.
     */
    public StrategySetting withFlag(StrategyFlag flag) {
        if (has(flag)) {
            return this;
        }
        String added = options.isEmpty() ? flag.commandLineForm() : flag.commandLineForm() + " " + options;
        return new StrategySetting(strategy, added, capabilities);
    }

    /**
     * The same setting without any occurrence of the flag, or this one when it is absent. The rest
     * of the options stays verbatim (quotes and all); only the whitespace after a removed flag goes.
     */
    public StrategySetting withoutFlag(StrategyFlag flag) {
        if (!has(flag)) {
            return this;
        }
        StringBuilder kept = new StringBuilder();
        int copyFrom = 0;
        for (ShellWords.Word word : ShellWords.split(options)) {
            if (flag.matches(word.value())) {
                kept.append(options, copyFrom, word.start());
                copyFrom = skipSeparators(options, word.end());
            }
        }
        kept.append(options, copyFrom, options.length());
        int end = kept.length();
        while (end > 0 && ShellWords.isSeparator(kept.charAt(end - 1))) {
            end--;
        }
        return new StrategySetting(strategy, kept.substring(0, end), capabilities);
    }

    /** The strategy string: {@code name} or {@code name options}; parses back to an equal setting. */
    public String text() {
        return options.isEmpty() ? strategy : strategy + " " + options;
    }

    @Override
    public String toString() {
        return text();
    }

    private static List<String> runtimeOptionsOf(List<ShellWords.Word> words) {
        List<String> runtimeOptions = new ArrayList<>();
        for (ShellWords.Word word : words) {
            if (StrategyFlag.fromToken(word.value()).isEmpty()) {
                runtimeOptions.add(word.value());
            }
        }
        return List.copyOf(runtimeOptions);
    }

    /**
     * Whitespace between the name and the options, as Vitess's {@code \s}: space, tab, LF, FF, CR.
     */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static int skipWhitespace(String text, int from) {
        int position = from;
        while (position < text.length() && isWhitespace(text.charAt(position))) {
            position++;
        }
        return position;
    }

    private static int firstWhitespace(String text, int from) {
        for (int position = from; position < text.length(); position++) {
            if (isWhitespace(text.charAt(position))) {
                return position;
            }
        }
        return -1;
    }

    private static int skipSeparators(String text, int from) {
        int position = from;
        while (position < text.length() && ShellWords.isSeparator(text.charAt(position))) {
            position++;
        }
        return position;
    }
}
