package dev.onlineddl.domain.ddl;

import dev.onlineddl.domain.DdlAction;
import dev.onlineddl.domain.MigrationUuid;

import java.util.Objects;
import java.util.Optional;

/**
 * One migration's statement, parsed: what it does, to which table or view, with which modifiers.
 * A {@code DROP TABLE a, b} is two of these, each dropping one table.
 *
 * @param kind        what the statement is
 * @param table       the table or view it changes, unquoted (as MySQL stores the name); empty for
 *                    a REVERT, whose table is only known once the reverted migration is read
 * @param ifExists    {@code DROP ... IF EXISTS} or {@code ALTER TABLE IF EXISTS}
 * @param ifNotExists {@code CREATE ... IF NOT EXISTS}
 * @param orReplace   {@code CREATE OR REPLACE VIEW}
 * @param revertOf    the migration a REVERT reverts; present exactly for {@link DdlStatementKind#REVERT}
 * @param sql         the statement as the executor stores and runs it: normalised by the parser,
 *                    without comments, dropping only {@link #table} for a DROP
 */
public record DdlStatement(
        DdlStatementKind kind,
        String table,
        boolean ifExists,
        boolean ifNotExists,
        boolean orReplace,
        Optional<MigrationUuid> revertOf,
        String sql) {

    public DdlStatement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(revertOf, "revertOf");
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("a DDL statement needs its SQL text");
        }
        if (kind == DdlStatementKind.REVERT) {
            if (revertOf.isEmpty() || !table.isEmpty()) {
                throw new IllegalArgumentException("a REVERT names the migration it reverts and no table: " + sql);
            }
        } else if (revertOf.isPresent() || table.isEmpty()) {
            throw new IllegalArgumentException(kind + " names a table and reverts nothing: " + sql);
        }
    }

    /** A CREATE, ALTER or DROP of a table or view. */
    public static DdlStatement of(DdlStatementKind kind, String table, boolean ifExists, boolean ifNotExists,
            boolean orReplace, String sql) {
        return new DdlStatement(kind, table, ifExists, ifNotExists, orReplace, Optional.empty(), sql);
    }

    /**
     * {@code REVERT VITESS_MIGRATION '<uuid>'}, in the form the executor stores. Vitess's UUID
     * character class admits a backslash, which is escaped so it cannot swallow the closing quote.
     */
    public static DdlStatement revert(MigrationUuid revertedMigration) {
        Objects.requireNonNull(revertedMigration, "reverted migration");
        return new DdlStatement(DdlStatementKind.REVERT, "", false, false, false, Optional.of(revertedMigration),
                "REVERT VITESS_MIGRATION '" + revertedMigration.value().replace("\\", "\\\\") + "'");
    }

    public DdlAction action() {
        return kind.action();
    }

    public boolean isView() {
        return kind.isView();
    }

    public boolean isRevert() {
        return kind == DdlStatementKind.REVERT;
    }
}
