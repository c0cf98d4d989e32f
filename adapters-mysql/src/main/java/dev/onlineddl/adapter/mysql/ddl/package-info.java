/**
 * The {@code DdlAnalyzer} port implemented with JSQLParser 5.4, plus the adapter's own MySQL lexer
 * ({@link dev.onlineddl.adapter.mysql.sql.SqlLexer}, shared with the schema differ). The lexer does
 * what JSQLParser cannot be trusted with: splitting scripts into statements,
 * unwrapping executable comments, splitting an ALTER TABLE into its clauses (JSQLParser folds
 * everything after an unknown table option into one opaque string), table options, view options
 * and the DROP FOREIGN KEY / DROP CHECK / REVERT forms JSQLParser does not know. Every parse is
 * checked token by token against its printed form, so SQL is never silently changed.
 */
package dev.onlineddl.adapter.mysql.ddl;
