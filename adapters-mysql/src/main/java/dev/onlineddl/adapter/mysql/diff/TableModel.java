package dev.onlineddl.adapter.mysql.diff;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as {@code SHOW CREATE TABLE} prints it, element by element, each element's text kept
 * verbatim.
 *
 * @param name          the table's name
 * @param columns       in table order
 * @param indexes       in printed order
 * @param foreignKeys   in printed order
 * @param checks        table-level CHECK constraints, in printed order
 * @param otherElements elements the differ does not model (e.g. MariaDB's PERIOD FOR), verbatim
 * @param options       table options in printed order
 * @param partitioning  the partitioning clause verbatim, if the table is partitioned
 */
record TableModel(String name, List<ColumnModel> columns, List<IndexModel> indexes, List<ForeignKeyModel> foreignKeys,
                  List<CheckModel> checks, List<String> otherElements, List<TableOption> options,
                  Optional<String> partitioning) {

    TableModel {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        otherElements = List.copyOf(otherElements);
        options = List.copyOf(options);
        Objects.requireNonNull(partitioning, "partitioning");
    }

    Optional<TableOption> option(String upperName) {
        return options.stream().filter(option -> option.name().equals(upperName)).findFirst();
    }

    Optional<String> optionValue(String upperName) {
        return option(upperName).flatMap(TableOption::value);
    }

    /**
     * The character set and collation a column gets when it states none. MariaDB prints both
     * ({@code DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci}); MySQL may omit a default COLLATE.
     */
    Optional<EffectiveCollation> defaultCollation() {
        Optional<String> collation = optionValue("COLLATE");
        Optional<String> charset = optionValue("DEFAULT CHARSET").or(() -> optionValue("DEFAULT CHARACTER SET"));
        if (charset.isPresent()) {
            return Optional.of(collation.map(EffectiveCollation::ofCollation)
                    .orElseGet(() -> EffectiveCollation.defaultOf(charset.get())));
        }
        return collation.map(EffectiveCollation::ofCollation);
    }
}
