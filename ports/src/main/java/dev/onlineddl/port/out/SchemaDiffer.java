package dev.onlineddl.port.out;

import java.util.Optional;

/**
 * Computes the statement that turns a live table or view into a desired one: the heart of a
 * declarative migration, where the user submits a CREATE for something that already exists.
 *
 * <p><b>Contract: both texts are server-normalised.</b> The differ compares what the server
 * prints, not what a user typed, because the server rewrites nearly everything (display widths
 * such as {@code int(11)}, {@code DEFAULT NULL}, {@code current_timestamp()}, charset and
 * collation defaults, key order, constraint and index names it generates). The caller therefore
 * passes
 * <ul>
 *   <li>the live object's {@code SHOW CREATE TABLE} / {@code SHOW CREATE VIEW}, and</li>
 *   <li>the {@code SHOW CREATE} of the desired object, obtained by executing the user's CREATE
 *       under a temporary name on the same server, in the same schema and with the same session
 *       {@code sql_mode} (Vitess {@code evaluateDeclarativeDiff}, which names it like a GC table),
 *       then dropping it before the returned statement runs.</li>
 * </ul>
 * The desired object's own name is ignored; the statement always names the live object.
 * Because FOREIGN KEY (and on MySQL CHECK) constraint names are unique per schema, the temporary
 * table may carry renamed constraints: two constraint names that differ only by the
 * {@code _<25 base-36 characters>} suffix online DDL appends (Vitess
 * {@code ExtractConstraintOriginalName}) denote the same constraint, and so do the indexes a
 * foreign key created under its constraint's name.
 *
 * <p>Implementations are pure functions of their arguments (no server access) and fail with a
 * {@link SchemaDiffException} when a text cannot be read or a difference cannot be expressed.
 */
public interface SchemaDiffer {

    /**
     * One {@code ALTER TABLE} statement that, applied to the live table, makes its
     * {@code SHOW CREATE TABLE} equal to the desired one (apart from the table name, constraint
     * name suffixes, and {@code AUTO_INCREMENT} as {@code hints} decide); all changes are clauses
     * of that one statement so that an online migration copies the table once.
     *
     * @param liveShowCreateTable    {@code SHOW CREATE TABLE} of the existing table
     * @param desiredShowCreateTable {@code SHOW CREATE TABLE} of the desired table, created under another name
     * @param hints                  how to treat AUTO_INCREMENT and column renames
     * @return the ALTER TABLE statement, or empty when the tables are already the same
     * @throws SchemaDiffException when a text is not a CREATE TABLE the differ can read, or a
     *         difference has no faithful ALTER TABLE clause
     */
    Optional<String> diffTable(String liveShowCreateTable, String desiredShowCreateTable, DiffHints hints);

    /**
     * The {@code CREATE OR REPLACE VIEW} statement that makes the live view the desired one.
     * Algorithm, definer, SQL security, column list, body and check option all count; the
     * statement names the live view.
     *
     * @param liveShowCreateView    {@code SHOW CREATE VIEW} of the existing view
     * @param desiredShowCreateView {@code SHOW CREATE VIEW} of the desired view, created under another name
     * @param hints                 accepted for symmetry with {@link #diffTable}; no hint affects views
     * @return the statement, or empty when the views are already the same
     * @throws SchemaDiffException when a text is not a CREATE VIEW the differ can read
     */
    Optional<String> diffView(String liveShowCreateView, String desiredShowCreateView, DiffHints hints);
}
