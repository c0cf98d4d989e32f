package dev.onlineddl.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A migration's identity in the online DDL format: a lower-case RFC 4122 time-based (version 1)
 * UUID with underscores for dashes, e.g. {@code a0638f6b_ec7b_11ea_9bf8_000d3a9b8a9a}.
 *
 * <p>Validation is exactly Vitess's {@code IsOnlineDDLUUID}, quirk included: its character
 * class {@code [0-f]} is the ASCII range '0'..'f', so it also admits {@code :;<=>?@}, upper-case
 * letters, {@code [\]^_`} and {@code a-f}. We keep that so that every UUID Vitess accepted is
 * accepted here, and nothing more.
 */
public record MigrationUuid(String value) implements Comparable<MigrationUuid> {

    private static final Pattern ONLINE_DDL_UUID =
            Pattern.compile("^[0-f]{8}_[0-f]{4}_[0-f]{4}_[0-f]{4}_[0-f]{12}$");

    /** 100-ns intervals between the Gregorian reform (1582-10-15) and the Unix epoch. */
    private static final long GREGORIAN_TO_UNIX_100NS = 0x01B21DD213814000L;

    public MigrationUuid {
        Objects.requireNonNull(value, "migration UUID");
        if (!isValid(value)) {
            throw new InvalidInputException("invalid migration UUID '" + value
                    + "': expected the online DDL format xxxxxxxx_xxxx_xxxx_xxxx_xxxxxxxxxxxx (hex digits and underscores)");
        }
    }

    /** Same as the constructor; reads better at call sites that validate user input. */
    public static MigrationUuid parse(String text) {
        if (text == null) {
            throw new InvalidInputException("invalid migration UUID: none given");
        }
        return new MigrationUuid(text);
    }

    /** Vitess's {@code IsOnlineDDLUUID}. */
    public static boolean isValid(String text) {
        return text != null && ONLINE_DDL_UUID.matcher(text).matches();
    }

    /**
     * A new time-based UUID. The clock sequence and node are random (with the multicast bit set,
     * as RFC 4122 asks of random node ids), so two generators never need to share state.
     */
    public static MigrationUuid generate(Instant now, RandomGenerator random) {
        long timestamp = Math.addExact(
                Math.multiplyExact(now.getEpochSecond(), 10_000_000L) + now.getNano() / 100,
                GREGORIAN_TO_UNIX_100NS);
        long timeLow = timestamp & 0xFFFF_FFFFL;
        long timeMid = (timestamp >>> 32) & 0xFFFF;
        long timeHiAndVersion = ((timestamp >>> 48) & 0x0FFF) | 0x1000;
        long clockSeq = (random.nextInt() & 0x3FFF) | 0x8000;
        long node = (random.nextLong() & 0xFFFF_FFFF_FFFFL) | 0x0100_0000_0000L;
        String text = String.format("%08x_%04x_%04x_%04x_%012x", timeLow, timeMid, timeHiAndVersion, clockSeq, node);
        return new MigrationUuid(text);
    }

    /** The 32-character form without delimiters used inside GC table names (Vitess {@code OnlineDDLToGCUUID}). */
    public String gcForm() {
        return value.replace("_", "");
    }

    @Override
    public int compareTo(MigrationUuid other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
