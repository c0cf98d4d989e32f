package dev.onlineddl.domain.naming;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Renames the constraints of one statement applied to a shadow table, and remembers what it
 * renamed so that a later {@code DROP CHECK} can be pointed at the new name.
 *
 * <p>Use one renamer per statement, as Vitess does: the shadow table's CREATE gets
 * {@code new ConstraintRenamer(uuid, table, Map.of())}; the migration's ALTER gets a new renamer
 * seeded with the CREATE's {@link #renames()}, so that it can drop constraints the table already
 * had while hash clashes are only avoided within the statement. Not thread-safe (one statement is
 * rewritten by one thread).
 */
public final class ConstraintRenamer {

    private final MigrationUuid migration;
    private final String table;
    private final Map<String, String> newNameByOldName;
    private final Set<String> hashesInStatement = new HashSet<>();

    /**
     * @param earlierRenames old-to-new names from the statements before this one (the shadow
     *                       table's CREATE); copied, not shared
     */
    public ConstraintRenamer(MigrationUuid migration, String table, Map<String, String> earlierRenames) {
        this.migration = Objects.requireNonNull(migration, "migration");
        this.table = Objects.requireNonNull(table, "table");
        this.newNameByOldName = new LinkedHashMap<>(Objects.requireNonNull(earlierRenames, "earlier renames"));
    }

    /**
     * The new name for a constraint defined (or added) in this statement; see
     * {@link ConstraintNames#newConstraintName}.
     *
     * @param oldName the name in the statement; empty for an unnamed constraint
     */
    public String rename(ConstraintType type, String oldName, String canonicalBody) {
        ConstraintNames.GeneratedName generated = ConstraintNames.newConstraintName(
                migration, table, type, canonicalBody, oldName, hashesInStatement);
        hashesInStatement.add(generated.hash());
        newNameByOldName.put(oldName, generated.name());
        return generated.name();
    }

    /** The new name given to a constraint that was called {@code oldName}, if any. */
    public Optional<String> renamed(String oldName) {
        return Optional.ofNullable(newNameByOldName.get(oldName));
    }

    /**
     * The name a {@code DROP CHECK oldName} must use on the shadow table.
     *
     * @param dropClause the DROP clause as written, for the error message
     * @throws InvalidInputException when the table has no constraint of that name: the statement
     *         would fail on the shadow table, so it is rejected before anything runs
     */
    public String nameForDrop(String oldName, String dropClause) {
        return renamed(oldName).orElseThrow(() -> new InvalidInputException(
                "Found DROP CONSTRAINT: " + dropClause + ", but could not find constraint name in map"
                        + " (migration " + migration + ", table " + table + "): the table has no CHECK constraint named '"
                        + oldName + "'; check the name with SHOW CREATE TABLE"));
    }

    /** Every old-to-new rename so far, including the earlier statements', in the order made. */
    public Map<String, String> renames() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(newNameByOldName));
    }
}
