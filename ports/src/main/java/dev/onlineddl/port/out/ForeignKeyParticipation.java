package dev.onlineddl.port.out;

/**
 * How many foreign key constraints a table takes part in (Vitess's FK count queries; counted as
 * Vitess counts: key-column rows of INFORMATION_SCHEMA.KEY_COLUMN_USAGE, so a two-column foreign
 * key counts twice).
 *
 * @param asParent rows whose REFERENCED table is this table: other tables point at it
 * @param asChild rows of this table that reference another table
 */
public record ForeignKeyParticipation(long asParent, long asChild) {

    public ForeignKeyParticipation {
        if (asParent < 0 || asChild < 0) {
            throw new IllegalArgumentException("foreign key counts cannot be negative: " + asParent + ", " + asChild);
        }
    }

    /** The table is a parent or a child of some foreign key (Vitess {@code tableParticipatesInForeignKeyRelationship}). */
    public boolean participates() {
        return asParent > 0 || asChild > 0;
    }
}
