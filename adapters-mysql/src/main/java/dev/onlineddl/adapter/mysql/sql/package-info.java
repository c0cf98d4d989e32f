/**
 * The adapter's one MySQL lexer ({@link dev.onlineddl.adapter.mysql.sql.SqlLexer}): MySQL's rules
 * for quotes, comments and executable comments, shared by the DDL analyzer (submitted statements)
 * and the schema differ ({@code SHOW CREATE} output), so that both split text the same way.
 */
package dev.onlineddl.adapter.mysql.sql;
