package dev.onlineddl.domain.throttle;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Go's duration syntax ({@code time.ParseDuration} and {@code Duration.String}), because users
 * write Vitess durations such as {@code 24h}, {@code 1h30m}, {@code 90s}, {@code 2.5h} or
 * {@code 100ms} and expect them to mean what they mean in Vitess.
 *
 * <p>Accepted: an optional sign, then one or more decimal numbers each followed by a unit
 * ({@code ns}, {@code us}, {@code µs}, {@code μs}, {@code ms}, {@code s}, {@code m}, {@code h}),
 * e.g. {@code -1.5h} or {@code 1h10m10.5s}; the bare {@code 0} is also accepted. Like Go, the
 * value must fit in a signed 64-bit count of nanoseconds (about 292 years), and fractions finer
 * than a nanosecond are dropped.
 */
public final class GoDuration {

    /** The longest duration Go can hold: 2^63 - 1 nanoseconds. */
    public static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);
    /** The most negative duration Go can hold: -2^63 nanoseconds. */
    public static final Duration MIN = Duration.ofNanos(Long.MIN_VALUE);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** 2^63, the bound Go checks against while it accumulates an unsigned magnitude. */
    private static final long TWO_TO_63 = Long.MIN_VALUE;

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", NANOS_PER_SECOND,
            "m", 60 * NANOS_PER_SECOND,
            "h", 3600 * NANOS_PER_SECOND);

    private GoDuration() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the text; callers that take
     *                                  user input wrap it in their own message
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "duration text");
        String rest = text;
        boolean negative = false;
        if (!rest.isEmpty() && (rest.charAt(0) == '-' || rest.charAt(0) == '+')) {
            negative = rest.charAt(0) == '-';
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            throw invalid(text, "no number");
        }
        long magnitude = 0; // unsigned, at most 2^63
        while (!rest.isEmpty()) {
            char first = rest.charAt(0);
            if (first != '.' && !isDigit(first)) {
                throw invalid(text, "expected a number at '" + rest + "'");
            }
            int integerEnd = digitsEnd(rest, 0);
            long whole = integerPart(text, rest.substring(0, integerEnd));
            long fraction = 0;
            double fractionScale = 1;
            int numberEnd = integerEnd;
            boolean hasFractionDigits = false;
            if (integerEnd < rest.length() && rest.charAt(integerEnd) == '.') {
                int fractionEnd = digitsEnd(rest, integerEnd + 1);
                hasFractionDigits = fractionEnd > integerEnd + 1;
                // Like Go: keep as many fraction digits as fit, ignore the rest.
                for (int i = integerEnd + 1; i < fractionEnd; i++) {
                    if (Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0) {
                        break;
                    }
                    long next = fraction * 10 + (rest.charAt(i) - '0');
                    if (Long.compareUnsigned(next, TWO_TO_63) > 0) {
                        break;
                    }
                    fraction = next;
                    fractionScale *= 10;
                }
                numberEnd = fractionEnd;
            }
            if (integerEnd == 0 && !hasFractionDigits) {
                throw invalid(text, "a number needs a digit before or after the point");
            }
            int unitEnd = numberEnd;
            while (unitEnd < rest.length() && rest.charAt(unitEnd) != '.' && !isDigit(rest.charAt(unitEnd))) {
                unitEnd++;
            }
            if (unitEnd == numberEnd) {
                throw invalid(text, "a unit is missing (ns, us, ms, s, m or h)");
            }
            String unitText = rest.substring(numberEnd, unitEnd);
            Long unit = NANOS_PER_UNIT.get(unitText);
            if (unit == null) {
                throw invalid(text, "unknown unit '" + unitText + "' (use ns, us, ms, s, m or h)");
            }
            if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_TO_63, unit)) > 0) {
                throw tooLong(text);
            }
            long nanos = whole * unit;
            if (fraction != 0) {
                nanos += (long) (unsignedToDouble(fraction) * (unit / fractionScale));
                if (Long.compareUnsigned(nanos, TWO_TO_63) > 0) {
                    throw tooLong(text);
                }
            }
            // Both are at most 2^63; compare before adding so that the sum cannot wrap around.
            if (Long.compareUnsigned(nanos, TWO_TO_63 - magnitude) > 0) {
                throw tooLong(text);
            }
            magnitude += nanos;
            rest = rest.substring(unitEnd);
        }
        if (negative) {
            return Duration.ofNanos(-magnitude);
        }
        if (magnitude < 0) { // exactly 2^63: only its negative fits
            throw tooLong(text);
        }
        return Duration.ofNanos(magnitude);
    }

    /**
     * Go's {@code Duration.String}: {@code 1h30m0s}, {@code 2.5s}, {@code 100ms}, {@code 1.5µs},
     * {@code 0s}.
     *
     * @throws IllegalArgumentException for a duration Go cannot hold (beyond {@link #MIN}..{@link #MAX})
     */
    public static String format(Duration duration) {
        if (duration.compareTo(MAX) > 0 || duration.compareTo(MIN) < 0) {
            throw new IllegalArgumentException("duration " + duration + " is out of Go's range (about ±292 years)");
        }
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        // Unsigned magnitude: for MIN, negating overflows back to 2^63, which is right unsigned.
        long magnitude = nanos < 0 ? -nanos : nanos;
        StringBuilder reversed = new StringBuilder();
        if (Long.compareUnsigned(magnitude, NANOS_PER_SECOND) < 0) {
            reversed.append('s');
            int precision;
            if (magnitude < 1_000L) {
                precision = 0;
                reversed.append('n');
            } else if (magnitude < 1_000_000L) {
                precision = 3;
                reversed.append('\u00b5');
            } else {
                precision = 6;
                reversed.append('m');
            }
            long integer = appendFractionReversed(reversed, magnitude, precision);
            appendIntegerReversed(reversed, integer);
        } else {
            reversed.append('s');
            long seconds = appendFractionReversed(reversed, magnitude, 9);
            appendIntegerReversed(reversed, seconds % 60);
            long minutes = seconds / 60;
            if (minutes > 0) {
                reversed.append('m');
                appendIntegerReversed(reversed, minutes % 60);
                long hours = minutes / 60;
                if (hours > 0) {
                    reversed.append('h');
                    appendIntegerReversed(reversed, hours);
                }
            }
        }
        if (nanos < 0) {
            reversed.append('-');
        }
        return reversed.reverse().toString();
    }

    /**
     * Appends, back to front, the {@code precision} lowest decimal digits of {@code value} as a
     * fraction without trailing zeros (nothing at all when they are all zero); returns the
     * integer part that is left.
     */
    private static long appendFractionReversed(StringBuilder reversed, long value, int precision) {
        long remaining = value;
        boolean printing = false;
        for (int i = 0; i < precision; i++) {
            long digit = Long.remainderUnsigned(remaining, 10);
            printing = printing || digit != 0;
            if (printing) {
                reversed.append((char) ('0' + digit));
            }
            remaining = Long.divideUnsigned(remaining, 10);
        }
        if (printing) {
            reversed.append('.');
        }
        return remaining;
    }

    private static void appendIntegerReversed(StringBuilder reversed, long value) {
        reversed.append(new StringBuilder(Long.toUnsignedString(value)).reverse());
    }

    private static double unsignedToDouble(long unsigned) {
        return unsigned >= 0 ? unsigned : (double) (unsigned >>> 1) * 2.0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String text, int from) {
        int position = from;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        return position;
    }

    /** The digits before the point as an unsigned value up to 2^63, as Go accumulates them. */
    private static long integerPart(String text, String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            if (Long.compareUnsigned(value, Long.divideUnsigned(TWO_TO_63, 10)) > 0) {
                throw tooLong(text);
            }
            value = value * 10 + (digits.charAt(i) - '0');
            if (Long.compareUnsigned(value, TWO_TO_63) > 0) {
                throw tooLong(text);
            }
        }
        return value;
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("invalid duration '" + text + "': " + problem);
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("invalid duration '" + text + "': longer than about 292 years");
    }
}
