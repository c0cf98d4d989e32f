package dev.onlineddl.domain.ddl;

import dev.onlineddl.domain.InvalidInputException;
import dev.onlineddl.domain.MigrationUuid;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks online DDL makes when a statement is submitted (as Vitess makes them), before any
 * migration exists. Each rejection starts with Vitess's message, so that tools matching on it
 * keep working, and then says what to do.
 */
public final class DdlSubmissionRules {

    /** Vitess's {@code ErrForeignKeyFound}. */
    public static final String FOREIGN_KEY_NOT_SUPPORTED =
            "foreign key constraints are not supported in online DDL, see https://vitess.io/blog/2021-06-15-online-ddl-why-no-fk/";

    /** Vitess's {@code ErrRenameTableFound}. */
    public static final String ALTER_RENAME_NOT_SUPPORTED = "ALTER TABLE ... RENAME is not supported in online DDL";

    /** Vitess's prefix for any statement that is not a CREATE/ALTER/DROP of a table or view, or a REVERT. */
    public static final String UNSUPPORTED_STATEMENT = "unsupported statement for Online DDL";

    private DdlSubmissionRules() {
    }

    /** A FOREIGN KEY definition was found and {@code --unsafe-allow-foreign-keys} was not given. */
    public static InvalidInputException foreignKeyNotAllowed(String table, String sql) {
        return new InvalidInputException(FOREIGN_KEY_NOT_SUPPORTED + " (table " + table + ", statement: " + sql
                + "): remove the FOREIGN KEY, or submit with --unsafe-allow-foreign-keys if you accept the risks");
    }

    /** {@code ALTER TABLE ... RENAME [TO] x}: the migration would lose track of its table. */
    public static InvalidInputException alterRenameNotAllowed(String table, String sql) {
        return new InvalidInputException(ALTER_RENAME_NOT_SUPPORTED + " (table " + table + ", statement: " + sql
                + "): rename the table with a separate RENAME TABLE outside online DDL");
    }

    /** The statement is valid SQL but not something online DDL migrates. */
    public static InvalidInputException unsupportedStatement(String sql, String reason) {
        Objects.requireNonNull(reason, "reason");
        return new InvalidInputException(UNSUPPORTED_STATEMENT + ": " + sql
                + (reason.isEmpty() ? "" : " (" + reason + ")"));
    }

    /**
     * A caller-provided UUID names exactly one migration (Vitess {@code NewOnlineDDLs}): if the
     * submission produced several (a multi-statement script, or {@code DROP TABLE a, b}), the UUID
     * would be ambiguous.
     *
     * @throws InvalidInputException {@code UUID <u> provided but multiple DDLs generated}
     */
    public static void requireSingleMigrationForProvidedUuid(Optional<MigrationUuid> providedUuid,
            List<DdlStatement> statements) {
        Objects.requireNonNull(providedUuid, "provided UUID");
        Objects.requireNonNull(statements, "statements");
        if (providedUuid.isPresent() && statements.size() > 1) {
            throw new InvalidInputException("UUID " + providedUuid.get() + " provided but multiple DDLs generated ("
                    + statements.size() + " migrations from the submitted SQL): submit one statement per UUID,"
                    + " or omit the UUID to get one generated per migration");
        }
    }
}
