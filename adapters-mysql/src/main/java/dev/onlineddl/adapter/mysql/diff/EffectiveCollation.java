package dev.onlineddl.adapter.mysql.diff;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A character set and collation pair. The collation is empty when only the character set was
 * printed (the server then means "that set's default collation", which only the server knows).
 */
record EffectiveCollation(String charset, Optional<String> collation) {

    EffectiveCollation {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(collation, "collation");
        charset = charset.toLowerCase(Locale.ROOT);
        collation = collation.map(name -> name.toLowerCase(Locale.ROOT));
    }

    /** A collation's character set is the part of its name before the first underscore ({@code utf8mb4_bin}). */
    static EffectiveCollation ofCollation(String collation) {
        int underscore = collation.indexOf('_');
        String charset = underscore > 0 ? collation.substring(0, underscore) : collation;
        return new EffectiveCollation(charset, Optional.of(collation));
    }

    static EffectiveCollation defaultOf(String charset) {
        return new EffectiveCollation(charset, Optional.empty());
    }

    static EffectiveCollation of(String charset, Optional<String> collation) {
        return new EffectiveCollation(charset, collation);
    }
}
