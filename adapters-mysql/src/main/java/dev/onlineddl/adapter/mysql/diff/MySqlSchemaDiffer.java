package dev.onlineddl.adapter.mysql.diff;

import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.port.out.DiffHints;
import dev.onlineddl.port.out.SchemaDiffException;
import dev.onlineddl.port.out.SchemaDiffer;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link SchemaDiffer} for MySQL and MariaDB over server-normalised {@code SHOW CREATE} texts.
 * Stateless and thread-safe.
 */
public final class MySqlSchemaDiffer implements SchemaDiffer {

    @Override
    public Optional<String> diffTable(String liveShowCreateTable, String desiredShowCreateTable, DiffHints hints) {
        Objects.requireNonNull(hints, "hints");
        TableModel live = read("live table", liveShowCreateTable, ShowCreateTableReader::read);
        TableModel desired = read("desired table", desiredShowCreateTable, ShowCreateTableReader::read);
        return TableDiffer.alterStatement(live, desired, hints);
    }

    @Override
    public Optional<String> diffView(String liveShowCreateView, String desiredShowCreateView, DiffHints hints) {
        Objects.requireNonNull(hints, "hints");
        ViewModel live = read("live view", liveShowCreateView, ShowCreateViewReader::read);
        ViewModel desired = read("desired view", desiredShowCreateView, ShowCreateViewReader::read);
        if (live.definition().equals(desired.definition())) {
            return Optional.empty();
        }
        return Optional.of("CREATE OR REPLACE " + (desired.attributes().isEmpty() ? "" : desired.attributes() + " ")
                + "VIEW " + Identifiers.quote(live.name()) + " "
                + (desired.columns().isEmpty() ? "" : desired.columns() + " ") + "AS " + desired.body());
    }

    private static <T> T read(String role, String showCreate, Function<String, T> reader) {
        Objects.requireNonNull(showCreate, role);
        try {
            return reader.apply(showCreate);
        } catch (IllegalArgumentException unreadable) {
            throw new SchemaDiffException("cannot read the SHOW CREATE text of the " + role + ": "
                    + unreadable.getMessage() + ". The differ expects the server's own SHOW CREATE output; text: "
                    + abbreviate(showCreate));
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
