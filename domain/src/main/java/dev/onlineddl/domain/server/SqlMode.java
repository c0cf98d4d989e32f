package dev.onlineddl.domain.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A session's {@code sql_mode}: the comma-separated list of mode names the server reports.
 *
 * @param modes the mode names in the server's order, upper case, without empty entries
 */
public record SqlMode(List<String> modes) {

    /**
     * The modes that reject zero dates; the {@code --allow-zero-in-date} strategy flag removes
     * them for the duration of the migration's DDL so that tables holding such dates can be
     * altered (Vitess {@code initMigrationSQLMode}).
     */
    public static final Set<String> ZERO_DATE_CHECKS = Set.of("NO_ZERO_DATE", "NO_ZERO_IN_DATE");

    public SqlMode {
        Objects.requireNonNull(modes, "modes");
        modes = List.copyOf(modes);
    }

    /** Parses {@code @@session.sql_mode}; null or empty text is the empty mode. */
    public static SqlMode parse(String text) {
        List<String> modes = new ArrayList<>();
        if (text != null) {
            for (String mode : text.split(",")) {
                String name = mode.strip().toUpperCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    modes.add(name);
                }
            }
        }
        return new SqlMode(modes);
    }

    public boolean contains(String mode) {
        return modes.contains(mode.toUpperCase(Locale.ROOT));
    }

    /**
     * The same modes without {@link #ZERO_DATE_CHECKS}. Vitess does this with a textual REPLACE
     * in SQL, which leaves empty list entries behind; removing whole names gives the same effect
     * with a value the server reports back unchanged.
     */
    public SqlMode withoutZeroDateChecks() {
        return new SqlMode(modes.stream().filter(mode -> !ZERO_DATE_CHECKS.contains(mode)).toList());
    }

    /** The value to set {@code sql_mode} to. */
    public String text() {
        return String.join(",", modes);
    }

    @Override
    public String toString() {
        return text();
    }
}
