package dev.onlineddl.archfixture.compliant.adapter.mysql;

import dev.onlineddl.archfixture.compliant.adapter.mysql.sql.Identifiers;
import dev.onlineddl.archfixture.compliant.domain.Table;
import dev.onlineddl.archfixture.compliant.port.out.TableInspector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Compliant fixture: an adapter implements a port with its own libraries and its own subpackage. */
public final class JdbcTableInspector implements TableInspector {
    private final Connection connection;

    public JdbcTableInspector(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<String> showCreateTable(Table table) {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW CREATE TABLE " + Identifiers.qualified(table))) {
            return rows.next() ? Optional.of(rows.getString(2)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW CREATE TABLE failed for " + table, e);
        }
    }
}
