package dev.onlineddl.domain.ddl;

/**
 * What the target server can do with {@code ALGORITHM=INSTANT} (Vitess's flavor
 * capabilities). MySQL 8.0 has all but {@link #addDropColumn} (8.0.29+); MySQL 5.7 and
 * MariaDB have none, as far as Vitess is concerned. The server-inspection side answers these;
 * the analysis only combines them with what the ALTER does.
 *
 * @param instantDdl                 INSTANT exists at all
 * @param addLastColumn              ADD COLUMN appended after the last column
 * @param addDropColumn              ADD COLUMN at any position (FIRST/AFTER) and DROP COLUMN
 * @param addDropVirtualColumn       ADD/DROP of a VIRTUAL generated column
 * @param changeColumnDefault        a MODIFY COLUMN that only changes the DEFAULT
 * @param expandEnum                 a MODIFY COLUMN that appends ENUM/SET values
 */
public record InstantDdlCapabilities(
        boolean instantDdl,
        boolean addLastColumn,
        boolean addDropColumn,
        boolean addDropVirtualColumn,
        boolean changeColumnDefault,
        boolean expandEnum) {

    /** A server without INSTANT DDL (MySQL 5.7, MariaDB as Vitess sees it). */
    public static InstantDdlCapabilities none() {
        return new InstantDdlCapabilities(false, false, false, false, false, false);
    }
}
