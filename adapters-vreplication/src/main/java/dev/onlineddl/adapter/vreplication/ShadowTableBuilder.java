package dev.onlineddl.adapter.vreplication;

import dev.onlineddl.domain.MigrationUuid;
import dev.onlineddl.domain.ddl.RewrittenAlterTable;
import dev.onlineddl.domain.ddl.RewrittenCreateTable;
import dev.onlineddl.domain.naming.Identifiers;
import dev.onlineddl.spi.StrategyContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the shadow table as a copy of the source (constraint names rewritten deterministically,
 * as Vitess does) and applies the migration's ALTER to it, rewritten for the shadow: one
 * statement per extra FULLTEXT index, {@code ALGORITHM=COPY}.
 */
final class ShadowTableBuilder {

    private final StrategyContext context;

    ShadowTableBuilder(StrategyContext context) {
        this.context = context;
    }

    /** Creates the table; the caller reports it as an artifact before {@link #alter}. */
    RewrittenCreateTable create(MigrationUuid uuid, String schema, String source, String shadow, boolean allowForeignKeys)
            throws SQLException {
        String showCreate = context.schemaInspector().showCreateTable(schema, source)
                .orElseThrow(() -> new IllegalStateException("table `" + source + "` does not exist in `" + schema + "`"));
        RewrittenCreateTable create = context.ddlAnalyzer().rewriteCreateTableForCopy(showCreate, source, shadow, uuid,
                allowForeignKeys);
        execute(create.sql());
        return create;
    }

    void alter(MigrationUuid uuid, String alterSql, String source, String shadow, RewrittenCreateTable created)
            throws SQLException {
        RewrittenAlterTable alter = context.ddlAnalyzer().rewriteAlterTableForShadow(alterSql, source, shadow, uuid,
                created.constraintRenames());
        for (String statement : alter.statements()) {
            execute(statement);
        }
    }

    void carryAutoIncrement(String schema, String shadow, long autoIncrement) throws SQLException {
        execute("ALTER TABLE " + Identifiers.quoteQualified(schema, shadow) + " AUTO_INCREMENT=" + autoIncrement);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = context.connections().open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
