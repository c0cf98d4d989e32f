package dev.onlineddl.adapter.vreplication.cutover;

import dev.onlineddl.domain.naming.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Names for the cut-over's sentry and staged shadow table that sort <em>after</em> the source
 * table. The server takes a RENAME's metadata locks in name order and waits at the first one held;
 * the RENAME must be waiting on the source's lock when the tables are unlocked, or writers queued
 * on the source go first, into the old table, after the final drain: lost. (MariaDB 11.4 does
 * exactly that with a Vitess-style {@code _vt_…} sentry and {@code _…_vrepl} shadow beside a
 * lower-case table name.) A name with the source's name as a proper prefix sorts after it.
 */
public final class CutOverNames {

    private CutOverNames() {
    }

    /** The sentry: {@code <source>~s}, or empty when no name sorting after the source fits in 64 characters. */
    public static Optional<String> sentry(String source) {
        return after(source, "~s");
    }

    /** Where the shadow waits during the cut-over: {@code <source>~v}. */
    public static Optional<String> staged(String source) {
        return after(source, "~v");
    }

    private static Optional<String> after(String source, String suffix) {
        String name = source + suffix;
        if (Identifiers.length(name) <= Identifiers.MAX_IDENTIFIER_LENGTH) {
            return Optional.of(name);
        }
        // no room for a suffix: keep a prefix and put '~' where the source has a smaller character
        int keep = Identifiers.MAX_IDENTIFIER_LENGTH - suffix.length();
        String prefix = source.substring(0, source.offsetByCodePoints(0, keep));
        String candidate = prefix + suffix;
        return sortsAfter(candidate, source) ? Optional.of(candidate) : Optional.empty();
    }

    /** Byte order of the UTF-8 names, as the server orders its metadata locks. */
    static boolean sortsAfter(String name, String other) {
        byte[] a = name.getBytes(StandardCharsets.UTF_8);
        byte[] b = other.getBytes(StandardCharsets.UTF_8);
        return Arrays.compareUnsigned(a, b) > 0;
    }
}
