package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Vitess's {@code yyyyMMddHHmmss} timestamps inside table names: 14 digits, seconds resolution. */
final class ReadableTimestamp {

    static final int LENGTH = 14;

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private ReadableTimestamp() {
    }

    /**
     * @throws InvalidInputException for a time outside years 0000-9999, which has no 14-digit form
     */
    static String format(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (local.getYear() < 0 || local.getYear() > 9999) {
            throw new InvalidInputException("time " + instant + " cannot be written as a " + LENGTH
                    + "-digit yyyyMMddHHmmss timestamp in a table name: its year is outside 0000-9999");
        }
        return FORMAT.format(local);
    }

    /** The UTC instant of 14 digits, or empty when they are not a real date and time (e.g. month 13). */
    static Optional<Instant> parseUtc(String digits) {
        try {
            return Optional.of(LocalDateTime.parse(digits, FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
