package dev.onlineddl.domain.throttle;

import dev.onlineddl.domain.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated {@code ALTER VITESS_MIGRATION ['<uuid>'] THROTTLE [ALL] [EXPIRE '<duration>'] [RATIO <r>]}
 * (Vitess {@code validateThrottleParams}): throttle {@link #target()} for {@link #expire()} with
 * {@link #ratio()} (0 lets everything through, 1 holds everything back).
 *
 * @param target what to throttle
 * @param expire how long the throttling lasts, from the moment it is applied; 0 or more
 * @param ratio  0.0 to 1.0 inclusive
 */
public record ThrottleRequest(ThrottleTarget target, Duration expire, double ratio) {

    /** Without EXPIRE, throttling lasts 100 years (365-day years, as Vitess counts). */
    public static final Duration DEFAULT_EXPIRE = Duration.ofHours(24L * 365 * 100);
    /** Without RATIO, the target is fully throttled. */
    public static final double DEFAULT_RATIO = 1.0;

    /** A decimal SQL number literal, the only form the RATIO clause takes. */
    private static final Pattern DECIMAL_LITERAL =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    public ThrottleRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(expire, "expire");
        if (expire.isNegative() || expire.compareTo(GoDuration.MAX) > 0) {
            throw invalidExpire(expire.isNegative() && expire.compareTo(GoDuration.MIN) >= 0
                    ? GoDuration.format(expire) : expire.toString());
        }
        if (!(ratio >= 0.0 && ratio <= 1.0)) { // also rejects NaN
            throw invalidRatio(Double.toString(ratio));
        }
    }

    /** Throttles the target fully for 100 years: THROTTLE without EXPIRE and RATIO. */
    public static ThrottleRequest fully(ThrottleTarget target) {
        return new ThrottleRequest(target, DEFAULT_EXPIRE, DEFAULT_RATIO);
    }

    /**
     * Validates the clauses as the user wrote them.
     *
     * @param expireText the EXPIRE duration in Go syntax ({@code 24h}, {@code 1h30m}); null or
     *                   empty when the clause is absent
     * @param ratioText  the RATIO number literal ({@code 0.5}); null when the clause is absent
     * @throws InvalidInputException with Vitess's message for a duration that does not parse or
     *                               is negative, or a ratio that is not a number from 0 to 1
     */
    public static ThrottleRequest parse(ThrottleTarget target, String expireText, String ratioText) {
        Duration expire = DEFAULT_EXPIRE;
        if (expireText != null && !expireText.isEmpty()) {
            try {
                expire = GoDuration.parse(expireText);
            } catch (IllegalArgumentException notADuration) {
                throw invalidExpire(expireText);
            }
            if (expire.isNegative()) {
                throw invalidExpire(expireText);
            }
        }
        double ratio = DEFAULT_RATIO;
        if (ratioText != null) {
            if (!DECIMAL_LITERAL.matcher(ratioText).matches()) {
                throw invalidRatio(ratioText);
            }
            ratio = Double.parseDouble(ratioText);
            if (ratio < 0.0 || ratio > 1.0) {
                throw invalidRatio(ratioText);
            }
        }
        return new ThrottleRequest(target, expire, ratio);
    }

    /** The throttler app to throttle: the migration's UUID, or {@code online-ddl} for all. */
    public String appName() {
        return target.appName();
    }

    /** When the throttling ends if applied at {@code now}. */
    public Instant expiresAt(Instant now) {
        return now.plus(expire);
    }

    /** The EXPIRE clause value in Go syntax, e.g. {@code 876000h0m0s} for the default. */
    public String expireText() {
        return GoDuration.format(expire);
    }

    // The two messages are Vitess's, word for word (backquote included), so users see what Vitess says.
    private static InvalidInputException invalidExpire(String value) {
        return new InvalidInputException("invalid EXPIRE value: " + value
                + ". Try '120s', '30m', '1h', etc. Allowed units are (s)ec, (m)in, (h)hour");
    }

    private static InvalidInputException invalidRatio(String value) {
        return new InvalidInputException("invalid RATIO value: " + value
                + ". Try any decimal number between '0.0' (no throttle) and `1.0` (fully throttled)");
    }
}
