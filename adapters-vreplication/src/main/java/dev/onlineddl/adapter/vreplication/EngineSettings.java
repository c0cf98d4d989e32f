package dev.onlineddl.adapter.vreplication;

import dev.onlineddl.adapter.vreplication.copy.ChunkObserver;
import dev.onlineddl.spi.StrategySettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The engine's tunables, with the defaults the design note gives.
 *
 * @param chunkTime          the copy's target time per chunk
 * @param readyLag           the stream is ready when it last heard from the server within this (Vitess: 5 s)
 * @param positionWait       how long the cut-over waits for the applier to reach a position
 * @param cutOverLockTimeout {@code lock_wait_timeout} of the cut-over's LOCK TABLES, and its RENAME wait
 * @param cutOverBackoff     the pause after a failed cut-over attempt, doubled per attempt
 * @param cutOverBackoffMax  the cap of that pause
 * @param copyApplyProtection false only in the race test that proves the protections are needed: the copy
 *                           and the applier then read without locks and write the shadow side by side
 * @param chunkObserver      sees each chunk in flight (tests only)
 */
public record EngineSettings(
        Duration chunkTime,
        Duration readyLag,
        Duration positionWait,
        Duration cutOverLockTimeout,
        Duration cutOverBackoff,
        Duration cutOverBackoffMax,
        boolean copyApplyProtection,
        ChunkObserver chunkObserver) {

    public static final EngineSettings DEFAULTS = new EngineSettings(Duration.ofMillis(30), Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(30), true,
            ChunkObserver.NONE);

    public EngineSettings {
        if (cutOverLockTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the cut-over lock timeout is whole seconds, at least 1 (lock_wait_timeout)");
        }
    }

    /**
     * The defaults, changed by whatever the embedding application set under the
     * {@code StrategySettings.VREPLICATION_*} names. Durations are written {@code 250ms}, {@code 5s},
     * {@code 2m} or in ISO-8601 ({@code PT5S}).
     *
     * @throws IllegalArgumentException naming the setting, for a value that is not a positive duration
     */
    public static EngineSettings from(Function<String, Optional<String>> setting) {
        Duration chunkTime = duration(setting, StrategySettings.VREPLICATION_CHUNK_TIME, DEFAULTS.chunkTime);
        Duration readyLag = duration(setting, StrategySettings.VREPLICATION_READY_LAG, DEFAULTS.readyLag);
        Duration lockTimeout = duration(setting, StrategySettings.VREPLICATION_CUT_OVER_LOCK_TIMEOUT,
                DEFAULTS.cutOverLockTimeout);
        Duration backoff = duration(setting, StrategySettings.VREPLICATION_CUT_OVER_BACKOFF, DEFAULTS.cutOverBackoff);
        Duration backoffMax = duration(setting, StrategySettings.VREPLICATION_CUT_OVER_BACKOFF_MAX,
                DEFAULTS.cutOverBackoffMax);
        if (backoffMax.compareTo(backoff) < 0) {
            throw new IllegalArgumentException(StrategySettings.VREPLICATION_CUT_OVER_BACKOFF_MAX + " (" + backoffMax
                    + ") is shorter than " + StrategySettings.VREPLICATION_CUT_OVER_BACKOFF + " (" + backoff
                    + "): make the cap at least the first pause");
        }
        return new EngineSettings(chunkTime, readyLag, DEFAULTS.positionWait, lockTimeout, backoff, backoffMax,
                true, ChunkObserver.NONE);
    }

    private static Duration duration(Function<String, Optional<String>> setting, String name, Duration fallback) {
        Optional<String> text = setting.apply(name).map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = parseDuration(text.get());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("setting " + name + " = '" + text.get() + "' is not a duration: write it"
                    + " like 250ms, 5s, 2m or PT5S");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException("setting " + name + " = '" + text.get() + "' must be longer than zero");
        }
        return parsed;
    }

    private static Duration parseDuration(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pt")) {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).strip()));
        }
        if (lower.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1).strip()));
        }
        if (lower.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1).strip()));
        }
        throw new IllegalArgumentException("no unit");
    }

    /** The pause before cut-over attempt {@code failedAttempts + 1}. */
    public Duration backoffAfter(int failedAttempts) {
        Duration backoff = cutOverBackoff;
        for (int i = 1; i < failedAttempts && backoff.compareTo(cutOverBackoffMax) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(cutOverBackoffMax) > 0 ? cutOverBackoffMax : backoff;
    }

    public EngineSettings withCopyApplyProtection(boolean protection) {
        return new EngineSettings(chunkTime, readyLag, positionWait, cutOverLockTimeout, cutOverBackoff, cutOverBackoffMax,
                protection, chunkObserver);
    }

    public EngineSettings withCutOverLockTimeout(Duration timeout) {
        return new EngineSettings(chunkTime, readyLag, positionWait, timeout, cutOverBackoff, cutOverBackoffMax,
                copyApplyProtection, chunkObserver);
    }

    public EngineSettings withChunkTime(Duration time) {
        return new EngineSettings(time, readyLag, positionWait, cutOverLockTimeout, cutOverBackoff, cutOverBackoffMax,
                copyApplyProtection, chunkObserver);
    }

    public EngineSettings withChunkObserver(ChunkObserver observer) {
        return new EngineSettings(chunkTime, readyLag, positionWait, cutOverLockTimeout, cutOverBackoff, cutOverBackoffMax,
                copyApplyProtection, observer);
    }
}
