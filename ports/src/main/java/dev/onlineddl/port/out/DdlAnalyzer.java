package dev.onlineddl.port.out;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.AlterColumnChanges;
import dev.onlineddl.domain.ddl.DdlStatement;
import dev.onlineddl.domain.ddl.RewrittenAlterTable;
import dev.onlineddl.domain.ddl.RewrittenCreateTable;
import dev.onlineddl.domain.ddl.SpecialAlterPlan;
import dev.onlineddl.domain.ddl.SpecialPlanOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and rewrites MySQL DDL text. Everything the executor needs to know about a statement
 * comes from here, so the rest of the core never parses SQL.
 *
 * <p>Every method is a pure function of its arguments (no server access) and fails with an
 * {@link InvalidInputException} whose message names the statement: for text that is not valid
 * DDL, for valid MySQL the parser cannot read (rather than guess), and for statements online DDL
 * does not migrate. A rewritten statement is always parsed again before it is returned, so a
 * rewrite never hands out SQL the analyzer itself cannot read back identically.
 */
public interface DdlAnalyzer {

    /**
     * Splits submitted SQL into statements (on {@code ;} outside quotes and comments) and
     * describes each: one {@link DdlStatement} per CREATE/ALTER TABLE or VIEW and per REVERT, one
     * per table of a DROP TABLE/VIEW. Applies Vitess's submit-time checks: no
     * FOREIGN KEY definition unless {@code allowForeignKeys}, no {@code ALTER TABLE ... RENAME},
     * at most one migration when a UUID is provided.
     *
     * @param sql              one or more statements
     * @param allowForeignKeys the strategy's {@code --unsafe-allow-foreign-keys}
     * @param providedUuid     the UUID the caller chose for the migration, if any
     * @throws InvalidInputException for an empty submission, a statement that cannot be parsed,
     *         an unsupported statement, or a failed check
     */
    List<DdlStatement> analyzeSubmission(String sql, boolean allowForeignKeys, Optional<MigrationUuid> providedUuid);

    /**
     * Describes one stored migration statement (as produced by {@link #analyzeSubmission}),
     * without the submit-time checks.
     *
     * @throws InvalidInputException if the text is not exactly one supported statement naming one table
     */
    DdlStatement describe(String sql);

    /**
     * Vitess's {@code createTableLike}: the CREATE TABLE to make a copy of a table, from its
     * {@code SHOW CREATE TABLE}, with CHECK and FOREIGN KEY constraints renamed for the migration
     * (deterministically, as Vitess's {@code newConstraintName} does).
     *
     * @param showCreateTable  the source table's {@code SHOW CREATE TABLE}
     * @param originalTable    the source table's name, which enters the constraint name hash
     * @param newTable         the copy's name (shadow or artifact table)
     * @param migration        the migration making the copy
     * @param allowForeignKeys {@code --unsafe-allow-foreign-keys}; without it a FOREIGN KEY fails the copy
     */
    RewrittenCreateTable rewriteCreateTableForCopy(String showCreateTable, String originalTable, String newTable,
            MigrationUuid migration, boolean allowForeignKeys);

    /**
     * The statements that apply a migration's ALTER TABLE to its shadow table (Vitess
     * {@code validateAndEditAlterTableStatement}).
     *
     * @param alterSql          the migration's ALTER TABLE
     * @param originalTable     the migrated table's name
     * @param shadowTable       the shadow table's name
     * @param migration         the migration
     * @param constraintRenames the renames made when the shadow table was created
     * @throws InvalidInputException when the ALTER drops a constraint the table does not have
     */
    RewrittenAlterTable rewriteAlterTableForShadow(String alterSql, String originalTable, String shadowTable,
            MigrationUuid migration, Map<String, String> constraintRenames);

    /**
     * Whether an ALTER TABLE can run as an immediate operation (Vitess {@code analyzeSpecialAlterPlan}): tries
     * drop-range-partition and add-range-partition when {@code --fast-range-rotation} is set, then
     * instant DDL when {@code --prefer-instant-ddl} is set; the first that applies wins.
     *
     * @param alterSql        the migration's ALTER TABLE
     * @param showCreateTable the table's current {@code SHOW CREATE TABLE}
     * @throws InvalidInputException when the ALTER drops several partitions at once, which only
     *         the plain (copying) path could do and Vitess refuses
     */
    Optional<SpecialAlterPlan> analyzeSpecialAlterPlan(String alterSql, String showCreateTable,
            SpecialPlanOptions options);

    /**
     * A CREATE OR REPLACE VIEW that defines a view as the given CREATE VIEW or ALTER VIEW does, but
     * under another name (Vitess's {@code executeAlterViewOnline}, which builds the new view
     * aside and swaps it in).
     */
    String viewAsCreateOrReplace(String viewSql, String newViewName);

    /**
     * What an ALTER TABLE does to the table's columns (dropped, renamed), whether it renames the
     * table and whether it sets AUTO_INCREMENT: the part of the ALTER that copying rows from the
     * old table to the altered one depends on (as Vitess v16's vrepl analysis reads it).
     *
     * <p>A default that fails, so that stand-in analyzers of tests that never copy rows need not
     * implement it.
     *
     * @param alterSql one ALTER TABLE
     * @throws InvalidInputException if the text is not exactly one ALTER TABLE the analyzer can read
     */
    default AlterColumnChanges alterColumnChanges(String alterSql) {
        throw new UnsupportedOperationException(getClass().getName()
                + " does not analyse the column changes of an ALTER TABLE: use an analyzer that does (the JSQLParser one)"
                + " to run a migration that copies rows");
    }
}
