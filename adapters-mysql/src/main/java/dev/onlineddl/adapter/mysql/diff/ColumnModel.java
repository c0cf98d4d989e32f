package dev.onlineddl.adapter.mysql.diff;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One column as the server prints it.
 *
 * @param name                     the column's name (exact case)
 * @param definition               everything after the name, verbatim: what a MODIFY clause needs
 * @param dataType                 the type's keyword in lower case ({@code int}, {@code varchar}, ...)
 * @param charset                  the CHARACTER SET the server printed, if any (it prints one only
 *                                 when the column's differs from the table's default)
 * @param collation                the COLLATE the server printed, if any
 * @param generation               whether and how the column is generated
 * @param definitionWithoutCharset {@link #definition} without its CHARACTER SET and COLLATE
 *                                 clauses, which are compared separately as an effective collation
 */
record ColumnModel(String name, String definition, String dataType, Optional<String> charset,
                   Optional<String> collation, Generation generation, String definitionWithoutCharset) {

    /** Types whose values have a character set; MariaDB prints JSON as longtext. */
    private static final Set<String> CHARACTER_TYPES = Set.of(
            "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set");

    enum Generation {
        NONE, VIRTUAL, STORED;

        boolean isGenerated() {
            return this != NONE;
        }
    }

    ColumnModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(dataType, "data type");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(collation, "collation");
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(definitionWithoutCharset, "definition without charset");
    }

    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    boolean hasCharacterSet() {
        return CHARACTER_TYPES.contains(dataType);
    }

    /**
     * The collation the column really has, given its table's default: what the server printed,
     * else the table's. Empty for types without a character set.
     */
    Optional<EffectiveCollation> effectiveCollation(EffectiveCollation tableDefault) {
        if (!hasCharacterSet()) {
            return Optional.empty();
        }
        if (collation.isPresent()) {
            return Optional.of(EffectiveCollation.ofCollation(collation.get()));
        }
        if (charset.isPresent()) {
            return Optional.of(EffectiveCollation.defaultOf(charset.get()));
        }
        return Optional.of(tableDefault);
    }
}
